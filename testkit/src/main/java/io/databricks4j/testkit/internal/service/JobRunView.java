package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.List;
import java.util.function.LongSupplier;

/** How job runs and task runs look on the wire at a given moment. */
final class JobRunView {
  private final String host;
  private final LongSupplier duration;

  JobRunView(String host, LongSupplier duration) {
    this.host = host;
    this.duration = duration;
  }

  /** A run as runs/get answers it. */
  ObjectNode run(JobRun run, long now, boolean history) {
    String life = run.lifeCycle(now);
    String result = run.result(now);
    String message = run.skipMessage != null ? run.skipMessage : JobRun.message(life, result);
    ObjectNode out = Json.object("run_id", run.runId, "run_name", run.runName, "run_type", run.runType,
        "number_in_job", run.numberInJob, "original_attempt_run_id", run.runId, "attempt_number", 0,
        "creator_user_name", run.creator, "start_time", run.createdAt, "trigger", "ONE_TIME",
        "run_page_url", host + "/#job/" + (run.jobId == null ? "" : run.jobId + "/") + "run/" + run.runId,
        "state", JobRun.state(life, result, message, run.cancelledAt > 0),
        "status", JobRun.status(life, result, message),
        "job_parameters", run.jobParameters.deepCopy(),
        "overriding_parameters", run.overriding.deepCopy(),
        "format", "MULTI_TASK");
    Json.put(out, "job_id", run.jobId);
    long setup = Math.min(Math.max(0, now - run.createdAt), duration.getAsLong() / 2);
    out.put("setup_duration", setup);
    out.put("cleanup_duration", 0);
    if (run.terminal(now)) {
      long end = run.skipMessage != null ? run.createdAt : run.endAt();
      out.put("end_time", end);
      out.put("run_duration", end - run.createdAt);
      out.put("execution_duration", Math.max(0, end - run.createdAt - setup));
    } else {
      out.put("end_time", 0);
    }
    for (String f : List.of("job_clusters", "git_source")) {
      if (run.jobSettings.has(f)) {
        out.set(f, run.jobSettings.get(f).deepCopy());
      }
    }
    ArrayNode tasks = Json.array();
    if (run.skipMessage == null) {
      run.tasks.forEach(t -> tasks.add(task(run, t, now)));
    }
    out.set("tasks", tasks);
    if (history) {
      ArrayNode items = Json.array();
      ArrayNode original = Json.array();
      run.originalTaskRunIds.forEach(original::add);
      items.add(Json.object("id", run.runId, "type", "ORIGINAL", "start_time", run.createdAt,
          "task_run_ids", original, "state", JobRun.state(life, result, message, false)));
      run.repairs.forEach(r -> items.add(r.deepCopy()));
      out.set("repair_history", items);
    }
    return out;
  }

  private ObjectNode task(JobRun run, JobRun.TaskRun t, long now) {
    ObjectNode out = t.task.deepCopy();
    String life = t.lifeCycle(now);
    String result = t.result(now);
    String message = JobRun.message(life, result);
    out.put("run_id", t.runId);
    out.put("attempt_number", t.attempt);
    out.put("start_time", t.startAt);
    out.put("setup_duration", Math.min(Math.max(0, now - t.startAt), t.duration / 2));
    out.put("cleanup_duration", 0);
    if (result != null) {
      out.put("end_time", t.endAt());
      out.put("run_duration", t.endAt() - t.startAt);
      out.put("execution_duration", Math.max(0, t.endAt() - t.startAt - t.duration / 2));
    } else {
      out.put("end_time", 0);
    }
    out.set("state", JobRun.state(life, result, message, t.cancelledAt > 0));
    out.set("status", JobRun.status(life, result, message));
    out.put("run_page_url", host + "/#job/" + (run.jobId == null ? "" : run.jobId + "/") + "run/" + t.runId);
    String cluster = Json.string(t.task, "existing_cluster_id");
    if (cluster != null) {
      out.set("cluster_instance", Json.object("cluster_id", cluster, "spark_context_id", String.valueOf(t.runId * 13)));
    }
    return out;
  }

  /** A task run shown as a run of its own (runs/get and get-output of a task run id). */
  ObjectNode taskAsRun(JobRun run, JobRun.TaskRun t, long now) {
    ObjectNode task = task(run, t, now);
    task.put("run_name", t.taskKey);
    task.put("run_type", run.runType);
    task.put("creator_user_name", run.creator);
    task.put("number_in_job", t.runId);
    task.put("original_attempt_run_id", t.runId);
    Json.put(task, "job_id", run.jobId);
    task.put("job_run_id", run.runId);
    return task;
  }

  /** The parameters a notebook task ran with: its base parameters, then the run's. */
  static ObjectNode effectiveParameters(JobRun run, JobRun.TaskRun t) {
    ObjectNode params = Json.copyOf(Json.at(t.task, "notebook_task.base_parameters"));
    Json.merge(params, run.overriding.get("notebook_params"));
    for (JsonNode p : run.jobParameters) {
      params.put(p.path("name").asText(), p.path("value").asText());
    }
    return params;
  }
}
