package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each operation without a hand-written emulation does, inferred from the description:
 * operations of one service whose names share a noun ({@code createBranch}, {@code getBranch},
 * {@code listBranches}) act on one kind of resource, addressed by the path of its get operation;
 * the verb says the role. Operations whose names say nothing are placed by their path: on an
 * item, on its collection, or below an item (an action).
 */
final class Inference {
  enum Role {
    CREATE, CREATE_AT, GET, SUB_GET, LIST, UPDATE, REPLACE, DELETE, RESTORE, ACTION, SETTING, PERMISSIONS, STATIC
  }

  /** The role of one operation and the resource it acts on (null for settings, permissions and static answers). */
  record Binding(Operation op, Role role, Resource resource) {
  }

  static final Pattern SETTING = Pattern.compile(".*/settings/types/[^/{}]+/names/default");
  private static final String PERMISSIONS = "/api/2.0/permissions/";

  private final Types types;
  private final Map<String, JsonNode> waiters;
  private final List<Binding> bindings = new ArrayList<>();
  private final Map<String, Resource> resources = new LinkedHashMap<>();

  Inference(List<Operation> operations, Types types, Map<String, JsonNode> waiters) {
    this.types = types;
    this.waiters = waiters;
    Map<String, List<Operation>> byService = new LinkedHashMap<>();
    operations.forEach(op -> byService.computeIfAbsent(op.qualifiedService(), k -> new ArrayList<>()).add(op));
    byService.forEach(this::service);
  }

  List<Binding> bindings() {
    return bindings;
  }

  Collection<Resource> resources() {
    return resources.values();
  }

  private void service(String service, List<Operation> ops) {
    Map<String, List<Operation>> groups = new LinkedHashMap<>();
    List<Operation> rest = new ArrayList<>();
    for (Operation op : ops) {
      if (SETTING.matcher(op.path()).matches()) {
        bindings.add(new Binding(op, Role.SETTING, null));
      } else if (op.path().startsWith(PERMISSIONS)) {
        bindings.add(new Binding(op, Role.PERMISSIONS, null));
      } else if (role(op) != null) {
        groups.computeIfAbsent(Templates.noun(op.name()), k -> new ArrayList<>()).add(op);
      } else {
        rest.add(op);
      }
    }
    List<Resource> found = new ArrayList<>();
    groups.forEach((noun, group) -> {
      Resource r = resource(service, noun, group);
      if (r == null) {
        rest.addAll(group);
      } else {
        found.add(r);
        resources.put(r.id, r);
        for (Operation op : group) {
          bindings.add(new Binding(op, roleIn(op, r), r));
        }
      }
    });
    for (Operation op : rest) {
      bindings.add(byPath(op, found));
    }
    merge(found);
    for (Resource r : found) {
      r.creatable = bindings.stream().anyMatch(b -> b.resource() == r
          && (b.role() == Role.CREATE || b.role() == Role.CREATE_AT));
      r.virtual = !r.creatable && !isOperation(r.entityType);
    }
    for (Resource r : found) {
      if (!r.creatable && r.entityType != null) {
        for (Resource o : found) {
          if (o != r && o.creatable && r.entityType.equals(o.entityType)) {
            r.lookupOf = o;
            r.virtual = false;
          }
        }
      }
    }
  }

  /**
   * Joins a resource that has only a get into the one its get addresses: {@code getFederationPolicy}
   * reads what {@code create}, {@code list} and {@code delete} of the same service manage.
   */
  private void merge(List<Resource> found) {
    for (Resource lone : new ArrayList<>(found)) {
      if (lone.create != null || lone.get == null || lone.itemTemplate == null) {
        continue;
      }
      for (Resource o : found) {
        if (o != lone && o.get == null && lone.itemTemplate.equals(o.itemTemplate)) {
          o.get = lone.get;
          if (o.entityType == null) {
            o.entityType = lone.entityType;
          }
          bindings.replaceAll(b -> b.resource() == lone ? new Binding(b.op(), b.role(), o) : b);
          found.remove(lone);
          resources.remove(lone.id);
          break;
        }
      }
    }
  }

  /** The CRUD verb of an operation name, or null when the name is not one ({@code start}, {@code deleteRuns}). */
  private static String role(Operation op) {
    String verb = Templates.verb(op.name());
    boolean batch = Templates.plural(op.name());
    String r = switch (verb) {
      case "create", "register" -> "create";
      case "get", "read", "find" -> "get";
      case "list", "search" -> "list";
      case "update", "patch", "edit", "put" -> "update";
      case "replace", "reset" -> "replace";
      case "delete", "trash", "remove", "purge" -> "delete";
      case "restore", "undelete" -> "restore";
      default -> null;
    };
    if (r == null || (batch && !r.equals("list"))) {
      return null;
    }
    return r;
  }

