package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster libraries: installed at once on a running cluster, PENDING on one that is not, and marked
 * UNINSTALL_ON_RESTART when uninstalled (they go on the next restart, as on Databricks).
 */
public final class Libraries implements Emulation, Durable {
  private final Clusters clusters;
  private final Map<String, List<ObjectNode>> installed = new LinkedHashMap<>();

  public Libraries(Clusters clusters) {
    this.clusters = clusters;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", "/api/2.0/libraries/install", this::install)
        .on("POST", "/api/2.0/libraries/uninstall", this::uninstall)
        .on("GET", "/api/2.0/libraries/cluster-status", c -> Reply.json(status(checked(c.required("cluster_id")))))
        .on("GET", "/api/2.0/libraries/all-cluster-statuses", this::all);
  }

  private Reply install(Call call) {
    String id = checked(call.required("cluster_id"));
    JsonNode libraries = libraries(call);
    synchronized (this) {
      List<ObjectNode> list = installed.computeIfAbsent(id, k -> new ArrayList<>());
      for (JsonNode library : libraries) {
        if (list.stream().noneMatch(s -> s.get("library").equals(library))) {
          list.add(Json.object("library", library.deepCopy(), "is_library_for_all_clusters", false));
        } else {
          list.stream().filter(s -> s.get("library").equals(library)).forEach(s -> s.remove("uninstall"));
        }
      }
    }
    return Reply.empty();
  }

  private Reply uninstall(Call call) {
    String id = checked(call.required("cluster_id"));
    JsonNode libraries = libraries(call);
    int launch = clusters.launches(id);
    synchronized (this) {
      for (ObjectNode s : installed.getOrDefault(id, List.of())) {
        for (JsonNode library : libraries) {
          if (s.get("library").equals(library) && !s.has("uninstall")) {
            s.put("uninstall", launch); // gone once the cluster is launched again
          }
        }
      }
    }
    return Reply.empty();
  }

  private Reply all(Call call) {
    ArrayNode statuses = Json.array();
    List<String> ids;
    synchronized (this) {
      ids = new ArrayList<>(installed.keySet());
    }
    for (String id : ids) {
      if (clusters.exists(id)) {
        statuses.add(status(id));
      }
    }
    return Reply.json(Json.object("statuses", statuses));
  }

  private ObjectNode status(String clusterId) {
    String state = clusters.state(clusterId);
    int launches = clusters.launches(clusterId);
    boolean running = "RUNNING".equals(state);
    ArrayNode items = Json.array();
    synchronized (this) {
      List<ObjectNode> list = installed.getOrDefault(clusterId, new ArrayList<>());
      // pending uninstalls apply on termination and at the next start or restart (an edit restarts too)
      list.removeIf(s -> s.has("uninstall") && ("TERMINATED".equals(state) || s.get("uninstall").asInt() < launches));
      for (ObjectNode s : list) {
        ObjectNode out = s.deepCopy();
        out.remove("uninstall");
        out.put("status", s.has("uninstall") ? "UNINSTALL_ON_RESTART" : running ? "INSTALLED" : "PENDING");
        items.add(out);
      }
    }
    return Json.object("cluster_id", clusterId, "library_statuses", items);
  }

  private static JsonNode libraries(Call call) {
    JsonNode libraries = call.node("libraries");
    if (libraries == null) {
      throw ApiException.missing("libraries");
    }
    if (!libraries.isArray()) {
      throw ApiException.invalid("libraries must be a list");
    }
    return libraries;
  }

  private String checked(String clusterId) {
    if (!clusters.exists(clusterId)) {
      throw ApiException.invalid("Cluster " + clusterId + " does not exist");
    }
    return clusterId;
  }

  @Override
  public String stateName() {
    return "libraries";
  }

  /** The library statuses of each cluster. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    installed.forEach((cluster, list) -> out.set(cluster, Snapshots.objects(list)));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    installed.clear();
    state.fields().forEachRemaining(f -> {
      List<ObjectNode> list = new ArrayList<>();
      Snapshots.objects(f.getValue(), list);
      installed.put(f.getKey(), list);
    });
  }
}
