package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job run and its task runs. States are a function of the clock: a task waits for its
 * dependencies (BLOCKED), is PENDING for the first half of the run duration, RUNNING for the
 * second, then TERMINATED with SUCCESS, or FAILED when its notebook or Python file path contains
 * "fail"; a task whose dependency did not succeed ends UPSTREAM_FAILED without running.
 */
final class JobRun {
  final long runId;
  final Long jobId;
  final String runType;
  final String runName;
  final long numberInJob;
  final long createdAt;
  final String creator;
  final ObjectNode overriding;
  final ArrayNode jobParameters;
  final ObjectNode jobSettings;
  final List<TaskRun> tasks = new ArrayList<>();
  final List<ObjectNode> repairs = new ArrayList<>();
  final List<Long> originalTaskRunIds = new ArrayList<>();
  long attemptStart;
  long cancelledAt;
  String skipMessage;

  JobRun(long runId, Long jobId, String runType, String runName, long numberInJob, long now, String creator,
      ObjectNode overriding, ArrayNode jobParameters, ObjectNode jobSettings) {
    this.runId = runId;
    this.jobId = jobId;
    this.runType = runType;
    this.runName = runName;
    this.numberInJob = numberInJob;
    this.createdAt = now;
    this.attemptStart = now;
    this.creator = creator;
    this.overriding = overriding;
    this.jobParameters = jobParameters;
    this.jobSettings = jobSettings;
  }

  /** One task of the run, in one attempt. */
  static final class TaskRun {
    final long runId;
    final String taskKey;
    final ObjectNode task;
    final int attempt;
    long startAt;
    long duration;
    boolean upstreamFailed;
    long cancelledAt;

    TaskRun(long runId, ObjectNode task, int attempt) {
      this.runId = runId;
      this.taskKey = task.path("task_key").asText();
      this.task = task;
      this.attempt = attempt;
    }

    /** Its schedule in epoch milliseconds, so that a restored task run ends when it would have. */
    ObjectNode toJson() {
      return Json.object("run_id", runId, "task", task.deepCopy(), "attempt", attempt, "start_at", startAt,
          "duration", duration, "upstream_failed", upstreamFailed, "cancelled_at", cancelledAt);
    }

    static TaskRun fromJson(JsonNode o) {
      TaskRun t = new TaskRun(o.path("run_id").asLong(), Json.copyOf(o.get("task")), o.path("attempt").asInt());
      t.startAt = o.path("start_at").asLong();
      t.duration = o.path("duration").asLong();
      t.upstreamFailed = o.path("upstream_failed").asBoolean();
      t.cancelledAt = o.path("cancelled_at").asLong();
      return t;
    }

    boolean fails() {
      String path = Json.at(task, "notebook_task.notebook_path").asText("")
          + " " + Json.at(task, "spark_python_task.python_file").asText("");
      return path.toLowerCase(Locale.ROOT).contains("fail");
    }

    long endAt() {
      return cancelledAt > 0 && cancelledAt < startAt + duration ? cancelledAt : startAt + duration;
    }

    String lifeCycle(long now) {
      if (now >= endAt()) {
        return "TERMINATED";
      }
      if (now < startAt) {
        return "BLOCKED";
      }
      return now < startAt + duration / 2 ? "PENDING" : "RUNNING";
    }

    /** The result once terminated, else null. */
    String result(long now) {
      if (now < endAt()) {
        return null;
      }
      if (cancelledAt > 0 && cancelledAt < startAt + duration) {
        return "CANCELED";
      }
      if (upstreamFailed) {
        return "UPSTREAM_FAILED";
      }
      return fails() ? "FAILED" : "SUCCESS";
    }
  }

  /** Every field; {@code earlier} are the task runs that repairs replaced. */
  ObjectNode toJson(List<TaskRun> earlier) {
    ArrayNode current = Json.array();
    tasks.forEach(t -> current.add(t.toJson()));
    ArrayNode replaced = Json.array();
    earlier.forEach(t -> replaced.add(t.toJson()));
    ArrayNode original = Json.array();
    originalTaskRunIds.forEach(original::add);
    ObjectNode o = Json.object("run_id", runId, "run_type", runType, "run_name", runName,
        "number_in_job", numberInJob, "created", createdAt, "creator", creator, "overriding", overriding.deepCopy(),
        "job_parameters", jobParameters.deepCopy(), "job_settings", jobSettings.deepCopy(), "tasks", current,
        "replaced_tasks", replaced, "repairs", Snapshots.objects(repairs), "original_task_run_ids", original,
        "attempt_start", attemptStart, "cancelled_at", cancelledAt);
    Json.put(o, "job_id", jobId);
    Json.put(o, "skip_message", skipMessage);
    return o;
  }

  static JobRun fromJson(JsonNode o) {
    JsonNode parameters = o.get("job_parameters");
    JobRun run = new JobRun(o.path("run_id").asLong(), o.hasNonNull("job_id") ? o.get("job_id").asLong() : null,
        o.path("run_type").asText(), o.path("run_name").asText(), o.path("number_in_job").asLong(),
        o.path("created").asLong(), o.path("creator").asText(), Json.copyOf(o.get("overriding")),
        parameters != null && parameters.isArray() ? ((ArrayNode) parameters).deepCopy() : Json.array(),
        Json.copyOf(o.get("job_settings")));
    o.path("tasks").forEach(t -> run.tasks.add(TaskRun.fromJson(t)));
    Snapshots.objects(o.path("repairs"), run.repairs);
    o.path("original_task_run_ids").forEach(id -> run.originalTaskRunIds.add(id.asLong()));
    run.attemptStart = o.path("attempt_start").asLong();
    run.cancelledAt = o.path("cancelled_at").asLong();
    run.skipMessage = Json.string(o, "skip_message");
    return run;
  }

