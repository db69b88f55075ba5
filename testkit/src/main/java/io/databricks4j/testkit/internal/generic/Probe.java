package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.SelfCalls;
import io.databricks4j.testkit.internal.generic.Inference.Binding;
import io.databricks4j.testkit.internal.generic.Inference.Role;
import io.databricks4j.testkit.internal.http.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what the generic engine answers, operation by operation, through the emulator's own
 * routing: for every inferred resource a round trip (create, get equal, list contains, delete,
 * get 404), and for every other operation an answer that reads as its response type.
 */
final class Probe {
  /** The verdict on one operation: emulated or not, and how it was checked or why it failed. */
  record Verdict(boolean ok, String detail) {
  }

  /** A live resource made by the probe: its key values and what created it. */
  private record Instance(Map<String, String> keys, ObjectNode request, JsonNode response) {
  }

  private static final Set<String> VOLATILE = Set.of("etag", "update_time", "updated_at", "updated_by",
      "last_updated_timestamp", "last_modified", "update_time_ms");

  private final SelfCalls self;
  private final GenericEmulation generic;
  private final Types types;
  private final Shapes shapes;
  private final Samples samples;
  private final String user;
  private final Map<String, String> fixtures = new LinkedHashMap<>();
  private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  private final Map<String, List<Binding>> byResource = new HashMap<>();

  Probe(SelfCalls self, GenericEmulation generic, String user, String accountId) {
    this.self = self;
    this.generic = generic;
    this.types = generic.types();
    this.shapes = new Shapes(types);
    this.samples = new Samples(types);
    this.user = user;
    fixtures.put("account_id", accountId);
  }

  /** Runs every check; the verdicts by {@code pkg.Service.operation}. */
  Map<String, Verdict> run() {
    fixtures();
    for (Binding b : generic.bindings()) {
      if (b.resource() != null) {
        byResource.computeIfAbsent(b.resource().id, k -> new ArrayList<>()).add(b);
      }
    }
    for (Resource r : generic.resources()) {
      List<Binding> bs = byResource.getOrDefault(r.id, List.of());
      if (!bs.isEmpty()) {
        resource(r, bs);
      }
    }
    for (Binding b : generic.bindings()) {
      if (!verdicts.containsKey(name(b.op()))) {
        single(b.op(), b.role() == Role.PERMISSIONS ? permissionTarget(b.op()) : known(b.op(), null));
      }
    }
    return verdicts;
  }

  /** The fields a get-by-field ({@code getByName}) finds a live resource by. */
  private Map<String, String> lookupValues(Resource r) {
    Resource target = r.lookupOf;
    List<Binding> tbs = byResource.getOrDefault(target.id, List.of());
    Binding tc = find(tbs, Role.CREATE, Role.CREATE_AT);
    Binding tg = find(tbs, Role.GET);
    Map<String, String> out = new HashMap<>();
    if (tc == null || tg == null) {
      return out;
    }
    Instance inst = instance(target, tc, 0);
    JsonNode entity = unwrap(call(tg.op(), known(tg.op(), inst)), tg.op(), target);
    for (String k : r.keys) {
      String field = r.keyFields.get(k);
      JsonNode v = field == null ? null : Shapes.at(entity, field);
      if (v != null && !v.isMissingNode()) {
        out.put(k, v.asText());
      }
    }
    return out;
  }

  /** The name of a finished long-running operation of the service, for its get-operation. */
  private Map<String, String> operationValues(Resource r) {
    if (r.entityType == null || !types.has(r.entityType, "done")) {
      return Map.of();
    }
    for (Resource q : generic.resources()) {
      Binding qc = find(byResource.getOrDefault(q.id, List.of()), Role.CREATE);
      if (q.service.equals(r.service) && qc != null && qc.op().spec().has("lro")) {
        try {
          Instance inst = instance(q, qc, 0);
          return Map.of("name", inst.response().path("name").asText());
        } catch (RuntimeException e) {
          // another long-running create may work
        }
      }
    }
    return Map.of();
  }

  /** The values of a permissions operation: the id of a live object of the resource it is about. */
  private Map<String, String> permissionTarget(Operation op) {
    Map<String, String> known = known(op, null);
    String rest = op.path().substring("/api/2.0/permissions/".length());
    String type = rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    Resource owner = generic.owner(op.qualifiedService(), type);
    Binding create = owner == null ? null : find(byResource.getOrDefault(owner.id, List.of()), Role.CREATE);
    List<String> params = Templates.params(op.path());
    if (create != null && !params.isEmpty()) {
      try {
        Instance inst = instance(owner, create, 0);
        String key = owner.keys.isEmpty() ? "name" : owner.keys.get(owner.keys.size() - 1);
        String id = inst.keys().get(key);
        if (id != null) {
          known.put(params.get(params.size() - 1), id.substring(id.lastIndexOf('/') + 1));
        }
      } catch (RuntimeException e) {
        // the permissions check says what failed
      }
    }
    return known;
  }

