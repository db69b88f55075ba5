package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.sql.internal.Token.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clauses of CREATE TABLE, VIEW and SCHEMA that Delta has and DuckDB does not: taken out of
 * the statement, with the comments and properties kept for Unity Catalog, and the column types
 * marked for rewriting.
 */
final class CreateClauses {
  private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK");

  private CreateClauses() {
  }

  /** Strips a CREATE statement; the table's metadata, or null for anything but a table or view. */
  static Plan.TableMeta strip(Rewriter rw) {
    int k = 1;
    if (rw.word(0).equals("REPLACE")) {
      rw.replaced.put(rw.sig(0), "CREATE OR REPLACE");
    } else if (rw.word(1).equals("OR") && rw.word(2).equals("REPLACE")) {
      k = 3;
    }
    while (rw.word(k).equals("EXTERNAL") || rw.word(k).equals("TEMPORARY") || rw.word(k).equals("TEMP")
        || rw.word(k).equals("GLOBAL")) {
      if (rw.word(k).equals("EXTERNAL") || rw.word(k).equals("GLOBAL")) {
        rw.dropped[rw.sig(k)] = true;
      }
      k++;
    }
    String kind = rw.word(k);
    boolean table = kind.equals("TABLE");
    boolean view = kind.equals("VIEW");
    if (!table && !view && !kind.equals("SCHEMA") && !kind.equals("DATABASE")) {
      return null;
    }
    k++;
    if (rw.word(k).equals("IF")) {
      k += 3;
    }
    int nameAt = rw.sig(k);
    Token nameToken = rw.token(nameAt);
    if (nameToken == null || !nameToken.identifier()) {
      return null;
    }
    List<String> name = rw.chainAt(nameAt);
    int p = rw.sigPosition(rw.chainEnd(nameAt)) + 1;
    Map<String, String> columnComments = new LinkedHashMap<>();
    Token afterName = rw.token(rw.sig(p));
    if ((table || view) && afterName != null && afterName.op("(")) {
      int close = matching(rw, rw.sig(p));
      columns(rw, rw.sig(p), close, table, columnComments);
      p = rw.sigPosition(close) + 1;
    }
    String comment = "";
    Map<String, String> properties = new LinkedHashMap<>();
    while (p < rw.sigCount()) {
      String w = rw.word(p);
      int at = rw.sig(p);
      switch (w) {
        case "USING", "LOCATION" -> p = drop(rw, at, rw.sig(p + 1), p + 2);
        case "COMMENT" -> {
          comment = rw.token(rw.sig(p + 1)).text();
          p = drop(rw, at, rw.sig(p + 1), p + 2);
        }
        case "TBLPROPERTIES", "OPTIONS" -> {
          int close = matching(rw, rw.sig(p + 1));
          if (w.equals("TBLPROPERTIES")) {
            properties.putAll(rw.pairs(rw.sig(p + 1), close));
          }
          p = drop(rw, at, close, rw.sigPosition(close) + 1);
        }
        case "PARTITIONED", "CLUSTER" -> {
          Token by = rw.token(rw.sig(p + 2));
          int end = by != null && by.op("(") ? matching(rw, rw.sig(p + 2)) : rw.sig(p + 2);
          p = drop(rw, at, end, rw.sigPosition(end) + 1);
        }
        case "MANAGED" -> p = drop(rw, at, rw.sig(p + 2), p + 3);
        case "WITH" -> {
          if (!rw.word(p + 1).equals("DBPROPERTIES")) {
            return meta(table || view, name, comment, properties, columnComments);
          }
          int close = matching(rw, rw.sig(p + 2));
          p = drop(rw, at, close, rw.sigPosition(close) + 1);
        }
        default -> {
          return meta(table || view, name, comment, properties, columnComments);
        }
      }
    }
    return meta(table || view, name, comment, properties, columnComments);
  }

  /** The pairs of {@code ALTER TABLE ... SET TBLPROPERTIES (...)}. */
  static Map<String, String> properties(Rewriter rw, int open) {
    return rw.pairs(open, matching(rw, open));
  }

  private static Plan.TableMeta meta(boolean tableOrView, List<String> name, String comment,
      Map<String, String> properties, Map<String, String> columnComments) {
    return tableOrView ? new Plan.TableMeta(name, comment, properties, columnComments) : null;
  }

  /** Marks each column's type, and takes out column comments and identity clauses. */
  private static void columns(Rewriter rw, int open, int close, boolean table, Map<String, String> comments) {
    boolean elementStart = true;
    String column = null;
    int depth = 0;
    for (int j = open; j <= close; j++) {
      Token t = rw.token(j);
      if (!t.significant()) {
        continue;
      }
      if (t.op("(") || t.op("<")) {
        depth++;
        if (depth == 1) {
          continue;
        }
      } else if (t.op(")") || t.op(">")) {
        depth--;
      }
      if (depth != 1) {
        continue;
      }
      if (t.op(",")) {
        elementStart = true;
        continue;
      }
      if (elementStart) {
        elementStart = false;
        column = t.identifier() && !TABLE_CONSTRAINTS.contains(t.upper()) ? t.text() : null;
        if (column != null && table) {
          rw.typeStarts.add(rw.indexOfNext(j, 1));
        }
        continue;
      }
      if (column != null && t.word("COMMENT") && rw.next(j, 1) != null && rw.next(j, 1).is(Kind.STRING)) {
        comments.put(column, rw.next(j, 1).text());
        int end = rw.indexOfNext(j, 1);
        drop(rw, j, end, 0);
        j = end;
      } else if (t.word("GENERATED") && identity(rw, j)) {
        int end = rw.indexOfNext(j, rw.next(j, 1).word("ALWAYS") ? 3 : 4);
        Token paren = rw.next(end, 1);
        if (paren != null && paren.op("(")) {
          end = matching(rw, rw.indexOfNext(end, 1));
        }
        drop(rw, j, end, 0);
        j = end;
      }
    }
  }

  private static boolean identity(Rewriter rw, int generated) {
    for (int n = 1; n <= 4; n++) {
      Token t = rw.next(generated, n);
      if (t != null && t.word("IDENTITY")) {
        return true;
      }
    }
    return false;
  }

  /** Drops tokens {@code from..to} and answers {@code resume}, the significant position to go on from. */
  private static int drop(Rewriter rw, int from, int to, int resume) {
    if (from < 0 || to < 0) {
      throw new SqlSyntaxException("a clause without its value");
    }
    for (int j = from; j <= to; j++) {
      rw.dropped[j] = true;
    }
    return resume;
  }

  /** The index of the parenthesis that closes the one at {@code open}. */
  static int matching(Rewriter rw, int open) {
    if (rw.token(open) == null || !rw.token(open).op("(")) {
      throw new SqlSyntaxException("a missing '('");
    }
    int depth = 0;
    for (int j = open; rw.token(j) != null; j++) {
      Token t = rw.token(j);
      depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
      if (depth == 0) {
        return j;
      }
    }
    throw new SqlSyntaxException("a missing ')'");
  }
}
