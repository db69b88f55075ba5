package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.sql.internal.Token.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tokens of one statement, with the edits planned on them (tokens dropped, replaced, or
 * marked as the start of a type) and lookups by significant position: what the rewriter, its
 * CREATE clauses and its SHOW reader share.
 */
class TokenStream {
  final List<Token> tokens;
  final boolean[] dropped;
  final Map<Integer, String> replaced = new HashMap<>();
  final Set<Integer> typeStarts = new HashSet<>();
  private final List<Integer> sig = new ArrayList<>();

  TokenStream(List<Token> all) {
    this.tokens = new ArrayList<>(all);
    trimSemicolons();
    this.dropped = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).significant()) {
        sig.add(i);
      }
    }
  }

  /** The parts of the dotted name that starts at token {@code i}. */
  List<String> chainAt(int i) {
    List<String> parts = new ArrayList<>();
    parts.add(tokens.get(i).text());
    int j = i;
    while (j + 2 < tokens.size() && tokens.get(j + 1).op(".") && tokens.get(j + 2).identifier()) {
      parts.add(tokens.get(j + 2).text());
      j += 2;
    }
    return parts;
  }

  /** The index of the last token of the dotted name that starts at {@code i}. */
  int chainEnd(int i) {
    int j = i;
    while (j + 2 < tokens.size() && tokens.get(j + 1).op(".") && tokens.get(j + 2).identifier()) {
      j += 2;
    }
    return j;
  }

  private void trimSemicolons() {
    while (!tokens.isEmpty() && (!tokens.get(tokens.size() - 1).significant() || tokens.get(tokens.size() - 1).op(";"))) {
      tokens.remove(tokens.size() - 1);
    }
    for (Token t : tokens) {
      if (t.op(";")) {
        throw new SqlSyntaxException("more than one statement; the Statement Execution API runs one statement a call");
      }
    }
  }

  int sig(int k) {
    return k < sig.size() ? sig.get(k) : -1;
  }

  int sigCount() {
    return sig.size();
  }

  /** The position among significant tokens of token index {@code i}. */
  int sigPosition(int i) {
    return sig.indexOf(i);
  }

  /** The k-th significant token as an upper-case word, or "" when it is not a word. */
  String word(int k) {
    if (k >= sig.size()) {
      return "";
    }
    Token t = tokens.get(sig.get(k));
    return t.is(Kind.WORD) ? t.upper() : "";
  }

  Token token(int i) {
    return i < 0 || i >= tokens.size() ? null : tokens.get(i);
  }

  boolean anyWord(String keyword) {
    return sig.stream().anyMatch(i -> tokens.get(i).word(keyword));
  }

  /** The n-th significant token after index i, or null. */
  Token next(int i, int n) {
    int j = indexOfNext(i, n);
    return j < 0 ? null : tokens.get(j);
  }

  int indexOfNext(int i, int n) {
    int seen = 0;
    for (int j = i + 1; j < tokens.size(); j++) {
      if (tokens.get(j).significant() && ++seen == n) {
        return j;
      }
    }
    return -1;
  }

  int indexOfOp(String op, int from) {
    for (int j = Math.max(0, from); j < tokens.size(); j++) {
      if (tokens.get(j).op(op)) {
        return j;
      }
    }
    throw new SqlSyntaxException("a missing '" + op + "'");
  }

  /** Key-value pairs in parentheses from {@code open}, as TBLPROPERTIES and OPTIONS write them. */
  Map<String, String> pairs(int open, int close) {
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder key = new StringBuilder();
    String value = null;
    boolean afterEquals = false;
    for (int j = open + 1; j < close; j++) {
      Token t = tokens.get(j);
      if (!t.significant()) {
        continue;
      }
      if (t.op(",")) {
        if (key.length() > 0) {
          out.put(key.toString(), value == null ? "" : value);
        }
        key.setLength(0);
        value = null;
        afterEquals = false;
      } else if (t.op("=")) {
        afterEquals = true;
      } else if (afterEquals) {
        value = t.text();
      } else {
        key.append(t.text());
      }
    }
    if (key.length() > 0) {
      out.put(key.toString(), value == null ? "" : value);
    }
    return out;
  }}
