package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlParameter;
import io.databricks4j.testkit.spi.SqlStatement;
import io.databricks4j.testkit.sql.internal.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans a statement of Databricks SQL for DuckDB. Catalog commands, SHOW and DESCRIBE are
 * answered from the catalog; the rest is rewritten token by token:
 * <ul>
 *   <li>{@code :name} markers become typed bind variables, {@code IDENTIFIER(:name)} a name;
 *   <li>names of two or three parts are quoted (so {@code default} is a name), and a catalog
 *       becomes the DuckDB database that holds it;
 *   <li>backquoted names become double-quoted ones, and double-quoted strings single-quoted ones
 *       without backslash escapes;
 *   <li>Databricks types in casts, column definitions and typed literals become DuckDB types
 *       ({@code ARRAY<INT>} to {@code INTEGER[]}, {@code TIMESTAMP} to {@code TIMESTAMPTZ});
 *   <li>{@code 10L}-style literals, {@code <=>}, {@code array(...)} and {@code current_catalog()}
 *       are translated;
 *   <li>{@code USING DELTA}, {@code TBLPROPERTIES}, {@code COMMENT}, {@code PARTITIONED BY},
 *       {@code CLUSTER BY}, {@code LOCATION} and {@code OPTIONS} of CREATE TABLE are taken out,
 *       and comments and properties kept for Unity Catalog ({@link CreateClauses});
 *   <li>{@code INSERT OVERWRITE} becomes a DELETE and an INSERT.
 * </ul>
 */
final class Rewriter extends TokenStream {
  private static final Set<String> NO_OPS = Set.of("USE", "GRANT", "REVOKE", "OPTIMIZE", "ANALYZE", "REFRESH", "MSCK",
      "CACHE", "UNCACHE", "CLEAR", "SET", "RESET", "VACUUM", "FSCK", "DENY");

  private final SqlStatement statement;
  private final CatalogNames names;
  private final Map<String, SqlParameter> parameters = new HashMap<>();
  private final List<SqlParameter> binds = new ArrayList<>();

  private Rewriter(SqlStatement statement, CatalogNames names) {
    super(Lexer.tokens(statement.sql()));
    this.statement = statement;
    this.names = names;
    statement.parameters().forEach(p -> parameters.put(p.name().toLowerCase(Locale.ROOT), p));
  }

  static Plan plan(SqlStatement statement, CatalogNames names) {
    return new Rewriter(statement, names).plan();
  }

  private Plan plan() {
    if (sigCount() == 0) {
      throw new SqlSyntaxException("an empty statement");
    }
    String first = word(0);
    String second = word(1);
    if (first.equals("SHOW") || first.equals("DESCRIBE") || first.equals("DESC")) {
      return Shows.plan(this);
    }
    if (NO_OPS.contains(first)) {
      return new Plan.NoOp();
    }
    if ((first.equals("CREATE") || first.equals("DROP")) && second.equals("CATALOG")) {
      return catalogDdl(first.equals("CREATE"));
    }
    if (first.equals("ALTER") && anyWord("OWNER")) {
      return new Plan.NoOp();
    }
    if (first.equals("ALTER") && second.equals("TABLE") && anyWord("TBLPROPERTIES")) {
      List<String> name = chainAt(sig(2));
      int open = indexOfOp("(", sig(2));
      return new Plan.SetProperties(name, word(3).equals("UNSET") ? Map.of() : CreateClauses.properties(this, open));
    }
    Plan.TableMeta meta = first.equals("CREATE") || first.equals("REPLACE") ? CreateClauses.strip(this) : null;
    Plan.Overwrite overwrite = null;
    if (first.equals("INSERT") && second.equals("OVERWRITE")) {
      overwrite = overwrite();
    } else if (first.equals("INSERT") && second.equals("INTO") && word(2).equals("TABLE")) {
      dropped[sig(2)] = true;
    }
    if (first.equals("ALTER")) {
      markAlterTypes();
    }
    Plan.Shape shape = switch (first) {
      case "SELECT", "WITH", "VALUES", "FROM", "TABLE", "EXPLAIN", "PRAGMA", "SUMMARIZE" -> Plan.Shape.ROWS;
      case "INSERT" -> Plan.Shape.INSERTED;
      case "UPDATE", "DELETE", "MERGE" -> Plan.Shape.AFFECTED;
      default -> Plan.Shape.NONE;
    };
    return new Plan.Native(emit(), binds, shape, meta, overwrite);
  }

