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

/**
 * What the probe calls operations with: fixtures (a workspace, a catalog, a schema and a table),
 * live resources made through their create operations (parents first: an app before its
 * deployment, a project before its branch, an experiment before its run), and the values a
 * request of an operation takes from them.
 */
final class ProbeResources {
  /** A live resource made by the probe: its key values and what created it. */
  record Instance(Map<String, String> keys, ObjectNode request, JsonNode response) {
  }

  private final SelfCalls self;
  private final GenericEmulation generic;
  private final Types types;
  private final Samples samples;
  private final String user;
  private final Map<String, String> fixtures = new LinkedHashMap<>();
  private final Map<String, List<Binding>> byResource = new HashMap<>();

  ProbeResources(SelfCalls self, GenericEmulation generic, String user, String accountId) {
    this.self = self;
    this.generic = generic;
    this.types = generic.types();
    this.samples = new Samples(types);
    this.user = user;
    fixtures.put("account_id", accountId);
    for (Binding b : generic.bindings()) {
      if (b.resource() != null) {
        byResource.computeIfAbsent(b.resource().id, k -> new ArrayList<>()).add(b);
      }
    }
  }

  /** The bindings of a resource's operations. */
  List<Binding> bindings(Resource r) {
    return byResource.getOrDefault(r.id, List.of());
  }

  /** The fields a get-by-field ({@code getByName}) finds a live resource by. */
  Map<String, String> lookupValues(Resource r) {
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
  Map<String, String> operationValues(Resource r) {
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
  Map<String, String> permissionTarget(Operation op) {
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
  void fixtures() {
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
    try {
      JsonNode warehouse = self.call("POST", "/api/2.0/sql/warehouses", Map.of(), Json.object("name", "tkprobe",
          "cluster_size", "2X-Small", "max_num_clusters", 1), user).body();
      fixtures.put("warehouse_id", warehouse.path("id").asText());
    } catch (ApiException e) {
      // operations that name a warehouse will say so in their verdict
    }
  }

  /** Creates a resource of {@code r} (and the parents its path needs); its keys. */
  Instance instance(Resource r, Binding create, int depth) {
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

  /** The values a request of {@code op} uses: fixtures, then the keys of a live resource. */
  Map<String, String> known(Operation op, Instance inst) {
    Map<String, String> known = new HashMap<>(fixtures);
    if (inst != null) {
      known.putAll(inst.keys());
    }
    return known;
  }

  JsonNode call(Operation op, Map<String, String> known) {
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
          ? String.join("/", List.of(v.split("/", -1)).stream().map(ProbeResources::enc).toList()) : enc(v);
      t = t.replace("{" + p.name() + "}", encoded);
    }
    return t;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The resource in an answer: the answer itself, its wrapper's field, or a long-running operation's response. */
  JsonNode unwrap(JsonNode answer, Operation op, Resource r) {
    if (answer.has("done") && answer.has("response")) {
      return answer.get("response");
    }
    Types.Field w = types.wrapped(op.responseType());
    if (w != null && answer.has(w.wireName()) && answer.size() == 1) {
      return answer.get(w.wireName());
    }
    return answer;
  }

  static JsonNode deep(JsonNode node, String field) {
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

  static Binding find(List<Binding> bs, Role... roles) {
    for (Role role : roles) {
      for (Binding b : bs) {
        if (b.role() == role) {
          return b;
        }
      }
    }
    return null;
  }
}
