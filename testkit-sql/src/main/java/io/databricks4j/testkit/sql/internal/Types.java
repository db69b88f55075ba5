package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Types between the two dialects: a Databricks type ({@code ARRAY<STRUCT<a: INT>>}) as DuckDB
 * declares it ({@code STRUCT("a" INTEGER)[]}), and a DuckDB type as a result manifest and Unity
 * Catalog name it, by family ({@code INT}) and in full ({@code DECIMAL(10,2)}).
 */
final class Types {
  /** A Databricks type: its family, full text and, for DECIMAL, precision and scale. */
  record DbType(String name, String text, int precision, int scale) {
    static DbType of(String name, String text) {
      return new DbType(name, text, 0, 0);
    }
  }

  private final String s;
  private int pos;

  private Types(String s) {
    this.s = s;
  }

  /** The DuckDB declaration of a Databricks type. */
  static String toDuck(String databricksType) {
    Types p = new Types(databricksType);
    String out = p.duck();
    p.space();
    if (p.pos < p.s.length()) {
      throw unsupported(databricksType);
    }
    return out;
  }

  /** The Databricks type of a DuckDB type as JDBC metadata or {@code duckdb_columns()} print it. */
  static DbType fromDuck(String duckType) {
    Types p = new Types(duckType);
    DbType t = p.databricks();
    return t;
  }

  private String duck() {
    String word = word().toUpperCase(Locale.ROOT);
    switch (word) {
      case "ARRAY" -> {
        expect('<');
        String element = duck();
        expect('>');
        return element + "[]";
      }
      case "MAP" -> {
        expect('<');
        String key = duck();
        expect(',');
        String value = duck();
        expect('>');
        return "MAP(" + key + ", " + value + ")";
      }
      case "STRUCT" -> {
        expect('<');
        List<String> fields = new ArrayList<>();
        while (!peek('>')) {
          String name = name();
          space();
          if (peek(':')) {
            pos++;
          }
          String type = duck();
          skipFieldOptions();
          fields.add(Token.quote(name) + " " + type);
          if (!peek('>')) {
            expect(',');
          }
        }
        expect('>');
        if (fields.isEmpty()) {
          throw unsupported(s);
        }
        return "STRUCT(" + String.join(", ", fields) + ")";
      }
      case "DECIMAL", "DEC", "NUMERIC" -> {
        int precision = 10;
        int scale = 0;
        if (peek('(')) {
          pos++;
          precision = Integer.parseInt(word());
          if (peek(',')) {
            pos++;
            scale = Integer.parseInt(word());
          }
          expect(')');
        }
        return "DECIMAL(" + precision + "," + scale + ")";
      }
      case "STRING", "VARCHAR", "CHAR", "CHARACTER" -> {
        skipParens();
        return "VARCHAR";
      }
      case "INT", "INTEGER" -> {
        return "INTEGER";
      }
      case "BIGINT", "LONG" -> {
        return "BIGINT";
      }
      case "SMALLINT", "SHORT" -> {
        return "SMALLINT";
      }
      case "TINYINT", "BYTE" -> {
        return "TINYINT";
      }
      case "FLOAT", "REAL" -> {
        return "FLOAT";
      }
      case "DOUBLE" -> {
        return "DOUBLE";
      }
      case "BOOLEAN", "BOOL" -> {
        return "BOOLEAN";
      }
      case "DATE" -> {
        return "DATE";
      }
      case "TIMESTAMP", "TIMESTAMP_LTZ" -> {
        return "TIMESTAMPTZ";
      }
      case "TIMESTAMP_NTZ" -> {
        return "TIMESTAMP";
      }
      case "BINARY" -> {
        return "BLOB";
      }
      case "VOID" -> {
        return "INTEGER";
      }
      case "VARIANT" -> {
        return "JSON";
      }
      case "INTERVAL" -> {
        int save = pos;
        while (pos < s.length()) {
          String unit = word().toUpperCase(Locale.ROOT);
          if (!List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO").contains(unit)) {
            break;
          }
          save = pos;
        }
        pos = save;
        return "INTERVAL";
      }
      default -> throw unsupported(s);
    }
  }

  private DbType databricks() {
    DbType t = scalar();
    while (peek('[')) {
      int close = s.indexOf(']', pos);
      pos = close + 1;
      t = DbType.of("ARRAY", "ARRAY<" + t.text() + ">");
    }
    return t;
  }

