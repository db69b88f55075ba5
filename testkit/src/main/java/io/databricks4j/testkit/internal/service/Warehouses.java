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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL warehouses: STARTING to RUNNING after the start delay, STOPPING to STOPPED, DELETED on
 * delete. A warehouse whose name contains "fail" stops instead of running. Also the workspace
 * warehouse configuration.
 */
public final class Warehouses implements Emulation, Durable {
  private static final String V = "/api/2.0/sql/warehouses";
  private static final List<String> SIZES = List.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
      "2X-Large", "3X-Large", "4X-Large");

  private final Context ctx;
  private final Map<String, Warehouse> warehouses = new LinkedHashMap<>();
  private ObjectNode config = Json.object("security_policy", "NONE");

  private static final class Warehouse {
    final String id;
    final ObjectNode spec;
    final String creator;
    final Lifecycle life;
    boolean failed;

    Warehouse(String id, ObjectNode spec, String creator, long now) {
      this(id, spec, creator, new Lifecycle("STARTING", now));
    }

    Warehouse(String id, ObjectNode spec, String creator, Lifecycle life) {
      this.id = id;
      this.spec = spec;
      this.creator = creator;
      this.life = life;
    }
  }

  public Warehouses(Context ctx) {
    this.ctx = ctx;
    ctx.permissionObjects("warehouses", this::exists);
    ctx.permissionObjects("sql/warehouses", this::exists);
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V, this::create)
        .on("GET", V + "/{id}", c -> Reply.json(get(c.required("id"))))
        .on("GET", V, this::list)
        .on("POST", V + "/{id}/edit", this::edit)
        .on("POST", V + "/{id}/start", this::start)
        .on("POST", V + "/{id}/stop", this::stop)
        .on("DELETE", V + "/{id}", this::delete)
        .on("GET", "/api/2.0/sql/config/warehouses", c -> {
          synchronized (this) {
            return Reply.json(config.deepCopy());
          }
        })
        .on("PUT", "/api/2.0/sql/config/warehouses", c -> {
          synchronized (this) {
            config = c.body().deepCopy();
          }
          return Reply.empty();
        });
  }

  synchronized boolean exists(String id) {
    Warehouse w = warehouses.get(id);
    return w != null && !w.life.is("DELETED");
  }

  /**
   * Starts the warehouse for a statement when it is stopped, as the service does on demand.
   *
   * @return its state now, or null when there is no such warehouse (or it was deleted)
   */
  synchronized String startOnDemand(String id) {
    Warehouse w = warehouses.get(id);
    if (w == null || w.life.is("DELETED")) {
      return null;
    }
    advance(w);
    if (w.life.is("STOPPED", "STOPPING")) {
      w.failed = false;
      w.life.set("STARTING", ctx.now(), "RUNNING", ctx.stateDelayMillis());
    }
    return w.life.state();
  }

  /** The state of a warehouse now ({@code DELETED} for an unknown one), and whether it failed to start. */
  synchronized String state(String id) {
    Warehouse w = warehouses.get(id);
    if (w == null) {
      return "DELETED";
    }
    advance(w);
    return w.failed ? "FAILED" : w.life.state();
  }

  private Reply create(Call call) {
    ObjectNode spec = call.body().deepCopy();
    call.required("name");
    validate(spec);
    if (!spec.has("cluster_size")) {
      throw ApiException.missing("cluster_size");
    }
    defaults(spec);
    synchronized (this) {
      long now = ctx.now();
      Warehouse w = new Warehouse(ctx.ids().hex16(), spec, call.user(), now);
      w.life.set("STARTING", now, "RUNNING", ctx.stateDelayMillis());
      warehouses.put(w.id, w);
      return Reply.json(Json.object("id", w.id));
    }
  }

  private Reply edit(Call call) {
    String id = call.required("id");
    ObjectNode changes = call.body().deepCopy();
    changes.remove("id");
    validate(changes);
    synchronized (this) {
      Warehouse w = find(id);
      Json.merge(w.spec, changes);
    }
    return Reply.empty();
  }

  private Reply start(Call call) {
    String id = call.required("id");
    synchronized (this) {
      Warehouse w = find(id);
      advance(w);
      if (w.life.is("STOPPED", "STOPPING")) {
        w.failed = false;
        w.life.set("STARTING", ctx.now(), "RUNNING", ctx.stateDelayMillis());
      }
    }
    return Reply.empty();
  }

  private Reply stop(Call call) {
    String id = call.required("id");
    synchronized (this) {
      Warehouse w = find(id);
      advance(w);
      if (w.life.is("RUNNING", "STARTING")) {
        w.life.set("STOPPING", ctx.now(), "STOPPED", ctx.stateDelayMillis());
      }
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    String id = call.required("id");
    synchronized (this) {
      Warehouse w = find(id);
      w.life.set("DELETED", ctx.now(), null, 0);
    }
    return Reply.empty();
  }

  private ObjectNode get(String id) {
    synchronized (this) {
      Warehouse w = warehouses.get(id);
      if (w == null) {
        throw missing(id);
      }
      advance(w);
      return render(w);
    }
  }

  private Reply list(Call call) {
    int size = Pages.size(call.longParam("page_size", 0), ctx.pageSize());
    List<ObjectNode> all = new ArrayList<>();
    synchronized (this) {
      for (Warehouse w : warehouses.values()) {
        advance(w);
        if (!w.life.is("DELETED")) {
          ObjectNode rendered = render(w);
          rendered.put("_key", w.id);
          all.add(rendered);
        }
      }
    }
    all.sort(java.util.Comparator.comparing(n -> n.get("_key").asText()));
    Pages.Page<ObjectNode> page = Pages.after(all, n -> n.get("_key").asText(), call.param("page_token"), size);
    ObjectNode out = Json.object("warehouses", Json.array(page.items().stream().map(n -> (JsonNode) n.without("_key")).toList()));
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private void advance(Warehouse w) {
    w.life.advance(ctx.now(), (state, at) -> {
      if (state.equals("RUNNING") && w.spec.path("name").asText().toLowerCase(Locale.ROOT).contains("fail")) {
        w.failed = true;
        w.life.set("STOPPED", at, null, 0);
      }
    });
  }

  private ObjectNode render(Warehouse w) {
    ObjectNode out = w.spec.deepCopy();
    String state = w.life.state();
    String path = "/sql/1.0/warehouses/" + w.id;
    String host = ctx.host().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
    out.put("id", w.id);
    out.put("creator_name", w.creator);
    out.put("state", state);
    out.put("num_clusters", state.equals("RUNNING") ? Math.max(1, out.path("min_num_clusters").asInt(1)) : 0);
    out.put("num_active_sessions", 0);
    out.put("jdbc_url", "jdbc:spark://" + host + ":443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=" + path + ";");
    out.set("odbc_params", Json.object("hostname", host, "path", path, "port", 443, "protocol", "https"));
    out.set("health", w.failed
        ? Json.object("status", "FAILED", "message", "the testkit fails warehouses whose name contains 'fail'",
            "summary", "Warehouse failed to start",
            "failure_reason", Json.object("code", "INTERNAL_ERROR", "type", "SERVICE_FAULT"))
        : Json.object("status", "HEALTHY"));
    return out;
  }

  private static void defaults(ObjectNode spec) {
    putIfAbsent(spec, "auto_stop_mins", 120);
    putIfAbsent(spec, "min_num_clusters", 1);
    putIfAbsent(spec, "max_num_clusters", 1);
    putIfAbsent(spec, "enable_photon", true);
    putIfAbsent(spec, "enable_serverless_compute", false);
    putIfAbsent(spec, "spot_instance_policy", "COST_OPTIMIZED");
    putIfAbsent(spec, "warehouse_type", "CLASSIC");
    if (!spec.has("channel")) {
      spec.set("channel", Json.object("name", "CHANNEL_NAME_CURRENT"));
    }
  }

  private static void putIfAbsent(ObjectNode spec, String field, Object value) {
    if (!spec.has(field)) {
      Json.put(spec, field, value);
    }
  }

  private static void validate(ObjectNode spec) {
    if (spec.has("cluster_size") && !SIZES.contains(spec.path("cluster_size").asText())) {
      throw ApiException.invalid("Invalid cluster_size " + spec.get("cluster_size") + "; use one of " + SIZES);
    }
    if (spec.has("auto_stop_mins")) {
      int minutes = spec.path("auto_stop_mins").asInt(-1);
      if (minutes != 0 && minutes < 10 && !spec.path("enable_serverless_compute").asBoolean(false)) {
        throw ApiException.invalid("auto_stop_mins must be 0 or at least 10");
      }
    }
    int min = spec.path("min_num_clusters").asInt(1);
    int max = spec.path("max_num_clusters").asInt(Math.max(1, min));
    if (min < 1 || max < min) {
      throw ApiException.invalid("min_num_clusters must be at least 1 and at most max_num_clusters");
    }
  }

  private Warehouse find(String id) {
    Warehouse w = warehouses.get(id);
    if (w == null || w.life.is("DELETED")) {
      throw missing(id);
    }
    return w;
  }

  private static ApiException missing(String id) {
    return ApiException.notFound("Warehouse " + id + " does not exist");
  }

  @Override
  public String stateName() {
    return "warehouses";
  }

  /** Warehouses with their lifecycles, and the workspace warehouse configuration. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ArrayNode items = Json.array();
    warehouses.values().forEach(w -> items.add(Json.object("id", w.id, "spec", w.spec.deepCopy(), "creator", w.creator,
        "life", w.life.toJson(), "failed", w.failed)));
    return Json.object("warehouses", items, "config", config.deepCopy());
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    warehouses.clear();
    for (JsonNode o : state.path("warehouses")) {
      Warehouse w = new Warehouse(o.path("id").asText(), Json.copyOf(o.get("spec")), o.path("creator").asText(),
          Lifecycle.fromJson(o.path("life")));
      w.failed = o.path("failed").asBoolean();
      warehouses.put(w.id, w);
    }
    config = Json.copyOf(state.get("config"));
  }
}
