package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.LinkedHashMap;
import java.util.Map;

/** Instance pools: create, get, list, edit, delete. Pools are ACTIVE at once and hold no instances. */
public final class InstancePools implements Emulation, Durable {
  private static final String V = "/api/2.0/instance-pools/";
  private final Context ctx;
  private final Map<String, ObjectNode> pools = new LinkedHashMap<>();

  public InstancePools(Context ctx) {
    this.ctx = ctx;
    ctx.permissionObjects("instance-pools", this::exists);
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "create", this::create)
        .on("GET", V + "get", c -> Reply.json(get(c.required("instance_pool_id"))))
        .on("GET", V + "list", this::list)
        .on("POST", V + "edit", this::edit)
        .on("POST", V + "delete", this::delete);
  }

  synchronized boolean exists(String id) {
    return pools.containsKey(id);
  }

  private Reply create(Call call) {
    ObjectNode pool = call.body().deepCopy();
    call.required("instance_pool_name");
    call.required("node_type_id");
    synchronized (this) {
      String id = "1125-" + ctx.ids().hex16().substring(0, 6) + "-pool-" + ctx.ids().hex16().substring(0, 8);
      pool.put("instance_pool_id", id);
      pool.put("state", "ACTIVE");
      pool.set("default_tags", Json.object("Vendor", "Databricks", "DatabricksInstancePoolCreatorId", call.user(),
          "DatabricksInstancePoolId", id));
      pool.set("stats", Json.object("used_count", 0, "idle_count", 0, "pending_used_count", 0, "pending_idle_count", 0));
      pool.set("status", Json.object());
      if (!pool.has("idle_instance_autotermination_minutes")) {
        pool.put("idle_instance_autotermination_minutes", 60);
      }
      pools.put(id, pool);
      return Reply.json(Json.object("instance_pool_id", id));
    }
  }

  private synchronized ObjectNode get(String id) {
    return find(id).deepCopy();
  }

  private synchronized Reply list(Call call) {
    ArrayNode items = Json.array();
    pools.values().forEach(p -> items.add(p.deepCopy()));
    return Reply.json(Json.object("instance_pools", items));
  }

  private Reply edit(Call call) {
    String id = call.required("instance_pool_id");
    call.required("instance_pool_name");
    call.required("node_type_id");
    synchronized (this) {
      ObjectNode pool = find(id);
      if (!pool.path("node_type_id").asText().equals(call.param("node_type_id"))) {
        throw ApiException.invalid("The node type of an instance pool cannot be changed");
      }
      Json.merge(pool, call.body());
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    String id = call.required("instance_pool_id");
    synchronized (this) {
      find(id);
      pools.remove(id);
    }
    return Reply.empty();
  }

  private ObjectNode find(String id) {
    ObjectNode pool = pools.get(id);
    if (pool == null) {
      throw ApiException.notFound("Can't find an instance pool with id: " + id + ".");
    }
    return pool;
  }

  @Override
  public String stateName() {
    return "instance-pools";
  }

  /** The pools by id. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    return Json.object("pools", Snapshots.records(pools));
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.records(state.path("pools"), pools);
  }
}