  private DbType scalar() {
    String word = word().toUpperCase(Locale.ROOT);
    switch (word) {
      case "STRUCT" -> {
        expect('(');
        List<String> fields = new ArrayList<>();
        while (!peek(')')) {
          String name = name();
          DbType type = databricks();
          fields.add(name + ": " + type.text());
          if (!peek(')')) {
            expect(',');
          }
        }
        expect(')');
        return DbType.of("STRUCT", "STRUCT<" + String.join(", ", fields) + ">");
      }
      case "MAP" -> {
        expect('(');
        DbType key = databricks();
        expect(',');
        DbType value = databricks();
        expect(')');
        return DbType.of("MAP", "MAP<" + key.text() + ", " + value.text() + ">");
      }
      case "DECIMAL", "NUMERIC" -> {
        int precision = 18;
        int scale = 3;
        if (peek('(')) {
          pos++;
          precision = Integer.parseInt(word());
          scale = 0;
          if (peek(',')) {
            pos++;
            scale = Integer.parseInt(word());
          }
          expect(')');
        }
        return new DbType("DECIMAL", "DECIMAL(" + precision + "," + scale + ")", precision, scale);
      }
      case "TIMESTAMP" -> {
        space();
        if (s.regionMatches(true, pos, "WITH TIME ZONE", 0, 14)) {
          pos += 14;
          return DbType.of("TIMESTAMP", "TIMESTAMP");
        }
        return DbType.of("TIMESTAMP_NTZ", "TIMESTAMP_NTZ");
      }
      case "UNION", "ENUM" -> {
        skipParens();
        return DbType.of("STRING", "STRING");
      }
      default -> {
        skipParens();
        return simple(word);
      }
    }
  }

  private static DbType simple(String duck) {
    return switch (duck) {
      case "BOOLEAN" -> DbType.of("BOOLEAN", "BOOLEAN");
      case "TINYINT" -> DbType.of("BYTE", "TINYINT");
      case "SMALLINT", "UTINYINT" -> DbType.of("SHORT", "SMALLINT");
      case "INTEGER", "USMALLINT" -> DbType.of("INT", "INT");
      case "BIGINT", "UINTEGER" -> DbType.of("LONG", "BIGINT");
      case "HUGEINT", "UHUGEINT", "UBIGINT", "VARINT", "BIGNUM" -> new DbType("DECIMAL", "DECIMAL(38,0)", 38, 0);
      case "FLOAT" -> DbType.of("FLOAT", "FLOAT");
      case "DOUBLE" -> DbType.of("DOUBLE", "DOUBLE");
      case "DATE" -> DbType.of("DATE", "DATE");
      case "TIMESTAMPTZ", "TIMESTAMP_TZ" -> DbType.of("TIMESTAMP", "TIMESTAMP");
      case "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> DbType.of("TIMESTAMP_NTZ", "TIMESTAMP_NTZ");
      case "BLOB" -> DbType.of("BINARY", "BINARY");
      case "INTERVAL" -> DbType.of("INTERVAL", "INTERVAL");
      case "NULL", "\"NULL\"" -> DbType.of("NULL", "VOID");
      default -> DbType.of("STRING", "STRING");
    };
  }

  /** A word, or a number, or a run of the characters of a quoted name. */
  private String word() {
    space();
    if (pos < s.length() && s.charAt(pos) == '"') {
      return name();
    }
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw unsupported(s);
    }
    return s.substring(start, pos);
  }

  /** A field name: a word, or in double quotes or backquotes. */
  private String name() {
    space();
    if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '`')) {
      char quote = s.charAt(pos++);
      StringBuilder name = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == quote) {
          if (pos < s.length() && s.charAt(pos) == quote) {
            name.append(quote);
            pos++;
            continue;
          }
          return name.toString();
        }
        name.append(c);
      }
      throw unsupported(s);
    }
    return word();
  }

  private void skipFieldOptions() {
    while (true) {
      space();
      if (s.regionMatches(true, pos, "NOT NULL", 0, 8)) {
        pos += 8;
      } else if (s.regionMatches(true, pos, "COMMENT", 0, 7)) {
        pos += 7;
        space();
        char quote = s.charAt(pos);
        int end = s.indexOf(quote, pos + 1);
        pos = end < 0 ? s.length() : end + 1;
      } else {
        return;
      }
    }
  }

  private void skipParens() {
    if (peek('(')) {
      int depth = 0;
      do {
        char c = s.charAt(pos++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      } while (depth > 0 && pos < s.length());
    }
  }

  private boolean peek(char c) {
    space();
    return pos < s.length() && s.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw unsupported(s);
    }
    pos++;
  }

  private void space() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private static SqlException unsupported(String type) {
    return SqlException.badRequest("0A000", "[UNSUPPORTED_DATATYPE] Unsupported data type \"" + type
        + "\" (the databricks4j testkit knows the Databricks SQL types, not this one).");
  }
}
