package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.sql.internal.Token.Kind;
import java.util.List;

/** Reads SHOW and DESCRIBE statements into {@link Plan.Show}. */
final class Shows {
  private Shows() {
  }

  static Plan plan(Rewriter rw) {
    if (!rw.word(0).equals("SHOW")) {
      return describe(rw);
    }
    String what = rw.word(1);
    switch (what) {
      case "CATALOGS" -> {
        return new Plan.Show("CATALOGS", List.of(), pattern(rw, 2));
      }
      case "SCHEMAS", "DATABASES", "TABLES", "VIEWS" -> {
        int k = 2;
        List<String> in = List.of();
        if (rw.word(k).equals("FROM") || rw.word(k).equals("IN")) {
          in = rw.chainAt(rw.sig(k + 1));
          k = rw.sigPosition(rw.chainEnd(rw.sig(k + 1))) + 1;
        }
        return new Plan.Show(what.equals("DATABASES") ? "SCHEMAS" : what, in, pattern(rw, k));
      }
      case "COLUMNS" -> {
        if (!rw.word(2).equals("FROM") && !rw.word(2).equals("IN")) {
          throw new SqlSyntaxException("SHOW COLUMNS without IN <table>");
        }
        List<String> table = rw.chainAt(rw.sig(3));
        int k = rw.sigPosition(rw.chainEnd(rw.sig(3))) + 1;
        if ((rw.word(k).equals("FROM") || rw.word(k).equals("IN")) && table.size() == 1) {
          List<String> schema = rw.chainAt(rw.sig(k + 1));
          table = new java.util.ArrayList<>(schema);
          table.add(rw.token(rw.sig(3)).text());
        }
        return new Plan.Show("COLUMNS", table, null);
      }
      case "TBLPROPERTIES" -> {
        return new Plan.Show("TBLPROPERTIES", rw.chainAt(rw.sig(2)), null);
      }
      default -> throw unsupported("SHOW " + what);
    }
  }

  private static Plan describe(Rewriter rw) {
    int k = 1;
    String next = rw.word(k);
    if (List.of("SCHEMA", "DATABASE", "CATALOG", "FUNCTION", "QUERY", "HISTORY", "DETAIL", "VOLUME").contains(next)) {
      throw unsupported("DESCRIBE " + next);
    }
    while (List.of("TABLE", "EXTENDED", "FORMATTED").contains(rw.word(k))) {
      k++;
    }
    Token name = rw.token(rw.sig(k));
    if (name == null || !name.identifier()) {
      throw new SqlSyntaxException("DESCRIBE without a table name");
    }
    return new Plan.Show("DESCRIBE", rw.chainAt(rw.sig(k)), null);
  }

  /** An optional {@code [LIKE] 'pattern'} at significant position k. */
  private static String pattern(Rewriter rw, int k) {
    int at = rw.word(k).equals("LIKE") ? k + 1 : k;
    Token t = rw.token(rw.sig(at));
    return t != null && t.is(Kind.STRING) ? t.text() : null;
  }

  static SqlException unsupported(String what) {
    return SqlException.badRequest("0A000", "[UNSUPPORTED_FEATURE] The databricks4j testkit does not emulate " + what
        + "; it answers SHOW CATALOGS, SCHEMAS, TABLES, VIEWS, COLUMNS and TBLPROPERTIES, and DESCRIBE TABLE.");
  }
}
