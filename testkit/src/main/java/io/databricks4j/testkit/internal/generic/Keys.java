package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How requests address generic resources: the store key of a request, new key values (ids the
 * service assigns, versions, names a client must give), and the parents a new resource needs
 * (404 when an emulation, hand-written or generic, knows the parent is missing).
 */
final class Keys {
  private static final String UC_SCHEMAS = "/api/2.1/unity-catalog/schemas/";
  private static final String WAREHOUSES = "/api/2.0/sql/warehouses/";

  private final Context ctx;
  private final Shapes shapes;
  private final Store store;
  private final SelfCalls self;
  private final Map<String, List<Resource>> byService;

  Keys(Context ctx, Shapes shapes, Store store, SelfCalls self, Map<String, List<Resource>> byService) {
    this.ctx = ctx;
    this.shapes = shapes;
    this.store = store;
    this.self = self;
    this.byService = byService;
  }

  /** The store key a request addresses. */
  String key(Call call, Resource r) {
    if (!r.rpc()) {
      return Templates.fill(r.itemTemplate, call.pathParams());
    }
    List<String> values = new ArrayList<>();
    for (String k : r.keys) {
      String v = call.param(k);
      if (v == null) {
        JsonNode nested = deepFind(call.body(), k, 2);
        v = nested == null ? null : nested.asText();
      }
      if (v == null) {
        throw ApiException.missing(k);
      }
      values.add(v);
    }
    return r.rpcKey(values);
  }

  private static JsonNode deepFind(JsonNode node, String field, int depth) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(field);
    if (v != null && v.isValueNode()) {
      return v;
    }
    if (depth > 0) {
      for (JsonNode child : node) {
        JsonNode found = deepFind(child, field, depth - 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The value of the {@code <noun>_id} query parameter that names a new resource ({@code branch_id}). */
  static String idParam(Call call, Operation op) {
    String preferred = op.spec().path("body").path("field").asText("") + "_id";
    String any = null;
    for (JsonNode q : op.spec().path("query_params")) {
      String n = q.path("name").asText();
      if (n.equals(preferred) && call.param(n) != null) {
        return call.param(n);
      }
      if (n.endsWith("_id") && !n.equals("request_id") && call.param(n) != null) {
        any = any == null ? call.param(n) : any;
      }
    }
    return any;
  }

  /** Whether a key field is an id the service assigns ({@code id}, {@code pipeline_id}), whatever a client sends. */
  static boolean isServerId(String field) {
    String leaf = field.substring(field.lastIndexOf('.') + 1);
    return leaf.equals("id") || leaf.endsWith("_id") || leaf.equals("uid");
  }

  /** A new key value: a number or a UUID for ids, the next number for versions; names must be given. */
  String generate(String key, String field, Resource r, Call call) {
    String t = field == null || r.entityType == null ? null : shapes.typeAt(r.entityType, field);
    String leaf = field == null ? key : field.substring(field.lastIndexOf('.') + 1);
    if (Shapes.isCreator(leaf) || Shapes.isCreator(key)) {
      return call.user();
    }
    if (leaf.equals("version") || key.equals("version")) {
      String prefix = r.rpc() ? r.rpcPrefix() : null;
      return Long.toString(store.list(prefix, r.id).size() + 1L);
    }
    if ((leaf.equals("name") || leaf.endsWith("_name") || leaf.endsWith("_key") || leaf.equals("key"))
        && !leaf.equals("full_name")) {
      throw ApiException.missing(leaf);
    }
    if (leaf.equals("full_name")) {
      throw ApiException.missing("name");
    }
    if (t != null && Types.isInteger(t)) {
      return Long.toString(ctx.ids().next() * 1000 + 7);
    }
    return ctx.ids().uuid();
  }

  /**
   * Whether the parent of a new resource named under {@code rel} ({@code projects/p/branches}) is
   * one of the service's own resources ({@code projects}), rather than an outside name.
   */
  boolean knownCollection(Resource r, String rel) {
    String[] parts = rel.split("/");
    if (parts.length < 3) {
      return false;
    }
    String parentCollection = parts[parts.length - 3];
    for (Resource o : byService.getOrDefault(r.service, List.of())) {
      if (o.create != null && r.aipPrefix.equals(o.aipPrefix)
          && o.create.path().endsWith("/" + parentCollection)) {
        return true;
      }
    }
    return false;
  }

  /** 404 when a path parameter names a parent that an emulation knows is missing. */
  void checkParent(Call call, String parentPath) {
    if (parentPath.isEmpty() || Boolean.TRUE.equals(store.contains(parentPath)) || parentPath.endsWith("/")) {
      return;
    }
    if (Boolean.FALSE.equals(self.exists(parentPath, call.user()))) {
      throw ApiException.notFound("The parent " + parentPath.substring(parentPath.lastIndexOf('/') + 1)
          + " does not exist (" + parentPath + ").");
    }
  }

  /** 404 when an RPC-style create names another resource of the service that does not exist (a run's experiment). */
  void checkRpcParents(Call call, Resource r) {
    for (Resource o : byService.getOrDefault(r.service, List.of())) {
      if (o == r || !o.rpc() || !o.creatable || o.keys.isEmpty()
          || r.keys.containsAll(o.keys) && o.keys.containsAll(r.keys)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String k : o.keys) {
        String v = call.param(k);
        if (v == null) {
          values = null;
          break;
        }
        values.add(v);
      }
      if (values != null && !store.contains(o.rpcKey(values))) {
        throw ApiException.notFound(o.label() + " '" + String.join("/", values) + "' does not exist.");
      }
    }
  }

  /**
   * 404 when a new resource names a resource of a hand-written emulation that does not exist: the
   * schema of a Unity Catalog securable ({@code catalog_name} and {@code schema_name}), the SQL
   * warehouse of a dashboard, a Genie space or a monitor ({@code warehouse_id}).
   */
  void checkReferences(Call call, Resource r, JsonNode entity) {
    String catalog = text(entity, "catalog_name");
    String schema = text(entity, "schema_name");
    if (r.service.startsWith("catalog.") && catalog != null && schema != null
        && Boolean.FALSE.equals(self.exists(UC_SCHEMAS + encode(catalog + "." + schema), call.user()))) {
      throw ApiException.notFound("Schema '" + catalog + "." + schema + "' does not exist.");
    }
    String warehouse = text(entity, "warehouse_id");
    if (warehouse != null && Boolean.FALSE.equals(self.exists(WAREHOUSES + encode(warehouse), call.user()))) {
      throw ApiException.notFound("Warehouse " + warehouse + " does not exist; create it with the SQL warehouses API "
          + "first");
    }
  }

  private static String text(JsonNode entity, String field) {
    JsonNode v = entity.get(field);
    return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
