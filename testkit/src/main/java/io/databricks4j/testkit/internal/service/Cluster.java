package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The state of one emulated cluster and how clusters/get shows it. Guarded by {@link Clusters}. */
final class Cluster {
  final String id;
  final long seq;
  final long createdAt;
  ObjectNode spec;
  String creator;
  final Lifecycle life;
  String message = "";
  long startTime;
  long terminatedTime;
  long lastRestartedTime;
  long sparkContextId;
  ObjectNode terminationReason;
  boolean pinned;
  /** Starts and restarts since creation: a library uninstalled before the latest one is gone. */
  int launches;
  Integer targetWorkers;
  JsonNode targetAutoscale;
  final List<ObjectNode> events = new ArrayList<>();

  Cluster(String id, long seq, long now, ObjectNode spec, String creator) {
    this(id, seq, now, spec, creator, new Lifecycle("PENDING", now));
  }

  private Cluster(String id, long seq, long createdAt, ObjectNode spec, String creator, Lifecycle life) {
    this.id = id;
    this.seq = seq;
    this.createdAt = createdAt;
    this.spec = spec;
    this.creator = creator;
    this.life = life;
  }

  boolean failing() {
    String name = Json.string(spec, "cluster_name");
    return name != null && name.toLowerCase(Locale.ROOT).contains("fail");
  }

  /** The cluster as clusters/get answers it. */
  ObjectNode details() {
    ObjectNode d = spec.deepCopy();
    String state = life.state();
    String node = Json.string(spec, "node_type_id");
    int workers = workers();
    d.put("cluster_id", id);
    d.put("creator_user_name", creator);
    d.put("state", state);
    d.put("state_message", message);
    d.put("cluster_source", "API");
    d.put("start_time", createdAt);
    d.put("jdbc_port", 10000);
    d.put("cluster_memory_mb", (long) Catalogues.memoryMb(node) * (workers + 1));
    d.put("cluster_cores", (double) Catalogues.cores(node) * (workers + 1));
    if (!d.has("driver_node_type_id") && node != null) {
      d.put("driver_node_type_id", node);
    }
    ObjectNode tags = Json.object("Vendor", "Databricks", "Creator", creator, "ClusterId", id);
    Json.put(tags, "ClusterName", Json.string(spec, "cluster_name"));
    d.set("default_tags", tags);
    if (sparkContextId != 0) {
      d.put("spark_context_id", sparkContextId);
    }
    if (lastRestartedTime != 0) {
      d.put("last_restarted_time", lastRestartedTime);
    }
    if (state.equals("RUNNING") || state.equals("RESIZING") || state.equals("RESTARTING")) {
      d.set("driver", Json.object("node_id", id + "-driver", "instance_id", "i-" + id.replace("-", ""),
          "private_ip", "10.0.0.1", "host_private_ip", "10.0.0.1", "start_timestamp", life.since()));
      ArrayNode executors = Json.array();
      for (int i = 0; i < workers; i++) {
        executors.add(Json.object("node_id", id + "-worker-" + i, "private_ip", "10.0.1." + (i + 1),
            "host_private_ip", "10.0.1." + (i + 1)));
      }
      d.set("executors", executors);
    }
    if (state.equals("TERMINATED") || state.equals("TERMINATING")) {
      if (terminatedTime != 0) {
        d.put("terminated_time", terminatedTime);
      }
      if (terminationReason != null) {
        d.set("termination_reason", terminationReason.deepCopy());
      }
    }
    d.set("spec", spec.deepCopy());
    return d;
  }

  int workers() {
    JsonNode autoscale = spec.get("autoscale");
    if (autoscale != null && autoscale.has("min_workers")) {
      return autoscale.get("min_workers").asInt();
    }
    return spec.path("num_workers").asInt(0);
  }

  ObjectNode attributes() {
    return spec.deepCopy();
  }

  /** Every field, the lifecycle with its scheduled transition, so that a restored cluster carries on. */
  ObjectNode toJson() {
    ObjectNode o = Json.object("id", id, "seq", seq, "created", createdAt, "spec", spec.deepCopy(),
        "creator", creator, "life", life.toJson(), "message", message, "start_time", startTime,
        "terminated_time", terminatedTime, "last_restarted_time", lastRestartedTime,
        "spark_context_id", sparkContextId, "pinned", pinned, "launches", launches, "events", Snapshots.objects(events));
    Json.put(o, "termination_reason", terminationReason == null ? null : terminationReason.deepCopy());
    Json.put(o, "target_workers", targetWorkers);
    Json.put(o, "target_autoscale", targetAutoscale == null ? null : targetAutoscale.deepCopy());
    return o;
  }

  static Cluster fromJson(JsonNode o) {
    Cluster c = new Cluster(o.path("id").asText(), o.path("seq").asLong(), o.path("created").asLong(),
        Json.copyOf(o.get("spec")), Json.string(o, "creator"), Lifecycle.fromJson(o.path("life")));
    c.message = o.path("message").asText("");
    c.startTime = o.path("start_time").asLong();
    c.terminatedTime = o.path("terminated_time").asLong();
    c.lastRestartedTime = o.path("last_restarted_time").asLong();
    c.sparkContextId = o.path("spark_context_id").asLong();
    c.pinned = o.path("pinned").asBoolean();
    c.launches = o.path("launches").asInt();
    c.terminationReason = Snapshots.object(o, "termination_reason");
    c.targetWorkers = o.hasNonNull("target_workers") ? o.get("target_workers").asInt() : null;
    c.targetAutoscale = o.hasNonNull("target_autoscale") ? o.get("target_autoscale").deepCopy() : null;
    Snapshots.objects(o.path("events"), c.events);
    return c;
  }
}
