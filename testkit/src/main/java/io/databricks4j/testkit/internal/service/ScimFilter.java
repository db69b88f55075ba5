package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * SCIM filters (RFC 7644 3.4.2.2) as Databricks accepts them: {@code attr op value} with eq, ne,
 * co, sw, ew, gt, ge, lt, le and pr, combined with and, or, not and parentheses. Attribute names
 * and string comparisons are case-insensitive.
 */
final class ScimFilter {
  private final List<String> tokens;
  private int pos;

  private ScimFilter(List<String> tokens) {
    this.tokens = tokens;
  }

  static Predicate<JsonNode> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return n -> true;
    }
    ScimFilter p = new ScimFilter(tokenize(filter));
    Predicate<JsonNode> predicate = p.or();
    if (p.pos != p.tokens.size()) {
      throw invalid(filter);
    }
    return predicate;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (peek("or")) {
      pos++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = factor();
    while (peek("and")) {
      pos++;
      left = left.and(factor());
    }
    return left;
  }

  private Predicate<JsonNode> factor() {
    if (peek("not")) {
      pos++;
      return factor().negate();
    }
    if (peek("(")) {
      pos++;
      Predicate<JsonNode> inner = or();
      expect(")");
      return inner;
    }
    String attr = next();
    String op = next().toLowerCase(Locale.ROOT);
    if (op.equals("pr")) {
      return n -> !values(n, attr).isEmpty();
    }
    String value = next();
    String literal = value.startsWith("\"") ? value.substring(1, value.length() - 1).replace("\\\"", "\"") : value;
    String v = literal.toLowerCase(Locale.ROOT);
    Predicate<String> test = switch (op) {
      case "eq" -> s -> s.equals(v);
      case "ne" -> s -> !s.equals(v);
      case "co" -> s -> s.contains(v);
      case "sw" -> s -> s.startsWith(v);
      case "ew" -> s -> s.endsWith(v);
      case "gt" -> s -> s.compareTo(v) > 0;
      case "ge" -> s -> s.compareTo(v) >= 0;
      case "lt" -> s -> s.compareTo(v) < 0;
      case "le" -> s -> s.compareTo(v) <= 0;
      default -> throw ApiException.invalid("Unsupported operator '" + op + "' in the filter");
    };
    if (op.equals("ne")) {
      return n -> values(n, attr).stream().allMatch(test);
    }
    return n -> values(n, attr).stream().anyMatch(test);
  }

  /** The values at a dotted attribute path, lower-cased, looking through arrays. */
  static List<String> values(JsonNode node, String attr) {
    List<JsonNode> current = List.of(node);
    for (String part : attr.split("\\.")) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode child = field(n, part);
        if (child == null) {
          continue;
        }
        if (child.isArray()) {
          child.forEach(next::add);
        } else {
          next.add(child);
        }
      }
      current = next;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : current) {
      if (!n.isNull() && !n.isContainerNode()) {
        out.add(n.asText().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static JsonNode field(JsonNode node, String name) {
    if (!node.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return null;
  }

  private boolean peek(String word) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw ApiException.invalid("Incomplete filter");
    }
    return tokens.get(pos++);
  }

  private void expect(String token) {
    if (!peek(token)) {
      throw ApiException.invalid("Expected '" + token + "' in the filter");
    }
    pos++;
  }

  private static List<String> tokenize(String filter) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int j = i + 1;
        while (j < filter.length() && (filter.charAt(j) != '"' || filter.charAt(j - 1) == '\\')) {
          j++;
        }
        if (j >= filter.length()) {
          throw invalid(filter);
        }
        tokens.add(filter.substring(i, j + 1));
        i = j + 1;
      } else {
        int j = i;
        while (j < filter.length() && !Character.isWhitespace(filter.charAt(j)) && filter.charAt(j) != '('
            && filter.charAt(j) != ')') {
          j++;
        }
        tokens.add(filter.substring(i, j));
        i = j;
      }
    }
    return tokens;
  }

  private static ApiException invalid(String filter) {
    return ApiException.invalid("Invalid filter: " + filter);
  }
}