  private Resource resource(String service, String noun, List<Operation> group) {
    Operation get = first(group, "get", "GET");
    Operation create = first(group, "create", null);
    if (get == null && create == null) {
      return null; // a lone delete or update acts on another resource (deleteModelTag on a model)
    }
    Operation addressing = get != null ? get : first(group, "delete", null);
    if (addressing == null) {
      addressing = first(group, "update", null);
    }
    if (addressing == null) {
      return null;
    }
    Resource r = new Resource(service, noun);
    r.get = get;
    r.create = create;
    r.list = first(group, "list", null);
    r.delete = first(group, "delete", null);
    String t = addressing.path();
    List<String> pathParams = new ArrayList<>();
    addressing.pathParams().forEach(p -> {
      if (!p.fromConfig()) {
        pathParams.add(p.name());
      }
    });
    List<String> nonPath = new ArrayList<>();
    for (String req : addressing.required()) {
      if (!pathParams.contains(req)) {
        nonPath.add(req);
      }
    }
    if (Templates.endsWithParam(t) || (!pathParams.isEmpty() && nonPath.isEmpty())) {
      r.itemTemplate = t;
      r.keys.addAll(pathParams);
      String prefix = Templates.parent(t);
      if (Templates.endsWithParam(t) && Templates.lastParam(t).equals("name") && create != null
          && !create.path().equals(prefix) && create.path().startsWith(prefix + "/")) {
        r.aipPrefix = prefix;
      }
    } else if (!nonPath.isEmpty()) {
      r.keys.addAll(pathParams);
      r.keys.addAll(nonPath);
    } else {
      return null;
    }
    r.entityType = entityType(get, create, addressing);
    for (String k : r.keys) {
      r.keyFields.put(k, keyField(k, r));
    }
    waiter(r);
    return r;
  }

  private String entityType(Operation get, Operation create, Operation addressing) {
    if (get != null && types.isObject(types.unwrap(get.responseType()))) {
      return types.unwrap(get.responseType());
    }
    if (create != null) {
      JsonNode body = create.spec().path("body");
      String bodyType = body.path("type").asText(null);
      if (body.path("kind").asText().equals("field") && types.isObject(bodyType)) {
        return bodyType;
      }
      String made = types.unwrap(create.responseType());
      if (types.isObject(made) && !isOperation(made)
          && (types.wrapped(create.responseType()) != null || types.fields(made).size() >= 3)) {
        return made;
      }
      List<String> fields = new ArrayList<>();
      body.path("fields").forEach(f -> fields.add(f.asText()));
      if (fields.size() == 1 && create.requestType() != null) {
        String t = types.allFields(create.requestType()).stream().filter(f -> f.wireName().equals(fields.get(0)))
            .map(Types.Field::type).findFirst().orElse(null);
        if (types.isObject(t)) {
          return t;
        }
      }
    }
    for (Operation o : new Operation[] {create, addressing}) {
      if (o != null && types.isObject(types.unwrap(o.responseType())) && !isOperation(o.responseType())) {
        return types.unwrap(o.responseType());
      }
    }
    return null;
  }

  /** Whether a type is a long-running operation ({@code name}, {@code done}, {@code response}). */
  boolean isOperation(String type) {
    return type != null && types.isObject(type) && types.has(type, "done") && types.has(type, "name");
  }

  /** The dotted entity field that holds the value of a key parameter, or null. */
  private String keyField(String key, Resource r) {
    String t = r.entityType;
    if (t == null) {
      return null;
    }
    if ((key.equals("name") || key.endsWith("_name") || key.equals("name_arg")) && types.has(t, "full_name")
        && types.has(t, "catalog_name")) {
      return "full_name";
    }
    String direct = shapesFind(t, key);
    if (direct != null) {
      return direct;
    }
    if (key.endsWith("_arg")) {
      return keyField(key.substring(0, key.length() - 4), r);
    }
    if (key.endsWith("_id") || key.equals("id")) {
      if (types.has(t, "id")) {
        return "id";
      }
      String stem = key.substring(0, Math.max(0, key.length() - 3));
      for (Types.Field f : types.fields(t)) {
        if (f.wireName().endsWith("_id") && !stem.isEmpty() && f.wireName().contains(stem)) {
          return f.wireName();
        }
      }
      String best = null;
      for (Types.Field f : types.fields(t)) {
        if (f.wireName().endsWith("_id") && wordsOf(f.wireName(), key)
            && (best == null || f.wireName().length() > best.length())) {
          best = f.wireName();
        }
      }
      if (best != null) {
        return best;
      }
    }
    if (key.endsWith("_name") || key.equals("full_name")) {
      if (types.has(t, "name")) {
        return "name";
      }
    }
    if (r.keys.size() == 1 && types.has(t, "name")) {
      return "name";
    }
    return null;
  }

  /** Whether each word of {@code field} starts a word of {@code key}: {@code list_id} of {@code ip_access_list_id}. */
  private static boolean wordsOf(String field, String key) {
    List<String> keyWords = List.of(key.split("_"));
    for (String w : field.split("_")) {
      if (keyWords.stream().noneMatch(k -> k.startsWith(w))) {
        return false;
      }
    }
    return true;
  }

  private String shapesFind(String type, String wire) {
    return new Shapes(types).find(type, wire);
  }

