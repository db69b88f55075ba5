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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clusters: PENDING to RUNNING after the start delay, restarts, resizes, termination, events and
 * pinning. A cluster whose name contains "fail" terminates instead of reaching RUNNING, so that
 * waiters can be tested on their failure path.
 */
public final class Clusters implements Emulation, Durable {
  private static final String V = "/api/2.1/clusters/";

  private final Context ctx;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();

  public Clusters(Context ctx) {
    this.ctx = ctx;
    ctx.permissionObjects("clusters", this::exists);
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "create", this::create)
        .on("POST", V + "edit", this::edit)
        .on("POST", V + "update", this::update)
        .on("GET", V + "get", c -> Reply.json(get(c.required("cluster_id"))))
        .on("GET", V + "list", this::list)
        .on("POST", V + "start", this::start)
        .on("POST", V + "restart", this::restart)
        .on("POST", V + "resize", this::resize)
        .on("POST", V + "delete", this::delete)
        .on("POST", V + "permanent-delete", this::permanentDelete)
        .on("POST", V + "pin", c -> pin(c, true))
        .on("POST", V + "unpin", c -> pin(c, false))
        .on("POST", V + "change-owner", this::changeOwner)
        .on("POST", V + "events", this::events)
        .on("GET", V + "spark-versions", c -> Reply.json(Json.object("versions", Catalogues.sparkVersions())))
        .on("GET", V + "list-node-types", c -> Reply.json(Json.object("node_types", Catalogues.nodeTypes())))
        .on("GET", V + "list-zones", c -> Reply.json(Json.object(
            "zones", Json.strings(List.of("us-west-2a", "us-west-2b", "us-west-2c")), "default_zone", "us-west-2a")));
  }

  /** Whether a cluster exists (for libraries, jobs and permissions). */
  public synchronized boolean exists(String id) {
    return clusters.containsKey(id);
  }

  /** The state of a cluster now, or null when there is none. */
  public synchronized String state(String id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return null;
    }
    advance(c);
    return c.life.state();
  }

  /** How many times a cluster was started or restarted since its creation, or -1 when there is none. */
  public synchronized int launches(String id) {
    Cluster c = clusters.get(id);
    return c == null ? -1 : c.launches;
  }

  private Reply create(Call call) {
    ObjectNode spec = call.body().deepCopy();
    if (!spec.hasNonNull("spark_version")) {
      throw ApiException.missing("spark_version");
    }
    validateSize(spec);
    if (!spec.hasNonNull("node_type_id") && !spec.hasNonNull("instance_pool_id")) {
      spec.put("node_type_id", Catalogues.defaultNodeType());
    }
    if (!spec.has("num_workers") && !spec.has("autoscale")) {
      spec.put("num_workers", 0);
    }
    synchronized (this) {
      long now = ctx.now();
      Cluster c = new Cluster(ctx.ids().clusterId(), ctx.ids().next(), now, spec, call.user());
      clusters.put(c.id, c);
      c.message = "Finding instances for new nodes, acquiring more instances if necessary";
      c.life.set("PENDING", now, "RUNNING", ctx.stateDelayMillis());
      event(c, now, "CREATING", Json.object("user", call.user(), "attributes", c.attributes()));
      return Reply.json(Json.object("cluster_id", c.id));
    }
  }

  private Reply edit(Call call) {
    String id = call.required("cluster_id");
    ObjectNode spec = call.body().deepCopy();
    if (!spec.hasNonNull("spark_version")) {
      throw ApiException.missing("spark_version");
    }
    validateSize(spec);
    synchronized (this) {
      Cluster c = find(id);
      applyEdit(c, spec, call.user());
    }
    return Reply.empty();
  }

  private Reply update(Call call) {
    String id = call.required("cluster_id");
    String mask = call.required("update_mask");
    JsonNode changes = call.node("cluster");
    synchronized (this) {
      Cluster c = find(id);
      ObjectNode spec = c.spec.deepCopy();
      for (String field : mask.split(",")) {
        String f = field.trim();
        if (f.isEmpty()) {
          continue;
        }
        JsonNode v = changes == null ? null : changes.get(f);
        if (v == null || v.isNull()) {
          spec.remove(f);
        } else {
          spec.set(f, v.deepCopy());
        }
      }
      spec.put("cluster_id", id);
      applyEdit(c, spec, call.user());
    }
    return Reply.empty();
  }

  private void applyEdit(Cluster c, ObjectNode spec, String user) {
    advance(c);
    if (!c.life.is("RUNNING", "TERMINATED")) {
      throw unexpectedState(c);
    }
    spec.remove("cluster_id");
    if (!spec.hasNonNull("node_type_id") && !spec.hasNonNull("instance_pool_id")) {
      spec.put("node_type_id", Catalogues.defaultNodeType());
    }
    if (!spec.has("num_workers") && !spec.has("autoscale")) {
      spec.put("num_workers", 0);
    }
    long now = ctx.now();
    ObjectNode previous = c.attributes();
    c.spec = spec;
    event(c, now, "EDITED", Json.object("user", user, "previous_attributes", previous, "attributes", c.attributes()));
    if (c.life.is("RUNNING")) {
      c.message = "Restarting the cluster to apply the new configuration";
      c.launches++;
      c.life.set("RESTARTING", now, "RUNNING", ctx.stateDelayMillis());
      event(c, now, "RESTARTING", Json.object("user", user));
    }
  }

  private Reply start(Call call) {
    String id = call.required("cluster_id");
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      if (!c.life.is("TERMINATED")) {
        // the service refuses to start a cluster that runs or starts, whatever its reference says
        throw unexpectedState(c);
      }
      long now = ctx.now();
      c.terminationReason = null;
      c.terminatedTime = 0;
      c.message = "Finding instances for new nodes, acquiring more instances if necessary";
      c.launches++;
      c.life.set("PENDING", now, "RUNNING", ctx.stateDelayMillis());
      event(c, now, "STARTING", Json.object("user", call.user()));
    }
    return Reply.empty();
  }

  private Reply restart(Call call) {
    String id = call.required("cluster_id");
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      if (!c.life.is("RUNNING")) {
        throw unexpectedState(c);
      }
      long now = ctx.now();
      c.message = "Restarting Spark";
      c.launches++;
      c.life.set("RESTARTING", now, "RUNNING", ctx.stateDelayMillis());
      event(c, now, "RESTARTING", Json.object("user", call.user()));
    }
    return Reply.empty();
  }

  private Reply resize(Call call) {
    String id = call.required("cluster_id");
    JsonNode workers = call.node("num_workers");
    JsonNode autoscale = call.node("autoscale");
    if (workers == null && autoscale == null) {
      throw ApiException.invalid("Missing required field: num_workers or autoscale");
    }
    if (workers != null && (!workers.canConvertToInt() || workers.asInt() < 0)) {
      throw ApiException.invalid("num_workers must be a non-negative integer, got " + workers);
    }
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      if (!c.life.is("RUNNING")) {
        throw unexpectedState(c);
      }
      long now = ctx.now();
      c.targetWorkers = workers == null ? null : workers.asInt();
      c.targetAutoscale = autoscale == null ? null : autoscale.deepCopy();
      c.message = "Resizing the cluster";
      c.life.set("RESIZING", now, "RUNNING", ctx.stateDelayMillis());
      event(c, now, "RESIZING", Json.object("user", call.user(), "current_num_workers", c.workers(),
          "target_num_workers", workers == null ? c.workers() : workers.asInt()));
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    String id = call.required("cluster_id");
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      if (c.life.is("TERMINATED", "TERMINATING")) {
        return Reply.empty();
      }
      long now = ctx.now();
      c.terminationReason = Json.object("code", "USER_REQUEST", "type", "SUCCESS",
          "parameters", Json.object("username", call.user()));
      c.message = "Terminating the cluster";
      c.life.set("TERMINATING", now, "TERMINATED", ctx.stateDelayMillis());
      event(c, now, "TERMINATING", Json.object("user", call.user(), "reason", c.terminationReason.deepCopy()));
    }
    return Reply.empty();
  }

  private Reply permanentDelete(Call call) {
    String id = call.required("cluster_id");
    synchronized (this) {
      find(id);
      clusters.remove(id);
    }
    return Reply.empty();
  }

  private Reply pin(Call call, boolean pin) {
    String id = call.required("cluster_id");
    synchronized (this) {
      Cluster c = find(id);
      c.pinned = pin;
      event(c, ctx.now(), pin ? "PINNED" : "UNPINNED", Json.object("user", call.user()));
    }
    return Reply.empty();
  }

  private Reply changeOwner(Call call) {
    String id = call.required("cluster_id");
    String owner = call.required("owner_username");
    synchronized (this) {
      find(id).creator = owner;
    }
    return Reply.empty();
  }

  private Reply list(Call call) {
    Set<String> states = Set.copyOf(call.all("filter_by.cluster_states"));
    Set<String> sources = Set.copyOf(call.all("filter_by.cluster_sources"));
    String pinned = call.param("filter_by.is_pinned");
    String policy = call.param("filter_by.policy_id");
    boolean byName = "CLUSTER_NAME".equals(call.param("sort_by.field"));
    boolean descending = "DESC".equals(call.param("sort_by.direction"));
    int size = Pages.size(call.longParam("page_size", 0), ctx.pageSize());
    List<ObjectNode> all = new ArrayList<>();
    synchronized (this) {
      for (Cluster c : clusters.values()) {
        advance(c);
        if (!states.isEmpty() && !states.contains(c.life.state())) {
          continue;
        }
        if (!sources.isEmpty() && !sources.contains("API")) {
          continue;
        }
        if (pinned != null && Boolean.parseBoolean(pinned) != c.pinned) {
          continue;
        }
        if (policy != null && !policy.equals(Json.string(c.spec, "policy_id"))) {
          continue;
        }
        ObjectNode d = c.details();
        d.put("_key", (byName ? String.valueOf(Json.string(c.spec, "cluster_name")) + "\u0000" : "")
            + Pages.numericKey(c.seq));
        all.add(d);
      }
    }
    Comparator<ObjectNode> order = Comparator.comparing(d -> d.get("_key").asText());
    all.sort(descending ? order.reversed() : order);
    List<ObjectNode> sorted = all;
    if (descending) {
      // keys must ascend for Pages.after: invert them
      sorted = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        ObjectNode d = all.get(i);
        d.put("_key", Pages.numericKey(i));
        sorted.add(d);
      }
    }
    Pages.Page<ObjectNode> page = Pages.after(sorted, d -> d.get("_key").asText(), call.param("page_token"), size);
    ArrayNode items = Json.array();
    page.items().forEach(d -> items.add(d.deepCopy().without("_key")));
    ObjectNode out = Json.object("clusters", items);
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private Reply events(Call call) {
    String id = call.required("cluster_id");
    Set<String> types = Set.copyOf(call.all("event_types"));
    long start = call.longParam("start_time", 0);
    long end = call.longParam("end_time", Long.MAX_VALUE);
    boolean ascending = "ASC".equals(call.param("order"));
    long requested = call.has("page_size") ? call.longParam("page_size", 0) : call.longParam("limit", 0);
    int size = Pages.size(requested, ctx.pageSize());
    String token = call.param("page_token");
    int offset = token != null && !token.isEmpty() ? Pages.offsetOf(token) : call.intParam("offset", 0);
    if (offset < 0) {
      throw ApiException.invalid("offset must not be negative");
    }
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      for (ObjectNode e : c.events) {
        long t = e.get("timestamp").asLong();
        if ((types.isEmpty() || types.contains(e.get("type").asText())) && t >= start && t <= end) {
          matching.add(e.deepCopy());
        }
      }
    }
    matching.sort(Comparator.comparingLong(e -> e.get("timestamp").asLong()));
    if (!ascending) {
      java.util.Collections.reverse(matching);
    }
    Pages.Page<ObjectNode> page = Pages.offset(matching, offset, size);
    ObjectNode out = Json.object("events", Json.array(page.items()), "total_count", matching.size());
    if (page.hasMore()) {
      ObjectNode next = call.body().deepCopy();
      next.put("cluster_id", id);
      next.put("offset", offset + page.items().size());
      next.put("limit", size);
      next.remove("page_token");
      next.remove("page_size");
      out.set("next_page", next);
      out.put("next_page_token", page.nextToken());
    }
    return Reply.json(out);
  }

  private ObjectNode get(String id) {
    synchronized (this) {
      Cluster c = find(id);
      advance(c);
      return c.details();
    }
  }

  private Cluster find(String id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      // what Databricks answers, which the SDK maps to ResourceDoesNotExist
      throw ApiException.invalid("Cluster " + id + " does not exist");
    }
    advance(c); // transitions due by now come before whatever the caller does next
    return c;
  }

  private void advance(Cluster c) {
    c.life.advance(ctx.now(), (state, at) -> {
      switch (state) {
        case "RUNNING" -> arriveRunning(c, at);
        case "TERMINATED" -> {
          c.terminatedTime = at;
          c.message = c.terminationReason != null && "SUCCESS".equals(Json.string(c.terminationReason, "type"))
              ? "Terminated by user" : c.message;
        }
        default -> {
        }
      }
    });
  }

  private void arriveRunning(Cluster c, long at) {
    if (c.failing()) {
      c.terminationReason = Json.object("code", "INIT_SCRIPT_FAILURE", "type", "CLIENT_ERROR",
          "parameters", Json.object("databricks_error_message", "the testkit fails clusters whose name contains 'fail'"));
      c.message = "Cluster failed to start: the testkit fails clusters whose name contains 'fail'";
      c.life.set("TERMINATED", at, null, 0);
      c.terminatedTime = at;
      event(c, at, "TERMINATING", Json.object("reason", c.terminationReason.deepCopy()));
      return;
    }
    boolean restarted = c.startTime != 0;
    if (c.targetWorkers != null || c.targetAutoscale != null) {
      if (c.targetWorkers != null) {
        c.spec.put("num_workers", c.targetWorkers);
        c.spec.remove("autoscale");
      } else {
        c.spec.set("autoscale", c.targetAutoscale);
        c.spec.remove("num_workers");
      }
      c.targetWorkers = null;
      c.targetAutoscale = null;
      event(c, at, "UPSIZE_COMPLETED", Json.object("current_num_workers", c.workers()));
    }
    if (c.startTime == 0) {
      c.startTime = at;
    }
    if (restarted) {
      c.lastRestartedTime = at;
    }
    c.sparkContextId = ctx.ids().next() * 7919L;
    c.message = "";
    event(c, at, "RUNNING", Json.object("current_num_workers", c.workers(), "target_num_workers", c.workers()));
  }

  private static void validateSize(ObjectNode spec) {
    JsonNode workers = spec.get("num_workers");
    if (workers != null && !workers.isNull() && (!workers.canConvertToInt() || workers.asInt() < 0)) {
      throw ApiException.invalid("num_workers must be a non-negative integer, got " + workers);
    }
  }

  private static ApiException unexpectedState(Cluster c) {
    String s = c.life.state();
    return ApiException.invalidState("Cluster " + c.id + " is in unexpected state "
        + s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT) + ".");
  }

  private void event(Cluster c, long at, String type, ObjectNode details) {
    c.events.add(Json.object("cluster_id", c.id, "timestamp", at, "type", type, "details", details));
  }

  @Override
  public String stateName() {
    return "clusters";
  }

  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ArrayNode out = Json.array();
    clusters.values().forEach(c -> out.add(c.toJson()));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    clusters.clear();
    for (JsonNode o : state) {
      Cluster c = Cluster.fromJson(o);
      clusters.put(c.id, c);
    }
  }
}
