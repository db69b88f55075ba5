package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.http.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serving data plane: every serving endpoint the emulator returns carries a {@code
 * data_plane_info.query_info} whose URL is this emulator's {@code /serving-data-plane/<name>/invocations}
 * and whose {@code authorization_details} scope a token to that endpoint. The OAuth server exchanges
 * a workspace token for a data-plane token with the {@code jwt-bearer} grant and those details;
 * the data-plane URL accepts only such a token, for its own endpoint. No model runs: a query is
 * answered with one prediction per input, its index, so a test can tell its answers apart.
 */
public final class ServingDataPlane {
  /** The path prefix of the data-plane URLs. */
  public static final String PREFIX = "/serving-data-plane/";

  private final Context ctx;
  /** data-plane token -> the endpoint it may query, and when it expires */
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

  private record Grant(String endpoint, long expiresAtMillis) {}

  public ServingDataPlane(Context ctx) {
    this.ctx = ctx;
  }

  /** The details a data-plane token for {@code endpoint} is asked with. */
  static String authorizationDetails(String endpoint) {
    ArrayNode details = Json.array();
    details.add(Json.object("type", "workspace_permission", "object_type", "serving-endpoints",
        "object_path", "/serving-endpoints/" + endpoint, "actions", Json.strings(java.util.List.of("query_inference_endpoint"))));
    return details.toString();
  }

  /** Adds {@code data_plane_info} to the serving endpoints in an answer of {@code op}. */
  public Reply decorate(Operation op, Reply reply) {
    if (!op.pkg().equals("serving") || !op.service().equals("ServingEndpoints")
        || !(reply instanceof Reply.JsonReply json) || json.status() != 200) {
      return reply;
    }
    JsonNode body = json.body();
    if (body.isObject() && body.has("name") && (op.name().equals("get") || op.name().equals("create"))) {
      addInfo((ObjectNode) body);
    } else if (body.isObject() && body.get("endpoints") instanceof ArrayNode list) {
      list.forEach(e -> {
        if (e.isObject() && e.has("name")) {
          addInfo((ObjectNode) e);
        }
      });
    }
    return reply;
  }

  private void addInfo(ObjectNode endpoint) {
    String name = endpoint.get("name").asText();
    ObjectNode query = Json.object("endpoint_url", ctx.host() + PREFIX + name + "/invocations",
        "authorization_details", authorizationDetails(name));
    endpoint.set("data_plane_info", Json.object("query_info", query));
  }

  /**
   * The {@code jwt-bearer} grant: {@code assertion} is a workspace token, {@code details} names one
   * serving endpoint. Null when the details name none (the caller answers invalid_request).
   */
  public String issue(String details, long lifetimeMillis) {
    JsonNode parsed;
    try {
      parsed = Json.parse(details == null ? "" : details);
    } catch (RuntimeException e) {
      return null;
    }
    if (parsed == null || !parsed.isArray() || parsed.isEmpty()) {
      return null;
    }
    String path = parsed.get(0).path("object_path").asText("");
    if (!path.startsWith("/serving-endpoints/")) {
      return null;
    }
    String token = "dtdp-" + ctx.ids().secret(40);
    tokens.put(token, new Grant(path.substring("/serving-endpoints/".length()), ctx.now() + lifetimeMillis));
    return token;
  }

  /** A query on the data plane: {@code path} is under {@link #PREFIX}. */
  public Reply query(String method, String path, String authorization, JsonNode body) {
    String rest = path.substring(PREFIX.length());
    if (!method.equals("POST") || !rest.endsWith("/invocations")) {
      return Reply.json(404, Json.object("error_code", "ENDPOINT_NOT_FOUND", "message", "No data-plane API at " + path));
    }
    String endpoint = rest.substring(0, rest.length() - "/invocations".length());
    String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).strip() : null;
    Grant grant = token == null ? null : tokens.get(token);
    if (grant == null || ctx.now() > grant.expiresAtMillis()) {
      return Reply.json(401, Json.object("error_code", "UNAUTHENTICATED",
          "message", "The data plane takes a data-plane token (jwt-bearer exchange at /oidc/v1/token)"));
    }
    if (!grant.endpoint().equals(endpoint)) {
      return Reply.json(403, Json.object("error_code", "PERMISSION_DENIED",
          "message", "This data-plane token is for serving endpoint " + grant.endpoint() + ", not " + endpoint));
    }
    int inputs = 1;
    for (String field : new String[] {"inputs", "instances", "dataframe_records", "messages"}) {
      if (body != null && body.get(field) instanceof ArrayNode a) {
        inputs = a.size();
        break;
      }
    }
    ArrayNode predictions = Json.array();
    for (int i = 0; i < inputs; i++) {
      predictions.add(i);
    }
    return Reply.json(Json.object("predictions", predictions));
  }
}
