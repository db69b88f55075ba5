package io.databricks4j.testkit.sql.internal;

import java.util.Locale;

/**
 * A lexical token of Databricks SQL.
 *
 * @param text for a word, number or operator the source text; for a quoted identifier the name;
 *     for a string the value with escapes resolved; for a parameter its name
 * @param raw the source text, exactly
 */
record Token(Kind kind, String text, String raw) {
  enum Kind {
    WORD, QUOTED_ID, STRING, NUMBER, PARAM, OP, SPACE, COMMENT
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** A plain word equal to {@code keyword}, ignoring case. */
  boolean word(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean op(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  /** A word or quoted identifier: something that can name a catalog, schema, table or column. */
  boolean identifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_ID;
  }

  boolean significant() {
    return kind != Kind.SPACE && kind != Kind.COMMENT;
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** The identifier as DuckDB reads it: quoted, so that keywords such as {@code default} are names. */
  String quoted() {
    return quote(text);
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}
