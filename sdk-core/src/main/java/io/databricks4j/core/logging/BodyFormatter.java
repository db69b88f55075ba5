package io.databricks4j.core.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.databricks4j.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a body for the log: JSON re-printed with secret fields redacted, strings longer than
 * the limit cut ({@code ... (N more bytes)}) and arrays cut once the budget is used
 * ({@code ... (N additional elements)}); anything else as text cut to the limit.
 */
final class BodyFormatter {
  private static final int MIN_BUDGET = 96;

  private final int truncateBytes;

  BodyFormatter(int truncateBytes) {
    this.truncateBytes = Math.max(0, truncateBytes);
  }

  String format(byte[] body, boolean secretsPayload) {
    if (body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        JsonNode node = Json.mapper().readTree(t);
        if (node != null) {
          JsonNode out = marshal(node, Math.max(MIN_BUDGET, truncateBytes), secretsPayload);
          return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        }
      } catch (Exception notJson) {
        // logged as text below
      }
    }
    if (FORM.matcher(t).matches()) {
      return cut(redactForm(t));
    }
    return cut(text);
  }

  /** {@code a=1&b=two}: a form body (token requests), whose secret fields are redacted before it is cut. */
  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("[\\w.\\-%]+=[^&\\s]*(&[\\w.\\-%]+=[^&\\s]*)*");

  private static String redactForm(String form) {
    StringBuilder sb = new StringBuilder();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      boolean secret = Redaction.isSecretField(name, false) || name.equals("code") || name.equals("code_verifier");
      sb.append(sb.length() == 0 ? "" : "&").append(secret ? pair.substring(0, eq + 1) + Redaction.REDACTED : pair);
    }
    return sb.toString();
  }

  private JsonNode marshal(JsonNode v, int budget, boolean secrets) {
    if (v.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      int left = budget;
      for (Map.Entry<String, JsonNode> f : v.properties()) {
        JsonNode raw = Redaction.isSecretField(f.getKey(), secrets) && !f.getValue().isNull()
            ? TextNode.valueOf(Redaction.REDACTED) : marshal(f.getValue(), left, secrets);
        out.set(f.getKey(), raw);
        left -= raw.toString().length();
      }
      return out;
    }
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      int left = budget;
      for (int i = 0; i < v.size(); i++) {
        if (i > 0 && left <= 0) {
          out.add("... (" + (v.size() - i) + " additional elements)");
          break;
        }
        JsonNode raw = marshal(v.get(i), left, secrets);
        out.add(raw);
        left -= raw.toString().length();
      }
      return out;
    }
    if (v.isTextual()) {
      return TextNode.valueOf(cut(v.asText()));
    }
    return v;
  }

  /** {@code s} cut to the byte limit, saying how much was left out. */
  String cut(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int extra = b.length - truncateBytes;
    if (extra <= 0) {
      return s;
    }
    String head = new String(b, 0, truncateBytes, StandardCharsets.UTF_8);
    if (!head.isEmpty() && head.charAt(head.length() - 1) == '\uFFFD') {
      head = head.substring(0, head.length() - 1);
    }
    return head + "... (" + extra + " more bytes)";
  }
}
