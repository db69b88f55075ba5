package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The object permissions of every {@code /api/2.0/permissions/...} operation whose object type is
 * emulated: get, set (replace), update (merge) and permission levels. The caller owns what it
 * made; admins hold CAN_MANAGE by inheritance.
 */
public final class Permissions implements Emulation, Durable {
  private static final String PREFIX = "/api/2.0/permissions/";
  private static final Map<String, List<String>> BUILT_IN_LEVELS = Map.ofEntries(
      Map.entry("clusters", List.of("CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE")),
      Map.entry("cluster-policies", List.of("CAN_USE")),
      Map.entry("instance-pools", List.of("CAN_ATTACH_TO", "CAN_MANAGE")),
      Map.entry("jobs", List.of("CAN_VIEW", "CAN_MANAGE_RUN", "IS_OWNER", "CAN_MANAGE")),
      Map.entry("warehouses", List.of("CAN_VIEW", "CAN_MONITOR", "CAN_USE", "IS_OWNER", "CAN_MANAGE")),
      Map.entry("sql/warehouses", List.of("CAN_VIEW", "CAN_MONITOR", "CAN_USE", "IS_OWNER", "CAN_MANAGE")),
      Map.entry("repos", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE")),
      Map.entry("notebooks", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE")),
      Map.entry("directories", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE")),
      Map.entry("files", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE")),
      Map.entry("authorization/tokens", List.of("CAN_USE", "CAN_MANAGE")),
      Map.entry("authorization/passwords", List.of("CAN_USE")));
  private static final Map<String, String> BUILT_IN_OBJECT_TYPES = Map.ofEntries(
      Map.entry("clusters", "cluster"), Map.entry("cluster-policies", "cluster-policy"),
      Map.entry("instance-pools", "instance-pool"), Map.entry("jobs", "job"), Map.entry("warehouses", "warehouses"),
      Map.entry("sql/warehouses", "warehouses"), Map.entry("repos", "repo"), Map.entry("notebooks", "notebook"),
      Map.entry("directories", "directory"), Map.entry("files", "file"),
      Map.entry("authorization/tokens", "tokens"), Map.entry("authorization/passwords", "passwords"));

  /** The object types the service has permissions of; others are refused as unknown. */
  private static final java.util.Set<String> SERVICE_TYPES = java.util.Set.of("alerts", "alertsv2", "apps",
      "authorization", "cluster-policies", "clusters", "dashboards", "database-instances", "dbsql-dashboards",
      "directories", "experiments", "files", "genie", "instance-pools", "jobs", "knowledge-assistants", "notebooks",
      "pipelines", "queries", "registered-models", "repos", "serving-endpoints", "sql/warehouses",
      "supervisor-agents", "vector-search-endpoints", "warehouses");

  private final Context ctx;
  private final List<Operation> operations;
  private final Map<String, ArrayNode> acls = new LinkedHashMap<>();
  private final Map<String, List<String>> levelsByType = new ConcurrentHashMap<>(BUILT_IN_LEVELS);
  private final Map<String, String> objectTypes = new ConcurrentHashMap<>(BUILT_IN_OBJECT_TYPES);

  public Permissions(Context ctx, List<Operation> operations) {
    this.ctx = ctx;
    this.operations = operations;
  }

  @Override
  public void register(Routes r) {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Operation op : operations) {
      if (!op.path().startsWith(PREFIX) || !done.add(op.key())) {
        continue;
      }
      String rest = op.path().substring(PREFIX.length());
      boolean levels = rest.endsWith("/permissionLevels");
      if (levels) {
        rest = rest.substring(0, rest.length() - "/permissionLevels".length());
      }
      String type = rest.startsWith("authorization/") ? rest : rest.substring(0, rest.indexOf('/') < 0 ? rest.length()
          : rest.indexOf('/'));
      boolean generic = type.startsWith("{");
      if (!generic && !levelsByType.containsKey(type)) {
        continue; // permissions of objects other emulations own; the generic engine adds them
      }
      r.on(op.verb(), op.path(), handler(op));
    }
  }

  /**
   * Adds an object type whose permissions another emulation serves through {@link #handler}: its
   * permission levels and the object type name {@code GET} answers; {@code exists} is registered
   * with {@link Context#permissionObjects}.
   */
  public void extend(String type, String objectType, List<String> levels, Predicate<String> exists) {
    levelsByType.put(type, List.copyOf(levels));
    objectTypes.put(type, objectType);
    ctx.permissionObjects(type, exists);
  }

  /** The handler of one {@code /api/2.0/permissions/...} operation. */
  public Handler handler(Operation op) {
    String rest = op.path().substring(PREFIX.length());
    boolean levels = rest.endsWith("/permissionLevels");
    if (levels) {
      rest = rest.substring(0, rest.length() - "/permissionLevels".length());
    }
    String type = rest.startsWith("authorization/") ? rest : rest.substring(0, rest.indexOf('/') < 0 ? rest.length()
        : rest.indexOf('/'));
    String fixedType = type.startsWith("{") ? null : type;
    String verb = op.verb();
    return call -> {
      Target t = target(call, op, fixedType);
      if (levels) {
        return Reply.json(levels(t));
      }
      return switch (verb) {
        case "GET" -> Reply.json(get(t));
        case "PUT" -> Reply.json(change(t, call, true));
        default -> Reply.json(change(t, call, false));
      };
    };
  }

  private record Target(String type, String id) {
    String key() {
      return id == null ? type : type + "/" + id;
    }
  }

  private Target target(Call call, Operation op, String fixedType) {
    if (fixedType != null && fixedType.startsWith("authorization/")) {
      return new Target(fixedType, null);
    }
    String type = fixedType;
    String id = null;
    for (Operation.PathParam p : op.pathParams()) {
      String v = call.param(p.name());
      if (type == null && (p.name().endsWith("_type"))) {
        type = v;
      } else {
        id = v;
      }
    }
    if (type == null || id == null) {
      throw ApiException.invalid("The object type and id must both be set");
    }
    Predicate<String> exists = ctx.permissionObjects(type);
    if (!SERVICE_TYPES.contains(type) && !levelsByType.containsKey(type)) {
      throw ApiException.invalid("Object type " + type + " does not have permissions; the object types are "
          + new java.util.TreeSet<>(SERVICE_TYPES));
    }
    if (!levelsByType.containsKey(type) || exists == null) {
      throw ApiException.notImplemented("Permissions of " + type + " are not emulated by the databricks4j testkit");
    }
    if (!exists.test(id)) {
      throw ApiException.notFound(objectTypes.get(type) + " " + id + " does not exist.");
    }
    return new Target(type, id);
  }

  private synchronized ObjectNode get(Target t) {
    ArrayNode direct = acls.computeIfAbsent(t.key(), k -> initial(t));
    ArrayNode list = Json.array();
    for (JsonNode e : direct) {
      ObjectNode entry = principal(e);
      entry.set("all_permissions", Json.array(List.of(Json.object("permission_level", e.get("permission_level").asText(),
          "inherited", false))));
      list.add(entry);
    }
    list.add(Json.object("group_name", "admins", "all_permissions", Json.array(List.of(Json.object(
        "permission_level", t.type().equals("authorization/passwords") ? "CAN_USE" : "CAN_MANAGE", "inherited", true,
        "inherited_from_object", Json.strings(List.of("/" + t.type() + "/")))))));
    return Json.object("object_id", "/" + t.type() + (t.id() == null ? "" : "/" + t.id()),
        "object_type", objectTypes.get(t.type()), "access_control_list", list);
  }

  private ObjectNode change(Target t, Call call, boolean replace) {
    JsonNode given = call.node("access_control_list");
    if (given == null || !given.isArray()) {
      throw ApiException.missing("access_control_list");
    }
    List<String> allowed = levelsByType.get(t.type());
    for (JsonNode e : given) {
      int principals = (e.hasNonNull("user_name") ? 1 : 0) + (e.hasNonNull("group_name") ? 1 : 0)
          + (e.hasNonNull("service_principal_name") ? 1 : 0);
      if (principals != 1) {
        throw ApiException.invalid("Each access control entry needs exactly one of user_name, group_name and "
            + "service_principal_name");
      }
      String level = e.path("permission_level").asText("");
      if (!allowed.contains(level)) {
        throw ApiException.invalid("Permission " + level + " is not valid for " + t.type() + "; use one of " + allowed);
      }
    }
    synchronized (this) {
      ArrayNode current = replace ? Json.array() : acls.computeIfAbsent(t.key(), k -> initial(t));
      Map<String, JsonNode> merged = new LinkedHashMap<>();
      current.forEach(e -> merged.put(principal(e).toString(), e));
      given.forEach(e -> merged.put(principal(e).toString(), Json.merge(principal(e),
          Json.object("permission_level", e.get("permission_level").asText()))));
      if (replace && t.type().equals("jobs") && merged.values().stream()
          .noneMatch(e -> e.path("permission_level").asText().equals("IS_OWNER"))) {
        initial(t).forEach(e -> merged.putIfAbsent(principal(e).toString(), e));
      }
      acls.put(t.key(), Json.array(merged.values()));
    }
    return get(t);
  }

  private ObjectNode levels(Target t) {
    ArrayNode levels = Json.array();
    for (String level : levelsByType.get(t.type())) {
      levels.add(Json.object("permission_level", level, "description", "Can " + level.toLowerCase().replace('_', ' ')));
    }
    return Json.object("permission_levels", levels);
  }

  private ArrayNode initial(Target t) {
    List<String> levels = levelsByType.get(t.type());
    String owner = levels.contains("IS_OWNER") ? "IS_OWNER" : levels.get(levels.size() - 1);
    if (t.id() == null) {
      return Json.array();
    }
    return Json.array(List.of(Json.object("user_name", ctx.userName(), "permission_level", owner)));
  }

  private static ObjectNode principal(JsonNode e) {
    ObjectNode p = Json.object();
    for (String f : List.of("user_name", "group_name", "service_principal_name")) {
      if (e.hasNonNull(f)) {
        p.put(f, e.get(f).asText());
      }
    }
    return p;
  }

  @Override
  public String stateName() {
    return "permissions";
  }

  /** The access control lists set, by object; those never set are derived again when read. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    acls.forEach((k, v) -> out.set(k, v.deepCopy()));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    acls.clear();
    state.fields().forEachRemaining(f -> acls.put(f.getKey(),
        f.getValue().isArray() ? ((ArrayNode) f.getValue()).deepCopy() : Json.array()));
  }
}
