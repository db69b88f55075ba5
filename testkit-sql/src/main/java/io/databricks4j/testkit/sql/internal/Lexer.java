package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.sql.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Databricks SQL into tokens: backquoted identifiers, strings in single or double quotes
 * with backslash escapes (raw {@code r'...'} without), numbers with their Spark suffixes
 * ({@code 10L}), {@code :name} parameter markers (not the {@code ::} cast), comments and operators.
 */
final class Lexer {
  private static final String[] OPERATORS = {"<=>", "::", "||", "<=", ">=", "<>", "!=", "==", "->", "=>", ":="};

  private final String sql;
  private int pos;

  private Lexer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokens(String sql) {
    return new Lexer(sql).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (pos < sql.length()) {
      out.add(next());
    }
    return out;
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (Character.isWhitespace(c)) {
      while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      return token(Kind.SPACE, start);
    }
    if (sql.startsWith("--", pos)) {
      int end = sql.indexOf('\n', pos);
      pos = end < 0 ? sql.length() : end;
      return token(Kind.COMMENT, start);
    }
    if (sql.startsWith("/*", pos)) {
      int end = sql.indexOf("*/", pos + 2);
      if (end < 0) {
        throw new SqlSyntaxException("an unterminated comment /* ...");
      }
      pos = end + 2;
      return token(Kind.COMMENT, start);
    }
    if ((c == 'r' || c == 'R') && pos + 1 < sql.length() && (sql.charAt(pos + 1) == '\'' || sql.charAt(pos + 1) == '"')) {
      char quote = sql.charAt(pos + 1);
      int end = sql.indexOf(quote, pos + 2);
      if (end < 0) {
        throw new SqlSyntaxException("an unterminated string literal");
      }
      pos = end + 1;
      return new Token(Kind.STRING, sql.substring(start + 2, end), sql.substring(start, pos));
    }
    if (c == '\'' || c == '"') {
      return string(c, start);
    }
    if (c == '`') {
      StringBuilder name = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= sql.length()) {
          throw new SqlSyntaxException("an unterminated `identifier`");
        }
        char d = sql.charAt(pos++);
        if (d == '`') {
          if (pos < sql.length() && sql.charAt(pos) == '`') {
            name.append('`');
            pos++;
            continue;
          }
          break;
        }
        name.append(d);
      }
      return new Token(Kind.QUOTED_ID, name.toString(), sql.substring(start, pos));
    }
    if (Character.isDigit(c) || c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1))) {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
          || sql.charAt(pos) == '$')) {
        pos++;
      }
      return token(Kind.WORD, start);
    }
    if (c == ':' && pos + 1 < sql.length() && (Character.isLetter(sql.charAt(pos + 1)) || sql.charAt(pos + 1) == '_')
        && (pos == 0 || sql.charAt(pos - 1) != ':')) {
      pos++;
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
        pos++;
      }
      return new Token(Kind.PARAM, sql.substring(start + 1, pos), sql.substring(start, pos));
    }
    for (String op : OPERATORS) {
      if (sql.startsWith(op, pos)) {
        pos += op.length();
        return token(Kind.OP, start);
      }
    }
    pos++;
    return token(Kind.OP, start);
  }

  private Token string(char quote, int start) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= sql.length()) {
        throw new SqlSyntaxException("an unterminated string literal");
      }
      char d = sql.charAt(pos++);
      if (d == quote) {
        if (pos < sql.length() && sql.charAt(pos) == quote) {
          value.append(quote);
          pos++;
          continue;
        }
        break;
      }
      if (d == '\\' && pos < sql.length()) {
        char e = sql.charAt(pos++);
        switch (e) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case 'b' -> value.append('\b');
          case '0' -> value.append('\0');
          // LIKE patterns keep their escapes
          case '%', '_' -> value.append('\\').append(e);
          default -> value.append(e);
        }
        continue;
      }
      value.append(d);
    }
    return new Token(Kind.STRING, value.toString(), sql.substring(start, pos));
  }

  private Token number(int start) {
    while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    int digitsEnd = pos;
    if (sql.regionMatches(true, pos, "BD", 0, 2) && !identifierAt(pos + 2)) {
      pos += 2;
    } else if (pos < sql.length() && "LSYDFlsydf".indexOf(sql.charAt(pos)) >= 0 && !identifierAt(pos + 1)) {
      pos++;
    }
    String digits = sql.substring(start, digitsEnd);
    return new Token(Kind.NUMBER, digits, sql.substring(start, pos));
  }

  private boolean identifierAt(int i) {
    return i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
  }

  private Token token(Kind kind, int start) {
    String text = sql.substring(start, pos);
    return new Token(kind, text, text);
  }
}
