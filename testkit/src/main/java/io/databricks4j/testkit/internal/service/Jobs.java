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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Jobs: create, get, list, update, reset, delete; run-now and submit hand over to {@link JobRuns}. */
public final class Jobs implements Emulation, Durable {
  static final String V = "/api/2.2/jobs/";
  private static final Set<String> KEYED_LISTS = Set.of("tasks", "job_clusters", "environments", "parameters");

  private final Context ctx;
  private final JobRuns runs;
  private final Map<Long, ObjectNode> jobs = new LinkedHashMap<>();

  public Jobs(Context ctx) {
    this.ctx = ctx;
    this.runs = new JobRuns(ctx, this);
    ctx.permissionObjects("jobs", id -> {
      try {
        return job(Long.parseLong(id)) != null;
      } catch (NumberFormatException e) {
        return false;
      }
    });
  }

  @Override
  public void register(Routes r) {
    r.on("POST", V + "create", this::create)
        .on("GET", V + "get", c -> Reply.json(get(c.requiredLong("job_id"))))
        .on("GET", V + "list", this::list)
        .on("POST", V + "update", this::update)
        .on("POST", V + "reset", this::reset)
        .on("POST", V + "delete", this::delete)
        .on("POST", V + "run-now", this::runNow);
    runs.register(r);
  }

  /** A copy of the job, or null. */
  synchronized ObjectNode job(long id) {
    ObjectNode job = jobs.get(id);
    return job == null ? null : job.deepCopy();
  }

  private Reply create(Call call) {
    ObjectNode settings = call.body().deepCopy();
    settings.remove("access_control_list");
    applyDefaults(settings);
    validateTasks(settings.path("tasks"), "tasks");
    synchronized (this) {
      long id = ctx.ids().next() * 1000 + 17;
      ObjectNode job = Json.object("job_id", id, "created_time", ctx.now(), "creator_user_name", call.user(),
          "run_as_user_name", call.user(), "settings", settings);
      jobs.put(id, job);
      return Reply.json(Json.object("job_id", id));
    }
  }

  private ObjectNode get(long id) {
    ObjectNode job = job(id);
    if (job == null) {
      throw missingJob(id);
    }
    return job;
  }

  private Reply list(Call call) {
    String name = call.param("name");
    boolean expand = call.bool("expand_tasks", false);
    int size = Pages.size(call.longParam("limit", 0), ctx.pageSize());
    String token = call.param("page_token");
    int offset = token != null && !token.isEmpty() ? Pages.offsetOf(token) : call.intParam("offset", 0);
    List<ObjectNode> all = new ArrayList<>();
    synchronized (this) {
      for (ObjectNode job : jobs.values()) {
        if (name == null || name.equalsIgnoreCase(job.path("settings").path("name").asText())) {
          all.add(job);
        }
      }
      Pages.Page<ObjectNode> page = Pages.offset(all, offset, size);
      ArrayNode items = Json.array();
      for (ObjectNode job : page.items()) {
        ObjectNode copy = job.deepCopy();
        if (!expand) {
          ObjectNode settings = (ObjectNode) copy.get("settings");
          settings.remove("tasks");
          settings.remove("job_clusters");
        }
        items.add(copy);
      }
      ObjectNode out = Json.object("jobs", items, "has_more", page.hasMore());
      Json.put(out, "next_page_token", page.nextToken());
      return Reply.json(out);
    }
  }