  /** Leaves the source query of INSERT OVERWRITE to emit, and answers its target. */
  private Plan.Overwrite overwrite() {
    int k = word(2).equals("TABLE") ? 3 : 2;
    int target = sig(k);
    if (target < 0 || !tokens.get(target).identifier()) {
      throw new SqlSyntaxException("INSERT OVERWRITE without a table");
    }
    String table = chain(chainAt(target), false);
    int end = chainEnd(target);
    String columns = "";
    Token next = next(end, 1);
    if (next != null && next.op("(") && !Set.of("SELECT", "WITH", "VALUES", "FROM", "TABLE")
        .contains(next(end, 2) == null ? "" : next(end, 2).upper())) {
      int close = CreateClauses.matching(this, indexOfNext(end, 1));
      StringBuilder list = new StringBuilder();
      for (int j = indexOfNext(end, 1); j <= close; j++) {
        list.append(tokens.get(j).is(Kind.QUOTED_ID) ? tokens.get(j).quoted() : tokens.get(j).raw());
      }
      columns = list.toString();
      end = close;
    }
    for (int j = 0; j <= end; j++) {
      dropped[j] = true;
    }
    return new Plan.Overwrite(table, columns);
  }

  private Plan catalogDdl(boolean create) {
    int at = 2;
    boolean guarded = false;
    if (word(2).equals("IF")) {
      guarded = true;
      at = create ? 5 : 4;
    }
    if (at >= sigCount() || !tokens.get(sig(at)).identifier()) {
      throw new SqlSyntaxException("a catalog name after " + (create ? "CREATE" : "DROP") + " CATALOG");
    }
    return new Plan.CatalogDdl(create, tokens.get(sig(at)).text(), guarded, anyWord("CASCADE"));
  }

  /** ALTER TABLE ... ADD COLUMN c T, ALTER COLUMN c TYPE T, SET DATA TYPE T: where the types start. */
  private void markAlterTypes() {
    for (int k = 0; k + 1 < sigCount(); k++) {
      if (word(k).equals("TYPE")) {
        typeStarts.add(sig(k + 1));
      }
      if (word(k).equals("ADD") && word(k + 1).equals("COLUMN") && k + 3 < sigCount()) {
        typeStarts.add(sig(k + 3));
      }
    }
  }

  /** The text for DuckDB, with binds collected in marker order. */
  private String emit() {
    StringBuilder out = new StringBuilder();
    Deque<String> openers = new ArrayDeque<>();
    Token previous = null;
    boolean typeNext = false;
    for (int i = 0; i < tokens.size(); i++) {
      if (dropped[i]) {
        continue;
      }
      Token t = tokens.get(i);
      if (replaced.containsKey(i)) {
        out.append(replaced.get(i));
        previous = t;
        continue;
      }
      if (!t.significant()) {
        out.append(t.raw());
        continue;
      }
      if ((typeNext || typeStarts.contains(i)) && t.is(Kind.WORD)) {
        int end = typeEnd(i);
        String duck = duckType(i, end);
        if (duck != null) {
          out.append(duck);
          i = end;
          previous = tokens.get(end);
          typeNext = false;
          continue;
        }
      }
      typeNext = false;
      switch (t.kind()) {
        case STRING -> out.append(Token.literal(t.text()));
        case PARAM -> out.append(bind(t.text()));
        case NUMBER -> out.append(number(t));
        case QUOTED_ID, WORD -> {
          int end = chainEnd(i);
          if (t.word("IDENTIFIER") && next(i, 1) != null && next(i, 1).op("(") && next(i, 3) != null
              && next(i, 3).op(")")) {
            out.append(chain(identifierClause(next(i, 2)), false));
            i = indexOfNext(i, 3);
          } else if (t.is(Kind.WORD) && end == i) {
            out.append(word(t, previous, i));
          } else {
            boolean schemaLevel = previous != null && (previous.word("SCHEMA") || previous.word("DATABASE")
                || previous.word("EXISTS") && (word(1).equals("SCHEMA") || word(1).equals("DATABASE")));
            out.append(chain(chainAt(i), schemaLevel));
            i = end;
          }
        }
        case OP -> {
          if (t.op("<=>")) {
            boolean spaced = i > 0 && !tokens.get(i - 1).significant();
            out.append(spaced ? "" : " ").append("IS NOT DISTINCT FROM")
                .append(i + 1 < tokens.size() && !tokens.get(i + 1).significant() ? "" : " ");
          } else {
            out.append(t.raw());
          }
          if (t.op("(")) {
            openers.push(previous != null && previous.is(Kind.WORD) ? previous.upper() : "");
          } else if (t.op(")") && !openers.isEmpty()) {
            openers.pop();
          }
          typeNext = t.op("::");
        }
        default -> out.append(t.raw());
      }
      if (t.word("AS") && !openers.isEmpty() && (openers.peek().equals("CAST") || openers.peek().equals("TRY_CAST"))) {
        typeNext = true;
      }
      previous = tokens.get(i);
    }
    return out.toString();
  }

