package io.databricks4j.testkit.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to an emulated operation: its path parameters, query and JSON body, looked up by
 * wire name in that order (GET parameters arrive in the query, POST ones in the body; a client
 * that sends either way is served).
 */
public final class Call {
  /** Larger JSON bodies are refused; the biggest legitimate one is a 10 MB notebook in base64. */
  static final int MAX_JSON_BODY = 32 * 1024 * 1024;

  private final HttpExchange exchange;
  private final Operation operation;
  private final Map<String, String> pathParams;
  private final String user;
  private final String method;
  private Map<String, List<String>> query;
  private ObjectNode body;

  public Call(HttpExchange exchange, Operation operation, Map<String, String> pathParams, String user) {
    this.exchange = exchange;
    this.operation = operation;
    this.pathParams = pathParams;
    this.user = user;
    this.method = exchange.getRequestMethod();
  }

  private Call(Operation operation, Map<String, String> pathParams, Map<String, List<String>> query, ObjectNode body,
      String user) {
    this.exchange = null;
    this.operation = operation;
    this.pathParams = pathParams;
    this.user = user;
    this.method = operation.verb();
    this.query = query;
    this.body = body;
  }

  /**
   * A call the emulator makes to one of its own operations (a parent's existence, the seed): no
   * exchange, no headers, no stream.
   */
  public static Call internal(Operation operation, Map<String, String> pathParams, Map<String, List<String>> query,
      ObjectNode body, String user) {
    return new Call(operation, pathParams, query == null ? Map.of() : query, body == null ? Json.object() : body, user);
  }

  /** The exchange, or null for an {@link #internal} call. */
  public HttpExchange exchange() {
    return exchange;
  }

  public Operation operation() {
    return operation;
  }

  /** The path parameters by wire name, decoded. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  public String method() {
    return method;
  }

  /** The user name of the caller. */
  public String user() {
    return user;
  }

  /** The value of a path parameter, query parameter or body field, as text; null when absent. */
  public String param(String name) {
    String v = pathParams.get(name);
    if (v != null) {
      return v;
    }
    List<String> q = query().get(name);
    if (q != null && !q.isEmpty()) {
      return q.get(0);
    }
    return Json.string(body(), name);
  }

  /** Whether the parameter is present anywhere, with any value. */
  public boolean has(String name) {
    if (pathParams.containsKey(name) || query().containsKey(name)) {
      return true;
    }
    JsonNode v = body().get(name);
    return v != null && !v.isNull();
  }

  public String required(String name) {
    String v = param(name);
    if (v == null || v.isEmpty()) {
      JsonNode node = body().get(name);
      if (node != null && node.isContainerNode()) {
        return Json.text(node);
      }
      throw ApiException.missing(name);
    }
    return v;
  }

  public long requiredLong(String name) {
    return parseLong(name, required(name));
  }

  /** The parameter as a long, or {@code fallback} when absent. */
  public long longParam(String name, long fallback) {
    String v = param(name);
    return v == null || v.isEmpty() ? fallback : parseLong(name, v);
  }

  public int intParam(String name, int fallback) {
    long v = longParam(name, fallback);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw ApiException.invalid("Invalid value for " + name + ": " + v);
    }
    return (int) v;
  }

  public boolean bool(String name, boolean fallback) {
    String v = param(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiException.invalid("Invalid value for " + name + ": expected true or false, got '" + v + "'");
  }

  /** Every value of a repeated query parameter, or the elements of a body array. */
  public List<String> all(String name) {
    List<String> q = query().get(name);
    if (q != null) {
      return q;
    }
    List<String> values = new ArrayList<>();
    JsonNode v = body().get(name);
    if (v != null && v.isArray()) {
      v.forEach(e -> values.add(e.asText()));
    } else if (v != null && !v.isNull()) {
      values.add(v.asText());
    }
    return values;
  }

  /** A body field as JSON, or null. */
  public JsonNode node(String name) {
    JsonNode v = body().get(name);
    return v == null || v.isNull() ? null : v;
  }

  /** The JSON body as an object; an empty body is an empty object. */
  public ObjectNode body() {
    if (body == null) {
      body = parseBody();
    }
    return body;
  }

  public String header(String name) {
    return exchange == null ? null : exchange.getRequestHeaders().getFirst(name);
  }

  public InputStream bodyStream() {
    return exchange == null ? InputStream.nullInputStream() : exchange.getRequestBody();
  }

  public Map<String, List<String>> query() {
    if (query == null) {
      query = parseQuery(exchange.getRequestURI().getRawQuery());
    }
    return query;
  }

  /** Checks the description's required fields, so that every emulated operation names what is missing. */
  public void checkRequired() {
    for (String field : operation.required()) {
      if (!has(field)) {
        throw ApiException.missing(field);
      }
    }
  }

  private ObjectNode parseBody() {
    if ("stream".equals(operation.bodyKind()) || exchange == null) {
      return Json.object();
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_JSON_BODY + 1);
    } catch (IOException e) {
      throw ApiException.malformed("Could not read the request body: " + e.getMessage());
    }
    if (bytes.length > MAX_JSON_BODY) {
      throw ApiException.malformed("The request body exceeds " + MAX_JSON_BODY + " bytes");
    }
    if (isBlank(bytes)) {
      return Json.object();
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.malformed("Invalid JSON given in the body of the request - " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.malformed("Invalid JSON given in the body of the request");
    }
    if (parsed == null || parsed.isNull() || parsed.isMissingNode()) {
      return Json.object();
    }
    if (!parsed.isObject()) {
      throw ApiException.malformed("Invalid JSON given in the body of the request - expected a JSON object");
    }
    return (ObjectNode) parsed;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String formDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("Invalid value for " + name + ": expected an integer, got '" + v + "'");
    }
  }
}