  /** A workspace, a catalog, a schema, a table and a volume for operations that refer to them. */
  private void fixtures() {
    try {
      JsonNode ws = self.call("POST", "/api/2.0/accounts/" + enc(fixtures.get("account_id")) + "/workspaces", Map.of(),
          Json.object("workspace_name", "tkprobe", "aws_region", "us-west-2"), user).body();
      fixtures.put("workspace_id", ws.path("workspace_id").asText());
    } catch (ApiException e) {
      // operations that need a workspace will say so in their verdict
    }
    try {
      self.call("POST", "/api/2.1/unity-catalog/catalogs", Map.of(), Json.object("name", "tkprobe"), user);
      self.call("POST", "/api/2.1/unity-catalog/schemas", Map.of(), Json.object("name", "s", "catalog_name", "tkprobe"),
          user);
      self.call("POST", "/api/2.1/unity-catalog/tables", Map.of(), Json.object("name", "t", "catalog_name", "tkprobe",
          "schema_name", "s", "table_type", "MANAGED", "data_source_format", "DELTA"), user);
      fixtures.put("catalog_name", "tkprobe");
      fixtures.put("schema_name", "s");
      fixtures.put("table_name", "tkprobe.s.t");
      fixtures.put("source_table_name", "tkprobe.s.t");
    } catch (ApiException e) {
      // Unity Catalog is emulated elsewhere; without it the operations below it fail their checks
    }
  }

  private void resource(Resource r, List<Binding> bs) {
    Binding create = find(bs, Role.CREATE, Role.CREATE_AT);
    if (create == null) {
      Map<String, String> known = known(bs.get(0).op(), null);
      try {
        known.putAll(r.lookupOf != null ? lookupValues(r) : operationValues(r));
      } catch (RuntimeException e) {
        // the checks below say what fails
      }
      for (Binding b : bs) {
        single(b.op(), known);
      }
      return;
    }
    Instance first;
    try {
      first = instance(r, create, 0);
    } catch (RuntimeException e) {
      fail(bs, "creating one failed: " + message(e));
      return;
    }
    ok(create.op(), "round trip: create");
    Binding get = find(bs, Role.GET);
    if (get != null) {
      roundTrip(r, bs, create, get, first);
    }
    Instance live;
    try {
      live = instance(r, create, 0);
    } catch (RuntimeException e) {
      fail(bs, "creating a second one failed: " + message(e));
      return;
    }
    List<Binding> later = new ArrayList<>();
    for (Binding b : bs) {
      if (verdicts.containsKey(name(b.op()))) {
        continue;
      }
      if (b.role() == Role.RESTORE || b.role() == Role.DELETE) {
        later.add(b);
      } else if (b.role() == Role.CREATE || b.role() == Role.CREATE_AT) {
        Map<String, String> parents = new HashMap<>(live.keys());
        r.keys.forEach(parents::remove);
        parents.remove("name");
        single(b.op(), parents);
      } else {
        single(b.op(), known(b.op(), live));
      }
    }
    for (Binding b : later) {
      if (b.role() == Role.RESTORE) {
        Binding delete = find(bs, Role.DELETE);
        try {
          if (delete != null) {
            call(delete.op(), known(delete.op(), live));
          }
        } catch (RuntimeException e) {
          // the restore check says what happened
        }
      }
      single(b.op(), known(b.op(), live));
    }
  }