  /** A single word: typed literals, function names and {@code default} as a schema name. */
  private String word(Token t, Token previous, int i) {
    Token next = next(i, 1);
    String upper = t.upper();
    if (next != null && next.is(Kind.STRING) && upper.startsWith("TIMESTAMP")) {
      return Types.toDuck(upper);
    }
    if (next != null && next.op("(")) {
      Token after = next(i, 2);
      boolean empty = after != null && after.op(")");
      switch (upper) {
        case "ARRAY" -> {
          return "list_value";
        }
        case "CURRENT_CATALOG" -> {
          if (empty) {
            dropUntilClose(i);
            return Token.literal(statement.catalog());
          }
        }
        case "CURRENT_SCHEMA", "CURRENT_DATABASE" -> {
          if (empty) {
            dropUntilClose(i);
            return Token.literal(statement.schema());
          }
        }
        default -> {
        }
      }
    }
    if (upper.equals("DATABASE") || upper.equals("DATABASES")) {
      return upper.equals("DATABASE") ? "SCHEMA" : "SCHEMAS";
    }
    if (upper.equals("DEFAULT") && previous != null && (previous.word("SCHEMA") || previous.word("DATABASE")
        || previous.word("EXISTS") || previous.word("IN") || previous.word("FROM"))) {
      return t.quoted();
    }
    return t.raw();
  }

  private void dropUntilClose(int i) {
    dropped[indexOfNext(i, 1)] = true;
    dropped[indexOfNext(i, 2)] = true;
  }

  private String bind(String name) {
    SqlParameter p = parameters.get(name.toLowerCase(Locale.ROOT));
    if (p == null) {
      throw SqlException.badRequest("42P02", "[UNBOUND_SQL_PARAMETER] Found the unbound parameter: " + name
          + ". Add it to the request's parameters, or remove the marker :" + name + ".");
    }
    binds.add(p);
    return "CAST(? AS " + Types.toDuck(p.type()) + ")";
  }

  private static String number(Token t) {
    String suffix = t.raw().substring(t.text().length()).toUpperCase(Locale.ROOT);
    return switch (suffix) {
      case "L" -> "CAST(" + t.text() + " AS BIGINT)";
      case "S" -> "CAST(" + t.text() + " AS SMALLINT)";
      case "Y" -> "CAST(" + t.text() + " AS TINYINT)";
      case "D" -> "CAST(" + t.text() + " AS DOUBLE)";
      case "F" -> "CAST(" + t.text() + " AS FLOAT)";
      case "BD" -> "CAST(" + t.text() + " AS DECIMAL(38," + scale(t.text()) + "))";
      default -> t.raw();
    };
  }

  private static int scale(String digits) {
    int dot = digits.indexOf('.');
    return dot < 0 ? 0 : digits.length() - dot - 1;
  }

  /** The name an {@code IDENTIFIER(...)} clause gives, from a parameter or a string. */
  private List<String> identifierClause(Token arg) {
    String text;
    if (arg.is(Kind.PARAM)) {
      SqlParameter p = parameters.get(arg.text().toLowerCase(Locale.ROOT));
      if (p == null || p.value() == null) {
        bind(arg.text());
      }
      text = p.value();
    } else if (arg.is(Kind.STRING)) {
      text = arg.text();
    } else {
      throw new SqlSyntaxException("IDENTIFIER() takes a string or a :parameter");
    }
    List<String> parts = new ArrayList<>();
    for (Token t : Lexer.tokens(text)) {
      if (t.identifier()) {
        parts.add(t.text());
      } else if (!t.op(".") && t.significant()) {
        throw SqlException.badRequest("42602", "[INVALID_SQL_SYNTAX] IDENTIFIER() got '" + text + "', which is not a name.");
      }
    }
    return parts;
  }

  /** A name of one to three parts as DuckDB reads it, the catalog mapped when it is one. */
  String chain(List<String> parts, boolean schemaLevel) {
    List<String> out = new ArrayList<>(parts);
    if (parts.size() >= 3 || schemaLevel && parts.size() == 2) {
      String engine = names.engine(parts.get(0));
      if (engine != null) {
        out.set(0, engine);
      }
    }
    StringBuilder s = new StringBuilder();
    for (String part : out) {
      s.append(s.length() == 0 ? "" : ".").append(Token.quote(part));
    }
    return s.toString();
  }

  /** The last token of the type that starts at {@code i}: a word, then a (...) or a <...>. */
  private int typeEnd(int i) {
    int end = i;
    int n = indexOfNext(i, 1);
    if (n < 0) {
      return end;
    }
    Token next = tokens.get(n);
    if (next.op("(") || next.op("<")) {
      String open = next.text();
      String close = open.equals("(") ? ")" : ">";
      int depth = 0;
      for (int j = n; j < tokens.size(); j++) {
        Token t = tokens.get(j);
        depth += t.op(open) ? 1 : t.op(close) ? -1 : 0;
        if (depth == 0) {
          return j;
        }
      }
    }
    if (tokens.get(i).word("INTERVAL")) {
      return i;
    }
    return end;
  }

  private String duckType(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int j = from; j <= to; j++) {
      text.append(tokens.get(j).raw());
    }
    try {
      return Types.toDuck(text.toString());
    } catch (SqlException e) {
      return null;
    }
  }

  SqlStatement statement() {
    return statement;
  }


}