  private void waiter(Resource r) {
    if (r.get == null) {
      return;
    }
    String prefix = r.service + ".";
    String createWaiter = r.create == null ? null : r.create.spec().path("wait").path("waiter").asText(null);
    for (Map.Entry<String, JsonNode> w : waiters.entrySet()) {
      JsonNode waiter = w.getValue();
      if (w.getKey().startsWith(prefix) && waiter.path("poll_operation").asText().equals(r.get.name())) {
        boolean ofCreate = waiter.path("name").asText().equals(createWaiter);
        if (r.statusPath == null || ofCreate) {
          r.statusPath = waiter.path("status_path").asText();
          r.readyState = waiter.path("target_states").path(0).asText();
        }
      }
    }
  }

  private static Operation first(List<Operation> group, String role, String verb) {
    for (Operation op : group) {
      if (role.equals(role(op)) && (verb == null || op.verb().equals(verb))) {
        return op;
      }
    }
    return null;
  }

  private Role roleIn(Operation op, Resource r) {
    String role = role(op);
    String t = op.path();
    String item = r.itemTemplate;
    boolean onItem = item != null ? t.equals(item) || addresses(op, r) : !rpcKeysMissing(op, r);
    boolean below = item != null && (t.startsWith(item + "/") || t.startsWith(item + ":"));
    return switch (role) {
      case "create" -> item != null && t.equals(item) ? Role.CREATE_AT : Role.CREATE;
      case "get" -> onItem ? Role.GET : below ? Role.SUB_GET : Role.STATIC;
      case "list" -> Role.LIST;
      case "update" -> onItem ? Role.UPDATE : below ? Role.ACTION : Role.STATIC;
      case "replace" -> onItem ? Role.REPLACE : below ? Role.ACTION : Role.STATIC;
      case "delete" -> onItem ? Role.DELETE : below ? Role.ACTION : Role.STATIC;
      case "restore" -> Role.RESTORE;
      default -> Role.STATIC;
    };
  }

  /**
   * Whether a write operation on another path names every key of the resource in its path (an
   * assignment created at {@code .../metastores/{metastore_id}} and read at {@code .../metastore}).
   */
  private static boolean addresses(Operation op, Resource r) {
    if (op.verb().equals("GET") || r.keys.isEmpty()) {
      return false;
    }
    List<String> params = Templates.params(op.path());
    return params.containsAll(r.keys) && params.size() > r.keys.size() - 1;
  }

  /** Whether an RPC-style operation lacks some key field of the resource in its request. */
  private boolean rpcKeysMissing(Operation op, Resource r) {
    for (String k : r.keys) {
      if (!requestHas(op, k)) {
        return true;
      }
    }
    return false;
  }

  private boolean requestHas(Operation op, String field) {
    if (op.required().contains(field)) {
      return true;
    }
    for (Operation.PathParam p : op.pathParams()) {
      if (p.name().equals(field)) {
        return true;
      }
    }
    String req = op.requestType();
    return req != null && types.allFields(req).stream().anyMatch(f -> f.wireName().equals(field));
  }

  /** The role of an operation whose name is not a CRUD verb of a resource, from its path. */
  private Binding byPath(Operation op, List<Resource> found) {
    String t = op.path();
    Resource below = null;
    for (Resource r : found) {
      String item = r.itemTemplate;
      if (item == null) {
        continue;
      }
      if (t.equals(item)) {
        Role role = switch (op.verb()) {
          case "GET" -> Role.GET;
          case "DELETE" -> Role.DELETE;
          case "POST" -> Role.CREATE_AT;
          default -> Role.UPDATE;
        };
        return new Binding(op, role, r);
      }
      if (Templates.endsWithParam(item) && t.equals(Templates.parent(item)) && r.aipPrefix == null) {
        if (op.verb().equals("POST")) {
          return new Binding(op, Role.CREATE, r);
        }
        if (op.verb().equals("GET")) {
          return new Binding(op, Role.LIST, r);
        }
      }
      if ((t.startsWith(item + "/") || t.startsWith(item + ":"))
          && (below == null || item.length() > below.itemTemplate.length())) {
        below = r;
      }
    }
    if (below != null) {
      return new Binding(op, op.verb().equals("GET") ? Role.SUB_GET : Role.ACTION, below);
    }
    String name = op.name().toLowerCase(java.util.Locale.ROOT);
    Resource rpc = null;
    for (Resource r : found) {
      if (r.rpc() && !r.keys.isEmpty() && !rpcKeysMissing(op, r)
          && (rpc == null || (!r.noun.isEmpty() && name.contains(r.noun) && !name.contains(rpc.noun)))) {
        rpc = r;
      }
    }
    if (rpc != null) {
      return new Binding(op, op.verb().equals("GET") ? Role.SUB_GET : Role.ACTION, rpc);
    }
    if (Templates.verb(op.name()).equals("create") && op.verb().equals("POST")) {
      String made = types.unwrap(op.responseType());
      for (Resource r : found) {
        if (made.equals(r.entityType) && r.create != null) {
          return new Binding(op, Role.CREATE, r);
        }
      }
    }
    return new Binding(op, Role.STATIC, null);
  }
}