  private Reply update(Call call) {
    long id = call.requiredLong("job_id");
    JsonNode changes = call.node("new_settings");
    JsonNode remove = call.node("fields_to_remove");
    synchronized (this) {
      ObjectNode job = jobs.get(id);
      if (job == null) {
        throw missingJob(id);
      }
      ObjectNode settings = ((ObjectNode) job.get("settings")).deepCopy();
      if (changes != null && changes.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          if (KEYED_LISTS.contains(f.getKey()) && f.getValue().isArray()) {
            settings.set(f.getKey(), mergeByKey(settings.path(f.getKey()), f.getValue(), keyField(f.getKey())));
          } else {
            settings.set(f.getKey(), f.getValue().deepCopy());
          }
        }
      }
      if (remove != null) {
        for (JsonNode field : remove) {
          removeField(settings, field.asText());
        }
      }
      validateTasks(settings.path("tasks"), "tasks");
      job.set("settings", settings);
    }
    return Reply.empty();
  }

  private Reply reset(Call call) {
    long id = call.requiredLong("job_id");
    JsonNode settings = call.node("new_settings");
    if (settings == null || !settings.isObject()) {
      throw ApiException.missing("new_settings");
    }
    ObjectNode replacement = settings.deepCopy();
    applyDefaults((ObjectNode) replacement);
    validateTasks(replacement.path("tasks"), "tasks");
    synchronized (this) {
      ObjectNode job = jobs.get(id);
      if (job == null) {
        throw missingJob(id);
      }
      job.set("settings", replacement);
    }
    return Reply.empty();
  }

  private Reply delete(Call call) {
    long id = call.requiredLong("job_id");
    synchronized (this) {
      if (jobs.remove(id) == null) {
        throw missingJob(id);
      }
    }
    return Reply.empty();
  }

  private Reply runNow(Call call) {
    long id = call.requiredLong("job_id");
    ObjectNode job = job(id);
    if (job == null) {
      throw missingJob(id);
    }
    return Reply.json(runs.runNow(call, job));
  }

  static ApiException missingJob(long id) {
    return ApiException.invalid("Job " + id + " does not exist.");
  }

  private static void applyDefaults(ObjectNode settings) {
    if (!settings.hasNonNull("name")) {
      settings.put("name", "Untitled");
    }
    if (!settings.has("max_concurrent_runs")) {
      settings.put("max_concurrent_runs", 1);
    }
    if (!settings.has("timeout_seconds")) {
      settings.put("timeout_seconds", 0);
    }
    if (!settings.has("email_notifications")) {
      settings.set("email_notifications", Json.object());
    }
    if (!settings.has("webhook_notifications")) {
      settings.set("webhook_notifications", Json.object());
    }
    settings.put("format", "MULTI_TASK");
  }

  /** Checks task keys, task types and dependencies the way Databricks refuses them. */
  static void validateTasks(JsonNode tasks, String field) {
    if (tasks == null || tasks.isMissingNode() || tasks.isNull()) {
      return;
    }
    if (!tasks.isArray()) {
      throw ApiException.invalid(field + " must be a list");
    }
    Set<String> keys = new HashSet<>();
    for (JsonNode task : tasks) {
      String key = task.path("task_key").asText("");
      if (key.isEmpty()) {
        throw ApiException.missing("task_key");
      }
      if (!keys.add(key)) {
        throw ApiException.invalid("Task key " + key + " is not unique in the job");
      }
      boolean typed = false;
      Iterator<String> names = task.fieldNames();
      while (names.hasNext()) {
        typed |= names.next().endsWith("_task");
      }
      if (!typed) {
        throw ApiException.invalid("Task " + key + " must have one of the task types (notebook_task, spark_python_task, ...)");
      }
    }
    for (JsonNode task : tasks) {
      for (JsonNode dep : task.path("depends_on")) {
        String on = dep.path("task_key").asText("");
        if (!keys.contains(on)) {
          throw ApiException.invalid("Task " + task.path("task_key").asText() + " depends on " + on
              + ", which is not a task of the job");
        }
      }
    }
  }

  private static String keyField(String list) {
    return switch (list) {
      case "tasks" -> "task_key";
      case "job_clusters" -> "job_cluster_key";
      case "environments" -> "environment_key";
      default -> "name";
    };
  }

  private static ArrayNode mergeByKey(JsonNode existing, JsonNode changes, String key) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    existing.forEach(e -> merged.put(e.path(key).asText(), e));
    changes.forEach(e -> merged.put(e.path(key).asText(), e.deepCopy()));
    return Json.array(merged.values());
  }

  private static void removeField(ObjectNode settings, String field) {
    int slash = field.indexOf('/');
    if (slash < 0) {
      settings.remove(field);
      return;
    }
    String list = field.substring(0, slash);
    String key = field.substring(slash + 1);
    JsonNode items = settings.get(list);
    if (items != null && items.isArray()) {
      ArrayNode kept = Json.array();
      String keyField = keyField(list.toLowerCase(Locale.ROOT));
      items.forEach(e -> {
        if (!e.path(keyField).asText().equals(key)) {
          kept.add(e);
        }
      });
      settings.set(list, kept);
    }
  }

  @Override
  public String stateName() {
    return "jobs";
  }

  /** Jobs by id and their runs. */
  @Override
  public JsonNode snapshot(BlobShelf shelf) {
    ObjectNode jobsJson;
    synchronized (this) {
      jobsJson = Snapshots.records(jobs);
    }
    return Json.object("jobs", jobsJson, "runs", runs.snapshot());
  }

  @Override
  public void restore(JsonNode state, BlobShelf shelf) {
    synchronized (this) {
      Snapshots.records(state.path("jobs"), jobs, Long::valueOf);
    }
    runs.restore(state.path("runs"));
  }
}
