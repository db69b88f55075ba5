package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster policies (CRUD, definitions checked to be JSON) and the fixed policy families. */
public final class ClusterPolicies implements Emulation, Durable {
  private static final String V = "/api/2.0/policies/clusters/";
  private static final List<ObjectNode> FAMILIES = List.of(
      family("job-cluster", "Job Compute", "Use with job clusters", "{\"cluster_type\":{\"type\":\"fixed\",\"value\":\"job\"}}"),
      family("personal-vm", "Personal Compute", "Single-node compute for one user",
          "{\"spark_conf.spark.databricks.cluster.profile\":{\"type\":\"fixed\",\"value\":\"singleNode\"}}"),
      family("power-user", "Power User Compute", "Larger clusters for experienced users",
          "{\"autotermination_minutes\":{\"type\":\"range\",\"maxValue\":4320}}"),
      family("shared-compute", "Shared Compute", "Multi-user clusters with user isolation",
          "{\"data_security_mode\":{\"type\":\"fixed\",\"value\":\"USER_ISOLATION\"}}"));

  private final Context ctx;
  private final Map<String, ObjectNode> policies = new LinkedHashMap<>();

  public ClusterPolicies(Context ctx) {
    this.ctx = ctx;
    ctx.permissionObjects("cluster-policies", this::exists);
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "create", this::create)
        .on("GET", V + "get", c -> Reply.json(get(c.required("policy_id"))))
        .on("GET", V + "list", this::list)
        .on("POST", V + "edit", this::edit)
        .on("POST", V + "delete", this::delete)
        .on("GET", "/api/2.0/policy-families", this::families)
        .on("GET", "/api/2.0/policy-families/{policy_family_id}", this::family);
  }

  synchronized boolean exists(String id) {
    return policies.containsKey(id);
  }

  private Reply create(Call call) {
    String name = call.required("name");
    ObjectNode policy = call.body().deepCopy();
    checkDefinition(policy);
    synchronized (this) {
      checkUnique(name, null);
      String id = ctx.ids().hex16().toUpperCase(java.util.Locale.ROOT);
      policy.put("policy_id", id);
      policy.put("creator_user_name", call.user());
      policy.put("created_at_timestamp", ctx.now());
      policy.put("is_default", false);
      if (!policy.has("definition")) {
        String familyId = Json.string(policy, "policy_family_id");
        policy.put("definition", familyId == null ? "{}" : findFamily(familyId).get("definition").asText());
      }
      policies.put(id, policy);
      return Reply.json(Json.object("policy_id", id));
    }
  }

  private Reply edit(Call call) {
    String id = call.required("policy_id");
    String name = call.required("name");
    ObjectNode changes = call.body().deepCopy();
    checkDefinition(changes);
    synchronized (this) {
      ObjectNode policy = find(id);
      checkUnique(name, id);
      for (String f : List.of("definition", "description", "libraries", "max_clusters_per_user",
          "policy_family_definition_overrides", "policy_family_id")) {
        if (!changes.has(f)) {
          policy.remove(f);
        }
      }
      Json.merge(policy, changes);
      if (!policy.has("definition")) {
        policy.put("definition", "{}");
      }
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    String id = call.required("policy_id");
    synchronized (this) {
      find(id);
      policies.remove(id);
    }
    return Reply.empty();
  }

  private synchronized ObjectNode get(String id) {
    return find(id).deepCopy();
  }

  private Reply list(Call call) {
    boolean byCreation = "POLICY_CREATION_TIME".equals(call.param("sort_column"));
    boolean desc = "DESC".equals(call.param("sort_order"));
    List<ObjectNode> all = new ArrayList<>();
    synchronized (this) {
      policies.values().forEach(p -> all.add(p.deepCopy()));
    }
    Comparator<ObjectNode> order = byCreation
        ? Comparator.comparingLong(p -> p.get("created_at_timestamp").asLong())
        : Comparator.comparing(p -> p.get("name").asText());
    all.sort(desc ? order.reversed() : order);
    return Reply.json(Json.object("policies", Json.array(all)));
  }

  private Reply families(Call call) {
    int size = Pages.size(call.longParam("max_results", 0), ctx.pageSize());
    Pages.Page<ObjectNode> page = Pages.after(FAMILIES, f -> f.get("policy_family_id").asText(),
        call.param("page_token"), size);
    ArrayNode items = Json.array();
    page.items().forEach(f -> items.add(f.deepCopy()));
    ObjectNode out = Json.object("policy_families", items);
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply family(Call call) {
    return Reply.json(findFamily(call.required("policy_family_id")).deepCopy());
  }

  private static ObjectNode findFamily(String id) {
    return FAMILIES.stream().filter(f -> f.get("policy_family_id").asText().equals(id)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Policy family " + id + " does not exist"));
  }

  private void checkUnique(String name, String except) {
    for (ObjectNode p : policies.values()) {
      if (p.get("name").asText().equals(name) && !p.get("policy_id").asText().equals(except)) {
        throw new ApiException(400, "INVALID_PARAMETER_VALUE", "Policy named '" + name + "' already exists");
      }
    }
  }

  private static void checkDefinition(ObjectNode policy) {
    String definition = Json.string(policy, "definition");
    if (definition == null) {
      return;
    }
    try {
      if (!Json.parse(definition).isObject()) {
        throw new IllegalArgumentException("not an object");
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Policy definition is not valid JSON: " + e.getMessage());
    }
  }

  private ObjectNode find(String id) {
    ObjectNode p = policies.get(id);
    if (p == null) {
      throw ApiException.notFound("Cluster policy " + id + " does not exist");
    }
    return p;
  }

  private static ObjectNode family(String id, String name, String description, String definition) {
    return Json.object("policy_family_id", id, "name", name, "description", description, "definition", definition);
  }

  @Override
  public String stateName() {
    return "cluster-policies";
  }

  /** The policies by id. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    return Json.object("policies", Snapshots.records(policies));
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.records(state.path("policies"), policies);
  }
}
