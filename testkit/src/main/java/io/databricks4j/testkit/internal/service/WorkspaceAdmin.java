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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workspace administration kept as plain records: global init scripts (ordered by position),
 * instance profiles and the workspace configuration keys.
 */
public final class WorkspaceAdmin implements Emulation, Durable {
  private static final String SCRIPTS = "/api/2.0/global-init-scripts";
  private static final String PROFILES = "/api/2.0/instance-profiles/";
  private static final int MAX_SCRIPT = 64 * 1024;

  private final Context ctx;
  private final Map<String, ObjectNode> scripts = new LinkedHashMap<>();
  private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
  private final Map<String, String> conf = new TreeMap<>();

  public WorkspaceAdmin(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", SCRIPTS, this::createScript)
        .on("GET", SCRIPTS, this::listScripts)
        .on("GET", SCRIPTS + "/{script_id}", c -> {
          synchronized (this) {
            return Reply.json(script(c.required("script_id")).deepCopy());
          }
        })
        .on("PATCH", SCRIPTS + "/{script_id}", this::updateScript)
        .on("DELETE", SCRIPTS + "/{script_id}", c -> {
          synchronized (this) {
            script(c.required("script_id"));
            scripts.remove(c.required("script_id"));
            renumber(ordered());
          }
          return Reply.empty();
        })
        .on("POST", PROFILES + "add", this::addProfile)
        .on("POST", PROFILES + "edit", this::editProfile)
        .on("GET", PROFILES + "list", c -> {
          synchronized (this) {
            return Reply.json(Json.object("instance_profiles", Json.array(new ArrayList<>(profiles.values()))));
          }
        })
        .on("POST", PROFILES + "remove", c -> {
          synchronized (this) {
            profile(c.required("instance_profile_arn"));
            profiles.remove(c.required("instance_profile_arn"));
          }
          return Reply.empty();
        })
        .on("GET", "/api/2.0/workspace-conf", this::getConf)
        .on("PATCH", "/api/2.0/workspace-conf", this::setConf);
  }

  private Reply createScript(Call call) {
    String name = call.required("name");
    String script = checkedScript(call.required("script"));
    synchronized (this) {
      String id = ctx.ids().hex16().toUpperCase(java.util.Locale.ROOT);
      long now = ctx.now();
      ObjectNode s = Json.object("script_id", id, "name", name, "script", script,
          "enabled", call.bool("enabled", false), "created_at", now, "created_by", call.user(),
          "updated_at", now, "updated_by", call.user());
      place(s, call.has("position") ? call.intParam("position", 0) : scripts.size());
      scripts.put(id, s);
      return Reply.json(Json.object("script_id", id));
    }
  }

  private Reply updateScript(Call call) {
    String id = call.required("script_id");
    String name = call.required("name");
    String script = checkedScript(call.required("script"));
    synchronized (this) {
      ObjectNode s = script(id);
      s.put("name", name);
      s.put("script", script);
      s.put("enabled", call.bool("enabled", s.get("enabled").asBoolean()));
      s.put("updated_at", ctx.now());
      s.put("updated_by", call.user());
      if (call.has("position")) {
        place(s, call.intParam("position", 0));
      }
    }
    return Reply.empty();
  }

  private synchronized Reply listScripts(Call call) {
    ArrayNode items = Json.array();
    scripts.values().stream().sorted(Comparator.comparingInt(s -> s.get("position").asInt()))
        .forEach(s -> items.add(s.deepCopy().without("script")));
    return Reply.json(Json.object("scripts", items));
  }

  /** Puts {@code s} at {@code position} and shifts the others, keeping positions 0..n-1. */
  private void place(ObjectNode s, int position) {
    List<ObjectNode> ordered = ordered();
    ordered.remove(s);
    ordered.add(Math.max(0, Math.min(position, ordered.size())), s);
    renumber(ordered);
  }

  /** The scripts by position. */
  private List<ObjectNode> ordered() {
    List<ObjectNode> ordered = new ArrayList<>(scripts.values());
    ordered.sort(Comparator.comparingInt(x -> x.get("position").asInt()));
    return ordered;
  }

  /** Positions 0..n-1 in the given order, as Databricks keeps them after every change. */
  private static void renumber(List<ObjectNode> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).put("position", i);
    }
  }

  private static String checkedScript(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("script must be base64-encoded");
    }
    if (bytes.length > MAX_SCRIPT) {
      throw ApiException.invalid("A global init script is at most 64 KB");
    }
    return base64;
  }

  private Reply addProfile(Call call) {
    String arn = call.required("instance_profile_arn");
    if (!arn.startsWith("arn:aws:iam::")) {
      throw ApiException.invalid("Instance profile ARN " + arn + " is not an IAM instance profile ARN");
    }
    synchronized (this) {
      if (profiles.containsKey(arn)) {
        throw ApiException.alreadyExists("Instance profile " + arn + " already exists");
      }
      ObjectNode p = Json.object("instance_profile_arn", arn, "is_meta_instance_profile",
          call.bool("is_meta_instance_profile", false));
      Json.put(p, "iam_role_arn", call.param("iam_role_arn"));
      profiles.put(arn, p);
    }
    return Reply.empty();
  }

  private Reply editProfile(Call call) {
    String arn = call.required("instance_profile_arn");
    synchronized (this) {
      ObjectNode p = profile(arn);
      Json.put(p, "iam_role_arn", call.param("iam_role_arn"));
      p.put("is_meta_instance_profile", call.bool("is_meta_instance_profile", p.get("is_meta_instance_profile").asBoolean()));
    }
    return Reply.empty();
  }

  private Reply getConf(Call call) {
    ObjectNode out = Json.object();
    synchronized (this) {
      for (String key : call.required("keys").split(",")) {
        String k = key.trim();
        if (!k.isEmpty()) {
          Json.put(out, k, conf.get(k));
          if (!out.has(k)) {
            out.putNull(k);
          }
        }
      }
    }
    return Reply.json(out);
  }

  private Reply setConf(Call call) {
    synchronized (this) {
      call.body().fields().forEachRemaining(f -> {
        if (f.getValue().isNull()) {
          conf.remove(f.getKey());
        } else {
          conf.put(f.getKey(), f.getValue().asText());
        }
      });
    }
    return Reply.empty();
  }

  private ObjectNode script(String id) {
    ObjectNode s = scripts.get(id);
    if (s == null) {
      throw ApiException.notFound("Global init script " + id + " does not exist");
    }
    return s;
  }

  private ObjectNode profile(String arn) {
    ObjectNode p = profiles.get(arn);
    if (p == null) {
      throw ApiException.notFound("Instance profile " + arn + " does not exist");
    }
    return p;
  }

  @Override
  public String stateName() {
    return "workspace-admin";
  }

  /** Global init scripts, instance profiles and the workspace configuration. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    return Json.object("scripts", Snapshots.records(scripts), "profiles", Snapshots.records(profiles), "conf", Snapshots.texts(conf));
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.records(state.path("scripts"), scripts);
    Snapshots.records(state.path("profiles"), profiles);
    Snapshots.texts(state.path("conf"), conf, k -> k);
  }
}