  private void roundTrip(Resource r, List<Binding> bs, Binding create, Binding get, Instance inst) {
    String step = "get";
    try {
      JsonNode got = unwrap(call(get.op(), known(get.op(), inst)), get.op(), r);
      String diff = differences(unwrap(inst.response(), create.op(), r), got);
      if (diff != null) {
        throw new IllegalStateException("get differs from create: " + diff);
      }
      ok(get.op(), "round trip: get equals create");
      for (Binding list : bs) {
        if (list.role() == Role.LIST) {
          step = list.op().name();
          JsonNode page = call(list.op(), known(list.op(), inst));
          if (!contains(page, list.op(), r, inst)) {
            throw new IllegalStateException(list.op().name() + " does not list the new " + r.label());
          }
          ok(list.op(), "round trip: list contains");
        }
      }
      Binding delete = find(bs, Role.DELETE);
      if (delete != null) {
        step = "delete";
        call(delete.op(), known(delete.op(), inst));
        try {
          call(get.op(), known(get.op(), inst));
          throw new IllegalStateException("get after delete did not answer 404");
        } catch (ApiException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
        ok(delete.op(), "round trip: delete, then get 404");
      }
    } catch (RuntimeException e) {
      fail(bs, "round trip failed at " + step + ": " + message(e));
    }
  }

  /** Creates a resource of {@code r} (and the parents its path needs); its keys. */
  private Instance instance(Resource r, Binding create, int depth) {
    if (depth > 4) {
      throw new IllegalStateException("parents nest too deep");
    }
    Map<String, String> known = new HashMap<>(fixtures);
    for (String k : r.keys) {
      if (create.op().pathParams().stream().noneMatch(p -> p.name().equals(k))) {
        known.remove(k);
      }
    }
    known.putAll(parentValues(r, create, depth));
    Samples.Request req = samples.request(create.op(), known);
    JsonNode response = send(create.op(), req);
    Map<String, String> keys = new LinkedHashMap<>(req.path());
    JsonNode entity = unwrap(response, create.op(), r);
    if (r.aipPrefix != null) {
      JsonNode name = entity.path("name");
      if (name.isMissingNode()) {
        name = response.path("response").path("name");
      }
      keys.put("name", name.asText());
    } else {
      for (String k : r.keys) {
        if (keys.containsKey(k)) {
          continue;
        }
        String field = r.keyFields.get(k);
        JsonNode v = field == null ? null : Shapes.at(entity, field);
        if (v == null || v.isMissingNode()) {
          v = deep(response, field == null ? k : field.substring(field.lastIndexOf('.') + 1));
        }
        if ((v == null || v.isMissingNode()) && req.body().has(k)) {
          v = req.body().get(k);
        }
        if ((v == null || v.isMissingNode()) && Shapes.isCreator(k)) {
          v = Json.MAPPER.getNodeFactory().textNode(user);
        }
        if ((v == null || v.isMissingNode()) && req.body().has(k + "_arg")) {
          v = req.body().get(k + "_arg");
        }
        if ((v == null || v.isMissingNode()) && response.size() == 1 && response.fields().next().getKey().endsWith("_id")) {
          v = response.fields().next().getValue();
        }
        if (v == null || v.isMissingNode()) {
          throw new IllegalStateException("the create answer does not carry the key " + k);
        }
        keys.put(k, v.asText());
      }
    }
    keys.putAll(req.path());
    for (String k : r.keys) {
      if (!keys.containsKey(k) && req.body().has(k)) {
        keys.put(k, req.body().get(k).asText());
      }
    }
    req.body().fields().forEachRemaining(f -> {
      if (f.getValue().isValueNode() && !keys.containsKey(f.getKey()) && f.getKey().endsWith("_name")) {
        keys.put(f.getKey(), f.getValue().asText());
      }
    });
    return new Instance(keys, req.body(), response);
  }

  /**
   * The values a create needs from parents made first: the keys of the resource its path is below
   * (an app for a deployment, a project for a branch), of the RPC-style resources its request
   * names (an experiment for a run), else fixtures.
   */
  private Map<String, String> parentValues(Resource r, Binding create, int depth) {
    Map<String, String> out = new HashMap<>();
    String template = create.op().path();
    List<String> params = new ArrayList<>();
    create.op().pathParams().forEach(p -> {
      if (!p.fromConfig()) {
        params.add(p.name());
      }
    });
    String parentShape = Templates.shape(Templates.parent(template));
    for (Resource q : generic.resources()) {
      Binding qc = find(byResource.getOrDefault(q.id, List.of()), Role.CREATE, Role.CREATE_AT);
      if (q == r || qc == null) {
        continue;
      }
      if (params.contains("parent") && r.aipPrefix != null) {
        if (q.service.equals(r.service) && r.aipPrefix.equals(q.aipPrefix) && !q.create.path().contains("{parent}")) {
          out.put("parent", instance(q, qc, depth + 1).keys().get("name"));
          break;
        }
      } else if (!params.isEmpty() && q.itemTemplate != null && Templates.shape(q.itemTemplate).equals(parentShape)) {
        Instance parent = instance(q, qc, depth + 1);
        List<String> ours = Templates.params(Templates.parent(template));
        List<String> theirs = Templates.params(q.itemTemplate);
        for (int i = 0; i < ours.size() && i < theirs.size(); i++) {
          String v = parent.keys().get(theirs.get(i));
          if (v != null) {
            out.put(ours.get(i), v);
          }
        }
        break;
      }
    }
    if (r.rpc()) {
      for (Resource q : generic.resources()) {
        Binding qc = find(byResource.getOrDefault(q.id, List.of()), Role.CREATE);
        if (q != r && qc != null && q.rpc() && q.service.equals(r.service) && !q.keys.isEmpty()
            && !q.keys.containsAll(r.keys) && names(create.op()).containsAll(q.keys)) {
          Instance parent = instance(q, qc, depth + 1);
          q.keys.forEach(k -> out.put(k, parent.keys().get(k)));
        }
      }
    }
    return out;
  }

  /** The wire names of every field of an operation's request. */
  private List<String> names(Operation op) {
    List<String> out = new ArrayList<>(op.required());
    if (op.requestType() != null) {
      types.allFields(op.requestType()).forEach(f -> out.add(f.wireName()));
    }
    return out;
  }

  private void single(Operation op, Map<String, String> known) {
    try {
      JsonNode answer = call(op, known);
      List<String> problems = new ArrayList<>();
      if (!op.responseType().equals("void") && op.spec().path("response_kind").asText("json").equals("json")) {
        shapes.conform(answer, op.responseType(), "response", problems);
      }
      if (problems.isEmpty()) {
        ok(op, "answers as " + op.responseType());
      } else {
        verdicts.put(name(op), new Verdict(false, "answer does not read as " + op.responseType() + ": " + problems.get(0)));
      }
    } catch (RuntimeException e) {
      verdicts.put(name(op), new Verdict(false, message(e)));
    }
  }

  /** The values a request of {@code op} uses: fixtures, then the keys of a live resource. */
  private Map<String, String> known(Operation op, Instance inst) {
    Map<String, String> known = new HashMap<>(fixtures);
    if (inst != null) {
      known.putAll(inst.keys());
    }
    return known;
  }

  private JsonNode call(Operation op, Map<String, String> known) {
    return send(op, samples.request(op, known));
  }

  private JsonNode send(Operation op, Samples.Request req) {
    return self.call(op.verb(), path(op, req.path()), req.query(), req.body(), user).body();
  }

  private static String path(Operation op, Map<String, String> values) {
    String t = op.path();
    for (Operation.PathParam p : op.pathParams()) {
      String v = values.getOrDefault(p.name(), "");
      String encoded = p.multiSegment() || p.name().equals("name") || p.name().equals("parent")
          ? String.join("/", List.of(v.split("/", -1)).stream().map(Probe::enc).toList()) : enc(v);
      t = t.replace("{" + p.name() + "}", encoded);
    }
    return t;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The resource in an answer: the answer itself, its wrapper's field, or a long-running operation's response. */
  private JsonNode unwrap(JsonNode answer, Operation op, Resource r) {
    if (answer.has("done") && answer.has("response")) {
      return answer.get("response");
    }
    Types.Field w = types.wrapped(op.responseType());
    if (w != null && answer.has(w.wireName()) && answer.size() == 1) {
      return answer.get(w.wireName());
    }
    return answer;
  }

  /** The first field that differs between what create and get answered, or null. */
  private static String differences(JsonNode created, JsonNode got) {
    if (!created.isObject() || !got.isObject()) {
      return null;
    }
    var fields = created.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      JsonNode other = got.get(f.getKey());
      if (other != null && !VOLATILE.contains(f.getKey()) && !other.equals(f.getValue())
          && !(other.isObject() && differences(f.getValue(), other) == null)) {
        return f.getKey() + ": " + f.getValue() + " then " + other;
      }
    }
    return null;
  }

  private boolean contains(JsonNode page, Operation list, Resource r, Instance inst) {
    JsonNode items = page.isArray() ? page : null;
    if (items == null) {
      String field = new Answers(shapes).listField(list.responseType());
      items = field == null ? null : page.get(field);
    }
    if (items == null) {
      return false;
    }
    String key = r.keys.isEmpty() ? null : r.keys.get(r.keys.size() - 1);
    String field = key == null ? null : r.keyFields.get(key);
    String want = key == null ? null : inst.keys().get(key);
    for (JsonNode item : items) {
      if (want == null) {
        return true;
      }
      JsonNode v = field == null ? deep(item, key) : Shapes.at(item, field);
      if (v == null || v.isMissingNode()) {
        v = deep(item, field == null ? key : field.substring(field.lastIndexOf('.') + 1));
      }
      if (v != null && (want.equals(v.asText()) || want.endsWith("/" + v.asText()))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode deep(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    if (node.has(field) && node.get(field).isValueNode()) {
      return node.get(field);
    }
    for (JsonNode child : node) {
      JsonNode found = deep(child, field);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Binding find(List<Binding> bs, Role... roles) {
    for (Role role : roles) {
      for (Binding b : bs) {
        if (b.role() == role) {
          return b;
        }
      }
    }
    return null;
  }

  private void ok(Operation op, String how) {
    verdicts.put(name(op), new Verdict(true, how));
  }

  private void fail(List<Binding> bs, String why) {
    for (Binding b : bs) {
      Verdict v = verdicts.get(name(b.op()));
      if (v == null || v.ok()) {
        verdicts.put(name(b.op()), new Verdict(false, why));
      }
    }
  }

  static String name(Operation op) {
    return op.qualifiedService() + "." + op.name();
  }

  private static String message(RuntimeException e) {
    if (e instanceof ApiException a) {
      return a.status() + " " + a.errorCode() + ": " + a.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
