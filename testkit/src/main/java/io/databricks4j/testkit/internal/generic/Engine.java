package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.generic.Inference.Binding;
import io.databricks4j.testkit.internal.generic.Inference.Role;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic emulation of the operations bound by {@link Inference}: create (409 when the key
 * is taken, 404 when the parent is missing), get (404), list (paged in the operation's style),
 * update (merge, or the fields of an update mask), delete and restore, actions on a resource
 * (a waiter's state, tags and metrics appended), and long-running operations done at once.
 */
final class Engine {
  /** Request fields that steer an operation rather than describe the resource. */
  private static final Set<String> META = Set.of("update_mask", "field_mask", "allow_missing", "validate_only",
      "request_id", "skip_validation", "dry_run", "replace_existing", "new_name", "force", "purge", "etag",
      "page_token", "page_size", "max_results");

  private final Context ctx;
  private final Types types;
  private final Shapes shapes;
  private final Answers answers;
  private final Store store;
  private final SelfCalls self;
  private final Map<String, JsonNode> waiters;
  private final Map<String, List<Resource>> byService = new HashMap<>();
  private final Map<String, Operation> byName = new HashMap<>();
  private final Keys keys;
  private final Merges merges;

  Engine(Context ctx, Types types, Store store, SelfCalls self, Map<String, JsonNode> waiters, Inference inference,
      List<Operation> operations) {
    this.ctx = ctx;
    this.types = types;
    this.shapes = new Shapes(types);
    this.answers = new Answers(shapes);
    this.store = store;
    this.self = self;
    this.waiters = waiters;
    inference.resources().forEach(r -> byService.computeIfAbsent(r.service, k -> new ArrayList<>()).add(r));
    operations.forEach(op -> byName.put(op.qualifiedService() + "." + op.name(), op));
    this.keys = new Keys(ctx, shapes, store, self, byService);
    this.merges = new Merges(shapes);
  }

  /** The handler of one verb and path, which several operations (of several resources) may share. */
  Handler handler(List<Binding> shared) {
    if (shared.size() == 1) {
      Binding b = shared.get(0);
      return call -> serve(call, b);
    }
    return call -> serve(call, choose(call, shared));
  }

  /** The binding whose resource is the one the request addresses (by what is stored there, or by its parent). */
  private Binding choose(Call call, List<Binding> shared) {
    Binding first = shared.get(0);
    Resource r = first.resource();
    String recordResource = null;
    if (r != null && !r.rpc() && first.role() != Role.CREATE && first.role() != Role.LIST) {
      ObjectNode rec = store.get(Templates.fill(r.itemTemplate, call.pathParams()));
      recordResource = rec == null ? null : rec.path("resource").asText();
    } else if (call.pathParams().containsKey("parent")) {
      ObjectNode rec = store.get(Templates.parent(Templates.fill(first.op().path(), call.pathParams())));
      String parentService = rec == null ? null : rec.path("resource").asText();
      for (Binding b : shared) {
        if (b.resource() != null && parentService != null && parentService.startsWith(b.resource().service + "#")) {
          return b;
        }
      }
    }
    for (Binding b : shared) {
      if (b.resource() != null && b.resource().id.equals(recordResource)) {
        return b;
      }
    }
    if (recordResource != null) {
      for (Binding b : shared) {
        if (b.resource() != null && recordResource.startsWith(b.resource().id + "#")) {
          return b;
        }
      }
      return first;
    }
    String name = call.pathParams().get("name");
    if (name != null) {
      for (Binding b : shared) {
        Resource br = b.resource();
        if (br != null && br.create != null && !br.create.path().endsWith("}")) {
          String collection = br.create.path().substring(br.create.path().lastIndexOf('/') + 1);
          if (name.matches("(.*/)?" + java.util.regex.Pattern.quote(collection) + "/[^/]+")) {
            return b;
          }
        }
      }
    }
    return first;
  }

  private Reply serve(Call call, Binding b) {
    JsonNode out = switch (b.role()) {
      case CREATE, CREATE_AT -> create(call, b);
      case GET -> get(call, b);
      case SUB_GET -> answers.respond(b.op(), existing(call, b), b.resource(), call);
      case LIST -> list(call, b);
      case UPDATE, REPLACE -> update(call, b);
      case DELETE -> delete(call, b);
      case RESTORE -> restore(call, b);
      case ACTION -> action(call, b);
      default -> answers.respond(b.op(), null, null, call);
    };
    return Reply.json(out);
  }

  private JsonNode create(Call call, Binding b) {
    Resource r = b.resource();
    Operation op = b.op();
    ObjectNode entity = entityFrom(call, op, r);
    if (r.entityType != null) {
      shapes.serverFields(entity, r.entityType, call.user(), ctx.now(), ctx.accountId(), true);
    }
    Map<String, String> keyValues = new LinkedHashMap<>(call.pathParams());
    String key;
    if (b.role() == Role.CREATE_AT) {
      key = Templates.fill(r.itemTemplate, keyValues);
      keys.checkParent(call, Templates.parent(key));
    } else if (r.aipPrefix != null) {
      String collection = Templates.fill(op.path(), keyValues);
      String rel = collection.substring(r.aipPrefix.length() + 1);
      String id = Keys.idParam(call, op);
      String given = Json.string(entity, "name");
      if (id == null && given != null) {
        id = given.startsWith(rel + "/") ? given.substring(rel.length() + 1) : given;
      }
      if (id == null) {
        id = ctx.ids().uuid().substring(0, 8);
      }
      String name = rel + "/" + id;
      if (types.has(r.entityType, "name")) {
        entity.put("name", name);
      }
      key = r.aipPrefix + "/" + name;
      if (op.pathParams().stream().anyMatch(p -> !p.fromConfig()) && keys.knownCollection(r, rel)) {
        keys.checkParent(call, collection.substring(0, collection.lastIndexOf('/')));
      }
    } else {
      List<String> values = new ArrayList<>();
      for (String k : r.keys) {
        String v = keyValues.get(k);
        String field = r.keyFields.get(k);
        if (v == null) {
          v = call.param(k);
        }
        if (v == null && k.equals("full_name")) {
          v = call.param("full_name_arg");
        }
        if (v == null && field != null && !Keys.isServerId(field)) {
          JsonNode given = Shapes.at(entity, field);
          v = given == null || given.isMissingNode() || given.isNull() ? null : given.asText();
        }
        if (v == null) {
          v = keys.generate(k, field, r, call);
        }
        keyValues.put(k, v);
        values.add(v);
        if (field != null) {
          String ft = shapes.typeAt(r.entityType, field);
          Shapes.set(entity, field, ft != null && Types.isNumber(ft) && v.matches("-?\\d+")
              ? Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(v)) : Json.MAPPER.getNodeFactory().textNode(v));
        }
      }
      key = r.rpc() ? r.rpcKey(values) : Templates.fill(r.itemTemplate, keyValues);
      if (op.pathParams().stream().anyMatch(p -> !p.fromConfig())) {
        keys.checkParent(call, Templates.parent(Templates.fill(op.path(), call.pathParams())));
      }
      if (r.rpc()) {
        keys.checkRpcParents(call, r);
      }
    }
    keys.checkReferences(call, r, entity);
    if (b.role() != Role.CREATE_AT && store.contains(key)) {
      throw alreadyExists(r, key);
    }
    if (r.statusPath != null && !r.statusPath.isEmpty() && r.readyState != null) {
      Shapes.set(entity, r.statusPath, Json.MAPPER.getNodeFactory().textNode(r.readyState));
    }
    applyWaiter(op, entity);
    String type = r.entityType == null ? "any" : r.entityType;
    if (b.role() == Role.CREATE_AT) {
      store.put(key, r.id, type, entity);
    } else if (!store.putIfAbsent(key, r.id, type, entity)) {
      throw alreadyExists(r, key); // another request took the key since the check above
    }
    return finish(call, b, entity);
  }

  private JsonNode get(Call call, Binding b) {
    Resource r = b.resource();
    if (r.lookupOf != null) {
      return answers.respond(b.op(), lookup(call, r), r, call);
    }
    return answers.respond(b.op(), existing(call, b), r, call);
  }

  /** The resource of {@code r.lookupOf} whose fields equal the request's keys ({@code getByName}); else 404. */
  private ObjectNode lookup(Call call, Resource r) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String k : r.keys) {
      String v = call.param(k);
      if (v == null) {
        throw ApiException.missing(k);
      }
      wanted.put(r.keyFields.get(k) == null ? k : r.keyFields.get(k), v);
    }
    for (Map.Entry<String, ObjectNode> e : store.list(null, r.lookupOf.id)) {
      JsonNode value = e.getValue().get("value");
      boolean all = true;
      for (Map.Entry<String, String> w : wanted.entrySet()) {
        JsonNode actual = Shapes.at(value, w.getKey());
        all &= actual != null && w.getValue().equals(actual.asText());
      }
      if (all) {
        return (ObjectNode) value;
      }
    }
    throw ApiException.notFound(r.lookupOf.label() + " '" + String.join("/", wanted.values()) + "' does not exist.");
  }

  /** The stored resource the request addresses; a default for settings-like resources; else 404. */
  private ObjectNode existing(Call call, Binding b) {
    Resource r = b.resource();
    String key = keys.key(call, r);
    ObjectNode rec = store.get(key);
    if (rec != null) {
      return (ObjectNode) rec.get("value");
    }
    if (r.virtual) {
      return defaults(call, r);
    }
    throw notFound(r, key);
  }

  private JsonNode list(Call call, Binding b) {
    Resource r = b.resource();
    Operation op = b.op();
    String prefix;
    if (r.rpc()) {
      prefix = r.rpcPrefix();
    } else {
      String collection = Templates.fill(op.path(), call.pathParams());
      prefix = r.aipPrefix != null || r.itemTemplate.startsWith(op.path() + "/") ? collection : null;
    }
    List<Map.Entry<String, ObjectNode>> items = store.list(prefix, r.id);
    items.removeIf(e -> !matches(call, op, r, (ObjectNode) e.getValue().get("value")));
    return answers.page(op, items, answers.itemType(op), call, ctx.pageSize());
  }

  /** Whether a resource matches the scalar filters of a list request that name its fields. */
  private boolean matches(Call call, Operation op, Resource r, ObjectNode value) {
    if (r.entityType == null) {
      return true;
    }
    Map<String, String> given = new LinkedHashMap<>();
    call.query().forEach((k, v) -> given.put(k, v.isEmpty() ? null : v.get(0)));
    call.body().fields().forEachRemaining(f -> given.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : null));
    for (Map.Entry<String, String> g : given.entrySet()) {
      if (g.getValue() == null || META.contains(g.getKey()) || op.pathParams().stream().anyMatch(p -> p.name().equals(g.getKey()))) {
        continue;
      }
      Types.Field f = types.field(r.entityType, g.getKey()).orElse(null);
      if (f == null || !(types.isText(f.type()) || Types.isNumber(f.type()))) {
        continue;
      }
      JsonNode actual = value.get(g.getKey());
      if (actual == null || !actual.asText().equals(g.getValue())) {
        return false;
      }
    }
    return true;
  }

  private JsonNode update(Call call, Binding b) {
    Resource r = b.resource();
    String key = keys.key(call, r);
    ObjectNode rec = store.get(key);
    ObjectNode entity;
    if (rec != null) {
      entity = (ObjectNode) rec.get("value");
    } else if (r.virtual || (!r.creatable && b.op().verb().equals("PUT"))) {
      entity = defaults(call, r);
    } else {
      throw notFound(r, key);
    }
    ObjectNode changes = entityFrom(call, b.op(), r);
    String mask = call.param("update_mask");
    if (mask == null) {
      mask = call.param("field_mask");
    }
    if (mask != null && !mask.isBlank() && !mask.trim().equals("*")) {
      for (String path : mask.split(",")) {
        String p = path.trim();
        JsonNode v = Shapes.at(changes, p);
        if (v == null || v.isMissingNode()) {
          Merges.removeAt(entity, p);
        } else {
          Shapes.set(entity, p, v.deepCopy());
        }
      }
    } else if (b.role() == Role.REPLACE && r.entityType != null) {
      ObjectNode kept = Json.object();
      for (String f : r.keyFields.values()) {
        JsonNode v = f == null ? null : Shapes.at(entity, f);
        if (v != null && !v.isMissingNode()) {
          Shapes.set(kept, f, v.deepCopy());
        }
      }
      entity.fields().forEachRemaining(f -> {
        String n = f.getKey();
        if (Shapes.isCreateTime(n) || Shapes.isCreator(n) || Shapes.isState(n)) {
          kept.set(n, f.getValue());
        }
      });
      shapes.place(kept, r.entityType, changes);
      entity = kept;
    } else if (r.entityType != null) {
      shapes.place(entity, r.entityType, changes);
    } else {
      Json.merge(entity, changes);
    }
    String newKey = rename(call, r, key, entity);
    if (r.entityType != null) {
      shapes.serverFields(entity, r.entityType, call.user(), ctx.now(), ctx.accountId(), false);
    }
    applyWaiter(b.op(), entity);
    if (!newKey.equals(key)) {
      store.remove(key);
    }
    store.put(newKey, r.id, r.entityType == null ? "any" : r.entityType, entity);
    return finish(call, b, entity);
  }

  /** Applies {@code new_name}: the name field changes and, when the key is the name, so does the key. */
  private String rename(Call call, Resource r, String key, ObjectNode entity) {
    JsonNode newName = call.body().get("new_name");
    if (newName == null || !newName.isTextual() || newName.asText().isEmpty() || r.entityType == null
        || !types.has(r.entityType, "name")) {
      return key;
    }
    String old = Json.string(entity, "name");
    entity.put("name", newName.asText());
    if (types.has(r.entityType, "full_name") && Json.string(entity, "full_name") != null && old != null) {
      String full = entity.get("full_name").asText();
      entity.put("full_name", full.substring(0, full.length() - old.length()) + newName.asText());
    }
    if (r.rpc() || r.keys.isEmpty()) {
      return key;
    }
    String last = r.keys.get(r.keys.size() - 1);
    String field = r.keyFields.get(last);
    if (!"name".equals(field) && !"full_name".equals(field)) {
      return key;
    }
    String renamed = Templates.parent(key) + "/" + Json.string(entity, field).replace("/", "%2F");
    if (!renamed.equals(key) && store.contains(renamed)) {
      throw ApiException.alreadyExists(r.label() + " '" + newName.asText() + "' already exists.");
    }
    return renamed;
  }

  private JsonNode delete(Call call, Binding b) {
    Resource r = b.resource();
    String key = keys.key(call, r);
    ObjectNode rec = store.remove(key);
    if (rec == null) {
      if (r.virtual) {
        return answers.respond(b.op(), defaults(call, r), r, call);
      }
      throw notFound(r, key);
    }
    return finish(call, b, (ObjectNode) rec.get("value"));
  }

  private JsonNode restore(Call call, Binding b) {
    Resource r = b.resource();
    String key = keys.key(call, r);
    ObjectNode rec = store.restore(key);
    if (rec == null && r.virtual) {
      return answers.respond(b.op(), defaults(call, r), r, call);
    }
    if (rec == null) {
      throw notFound(r, key);
    }
    return finish(call, b, (ObjectNode) rec.get("value"));
  }

  /**
   * An operation on one resource: its waiter's state; {@code set*}, {@code log*} and {@code add*}
   * requests add their fields to the resource (a tag to {@code tags}, a metric to {@code metrics}),
   * {@code delete*} ones take them away.
   */
  private JsonNode action(Call call, Binding b) {
    Resource r = b.resource();
    String key = keys.key(call, r);
    ObjectNode entity = existing(call, b);
    String verb = Templates.verb(b.op().name());
    if (r.entityType != null) {
      ObjectNode fields = call.body().deepCopy();
      for (String k : r.keys) {
        fields.remove(k);
      }
      switch (verb) {
        case "set", "log", "add", "put" -> merges.addTo(entity, r.entityType, fields, b.op().name());
        case "delete", "remove" -> merges.removeFrom(entity, r.entityType, fields, b.op().name());
        default -> {
        }
      }
    }
    applyWaiter(b.op(), entity);
    if (store.contains(key)) {
      store.update(key, v -> {
        v.removeAll();
        v.setAll(entity);
        return v;
      });
    }
    return finish(call, b, entity);
  }

  /** The answer of a create, update, delete or action: the response, or a finished long-running operation. */
  private JsonNode finish(Call call, Binding b, ObjectNode entity) {
    JsonNode lro = b.op().spec().get("lro");
    if (lro == null) {
      return answers.respond(b.op(), entity, b.resource(), call);
    }
    Resource r = b.resource();
    Operation poll = byName.get(r.service + "." + lro.path("poll_operation").asText());
    boolean byName = poll != null && Templates.endsWithParam(poll.path()) && poll.path().equals(r.itemTemplate);
    String resourceName = entity.hasNonNull("name") ? entity.get("name").asText() : null;
    String name = !byName && resourceName != null ? resourceName
        : (resourceName != null ? resourceName + "/" : "") + "operations/" + ctx.ids().uuid();
    ObjectNode operation = Json.object("name", name, "done", true);
    String metadata = lro.path("metadata_type").asText(null);
    if (metadata != null && types.isObject(metadata)) {
      operation.set("metadata", shapes.projectObject(entity, metadata));
    }
    String result = lro.path("result_type").asText(null);
    operation.set("response", result != null && types.isObject(result) ? shapes.projectObject(entity, result) : Json.object());
    if (poll != null) {
      String opType = lro.path("operation_type").asText();
      Resource owner = byService.getOrDefault(r.service, List.of()).stream()
          .filter(o -> opType.equals(o.entityType) || (o.get != null && o.get.name().equals(poll.name())))
          .findFirst().orElse(r);
      store.put(Templates.fill(poll.path(), Map.of("name", name)), owner.id, opType, operation);
    }
    return operation;
  }

  /** Moves a resource to the state of the waiter an operation starts ({@code stop} waits for STOPPED). */
  private void applyWaiter(Operation op, ObjectNode entity) {
    String waiter = op.spec().path("wait").path("waiter").asText(null);
    JsonNode w = waiter == null ? null : waiters.get(op.qualifiedService() + "." + waiter);
    if (w != null && w.hasNonNull("status_path")) {
      Shapes.set(entity, w.get("status_path").asText(), w.path("target_states").path(0));
    }
  }

  /** The resource a request describes: the body, the one object field of the body, or the named field. */
  private ObjectNode entityFrom(Call call, Operation op, Resource r) {
    ObjectNode body = call.body();
    ObjectNode source = Json.object();
    JsonNode spec = op.spec().path("body");
    List<String> fields = new ArrayList<>();
    spec.path("fields").forEach(f -> fields.add(f.asText()));
    fields.removeIf(META::contains);
    if (spec.path("kind").asText().equals("field")) {
      source = body.deepCopy();
    } else if (wrapper(body, fields, r) != null) {
      // {"query": {...}, "auto_resolve_display_name": true}: the object is the resource
      String w = wrapper(body, fields, r);
      source = ((ObjectNode) body.get(w)).deepCopy();
      for (String f : fields) {
        if (!f.equals(w) && body.has(f) && body.get(f).isValueNode() && !source.has(f)) {
          source.set(f, body.get(f).deepCopy());
        }
      }
    } else {
      for (String f : fields) {
        if (body.has(f)) {
          source.set(f, body.get(f).deepCopy());
        }
      }
      if (fields.isEmpty()) {
        Iterator<Map.Entry<String, JsonNode>> all = body.fields();
        while (all.hasNext()) {
          Map.Entry<String, JsonNode> f = all.next();
          if (!META.contains(f.getKey())) {
            source.set(f.getKey(), f.getValue().deepCopy());
          }
        }
      }
    }
    for (Operation.PathParam p : op.pathParams()) {
      String v = call.pathParams().get(p.name());
      if (!p.fromConfig() && v != null && r.entityType != null && types.has(r.entityType, p.name()) && !source.has(p.name())) {
        source.put(p.name(), v);
      }
    }
    if (r.entityType == null) {
      return source;
    }
    ObjectNode entity = Json.object();
    shapes.place(entity, r.entityType, source);
    return entity;
  }

  /** The one object field of a body that the resource does not have: the resource itself; else null. */
  private String wrapper(ObjectNode body, List<String> fields, Resource r) {
    String found = null;
    for (String f : fields) {
      if (body.get(f) instanceof ObjectNode && (r.entityType == null || !types.has(r.entityType, f))) {
        if (found != null) {
          return null;
        }
        found = f;
      }
    }
    return found;
  }

  /** The resource a settings-like operation shows before anybody set it: its keys. */
  private ObjectNode defaults(Call call, Resource r) {
    ObjectNode entity = Json.object();
    for (String k : r.keys) {
      String field = r.keyFields.get(k);
      String v = call.param(k);
      if (field != null && v != null) {
        Shapes.set(entity, field, Json.MAPPER.getNodeFactory().textNode(v));
      }
    }
    if (r.entityType != null) {
      shapes.serverFields(entity, r.entityType, call.user(), ctx.now(), ctx.accountId(), true);
    }
    return entity;
  }

  private static ApiException alreadyExists(Resource r, String key) {
    return ApiException.alreadyExists(r.label() + " '" + key.substring(key.lastIndexOf('/') + 1).replace("%2F", "/")
        + "' already exists.");
  }

  private static ApiException notFound(Resource r, String key) {
    String id = key.substring(key.lastIndexOf('/') + 1).replace("%2F", "/");
    return ApiException.notFound(r.label() + " '" + id + "' does not exist.");
  }
}