  /** Schedules {@code toRun} (all or some tasks) from {@code start}, each after its dependencies among them. */
  static void schedule(List<TaskRun> toRun, Map<String, TaskRun> finished, long start, long duration) {
    Map<String, TaskRun> byKey = new HashMap<>();
    toRun.forEach(t -> byKey.put(t.taskKey, t));
    Map<String, Integer> level = new HashMap<>();
    for (TaskRun t : toRun) {
      levelOf(t, byKey, level, 0);
    }
    for (TaskRun t : toRun) {
      int l = level.get(t.taskKey);
      boolean upstreamFailed = false;
      for (JsonNode dep : t.task.path("depends_on")) {
        String key = dep.path("task_key").asText();
        TaskRun upstream = byKey.containsKey(key) ? byKey.get(key) : finished.get(key);
        if (upstream != null && (upstream.upstreamFailed || upstream.fails())) {
          upstreamFailed = true;
        }
      }
      String runIf = t.task.path("run_if").asText("ALL_SUCCESS");
      t.upstreamFailed = upstreamFailed && runIf.equals("ALL_SUCCESS");
      // a task that will not run ends when its dependencies do
      t.startAt = start + l * duration;
      t.duration = t.upstreamFailed ? 0 : duration;
    }
  }

  private static int levelOf(TaskRun t, Map<String, TaskRun> byKey, Map<String, Integer> level, int depth) {
    Integer known = level.get(t.taskKey);
    if (known != null) {
      return known;
    }
    int l = 0;
    if (depth < 1000) {
      for (JsonNode dep : t.task.path("depends_on")) {
        TaskRun upstream = byKey.get(dep.path("task_key").asText());
        if (upstream != null) {
          l = Math.max(l, levelOf(upstream, byKey, level, depth + 1) + 1);
        }
      }
    }
    level.put(t.taskKey, l);
    return l;
  }

  boolean terminal(long now) {
    return "TERMINATED".equals(lifeCycle(now)) || "SKIPPED".equals(lifeCycle(now));
  }

  String lifeCycle(long now) {
    if (skipMessage != null) {
      return "SKIPPED";
    }
    if (cancelledAt > 0 && now >= cancelledAt) {
      return "TERMINATED";
    }
    boolean allDone = true;
    boolean started = false;
    for (TaskRun t : tasks) {
      String s = t.lifeCycle(now);
      allDone &= s.equals("TERMINATED");
      started |= s.equals("RUNNING") || s.equals("TERMINATED");
    }
    if (allDone) {
      return "TERMINATED";
    }
    return started ? "RUNNING" : "PENDING";
  }

  String result(long now) {
    if (skipMessage != null) {
      return null;
    }
    if (!lifeCycle(now).equals("TERMINATED")) {
      return null;
    }
    if (cancelledAt > 0 && now >= cancelledAt && tasks.stream().anyMatch(t -> "CANCELED".equals(t.result(now)))) {
      return "CANCELED";
    }
    for (TaskRun t : tasks) {
      String r = t.result(now);
      if ("FAILED".equals(r) || "UPSTREAM_FAILED".equals(r)) {
        return "FAILED";
      }
    }
    return "SUCCESS";
  }

  long endAt() {
    long end = attemptStart;
    for (TaskRun t : tasks) {
      end = Math.max(end, t.endAt());
    }
    return cancelledAt > 0 ? Math.min(end, Math.max(cancelledAt, attemptStart)) : end;
  }

  static ObjectNode state(String lifeCycle, String result, String message, boolean cancelled) {
    ObjectNode state = Json.object("life_cycle_state", lifeCycle, "state_message", message,
        "user_cancelled_or_timedout", cancelled);
    Json.put(state, "result_state", result);
    return state;
  }

  static ObjectNode status(String lifeCycle, String result, String message) {
    String v2 = switch (lifeCycle) {
      case "BLOCKED" -> "BLOCKED";
      case "PENDING" -> "PENDING";
      case "RUNNING" -> "RUNNING";
      case "SKIPPED", "TERMINATED", "INTERNAL_ERROR" -> "TERMINATED";
      default -> "PENDING";
    };
    ObjectNode status = Json.object("state", v2);
    if (v2.equals("TERMINATED")) {
      String code = result == null ? "SKIPPED" : switch (result) {
        case "SUCCESS" -> "SUCCESS";
        case "CANCELED" -> "USER_CANCELED";
        case "UPSTREAM_FAILED" -> "RUN_EXECUTION_ERROR";
        default -> "RUN_EXECUTION_ERROR";
      };
      String type = code.equals("SUCCESS") ? "SUCCESS" : code.equals("SKIPPED") || code.equals("USER_CANCELED")
          ? "SUCCESS" : "CLIENT_ERROR";
      status.set("termination_details", Json.object("code", code, "type", type, "message", message));
    }
    return status;
  }

  static String message(String lifeCycle, String result) {
    if (result == null) {
      return switch (lifeCycle) {
        case "PENDING" -> "Waiting for cluster";
        case "BLOCKED" -> "Waiting for upstream tasks";
        case "RUNNING" -> "In run";
        default -> "";
      };
    }
    return switch (result) {
      case "SUCCESS" -> "";
      case "CANCELED" -> "Run cancelled.";
      case "UPSTREAM_FAILED" -> "Upstream task failed.";
      default -> "Workload failed, see run output for details";
    };
  }
}
