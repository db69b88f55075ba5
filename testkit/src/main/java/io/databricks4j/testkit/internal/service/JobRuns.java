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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job runs: run-now and submit (idempotency tokens honoured), list, get, get-output, export,
 * cancel, cancel-all, delete and repair. A job at its max_concurrent_runs skips a new run, as
 * Databricks does without queueing.
 */
final class JobRuns {
  private static final String V = Jobs.V + "runs/";

  private final Context ctx;
  private final Jobs jobs;
  private final Map<Long, JobRun> runs = new LinkedHashMap<>();
  private final Map<Long, JobRun> byTaskRun = new HashMap<>();
  private final Map<Long, JobRun.TaskRun> taskRuns = new HashMap<>();
  private final Map<String, Long> idempotency = new HashMap<>();
  private final Map<Long, Long> runsPerJob = new HashMap<>();
  private final JobRunView view;

  JobRuns(Context ctx, Jobs jobs) {
    this.ctx = ctx;
    this.jobs = jobs;
    this.view = new JobRunView(ctx.host(), this::duration);
  }

  void register(Routes r) {
    r.on("POST", V + "submit", this::submit)
        .on("GET", V + "list", this::list)
        .on("GET", V + "get", c -> Reply.json(get(c.requiredLong("run_id"), c.bool("include_history", false))))
        .on("GET", V + "get-output", this::output)
        .on("GET", V + "export", this::export)
        .on("POST", V + "cancel", this::cancel)
        .on("POST", V + "cancel-all", this::cancelAll)
        .on("POST", V + "delete", this::delete)
        .on("POST", V + "repair", this::repair);
  }

  ObjectNode runNow(Call call, ObjectNode job) {
    long jobId = job.get("job_id").asLong();
    ObjectNode settings = (ObjectNode) job.get("settings");
    ObjectNode overriding = Json.object();
    for (String f : List.of("notebook_params", "python_params", "jar_params", "python_named_params", "sql_params",
        "spark_submit_params", "dbt_commands", "pipeline_params")) {
      if (call.node(f) != null) {
        overriding.set(f, call.node(f).deepCopy());
      }
    }
    ArrayNode parameters = Json.array();
    JsonNode given = call.node("job_parameters");
    for (JsonNode p : settings.path("parameters")) {
      String name = p.path("name").asText();
      String value = given != null && given.has(name) ? given.get(name).asText() : p.path("default").asText("");
      parameters.add(Json.object("name", name, "default", p.path("default").asText(""), "value", value));
    }
    Set<String> only = new HashSet<>(call.all("only"));
    List<ObjectNode> tasks = new ArrayList<>();
    for (JsonNode t : settings.path("tasks")) {
      if (only.isEmpty() || only.contains(t.path("task_key").asText())) {
        tasks.add(((ObjectNode) t).deepCopy());
      }
    }
    if (tasks.isEmpty()) {
      throw ApiException.invalid("Job " + jobId + " has no tasks to run");
    }
    synchronized (this) {
      Long existing = replay(call.param("idempotency_token"));
      if (existing != null) {
        JobRun run = runs.get(existing);
        return Json.object("run_id", existing, "number_in_job", run == null ? existing : run.numberInJob);
      }
      long number = runsPerJob.merge(jobId, 1L, Long::sum);
      long active = runs.values().stream().filter(r -> Long.valueOf(jobId).equals(r.jobId) && !r.terminal(ctx.now())).count();
      JobRun run = start(jobId, "JOB_RUN", settings.path("name").asText(), number, call.user(), overriding, parameters,
          settings, tasks);
      boolean queued = settings.path("queue").path("enabled").asBoolean(false);
      long limit = settings.path("max_concurrent_runs").asLong(1);
      if (!queued && limit > 0 && active >= limit) {
        run.skipMessage = "Skipping this run because the limit of " + limit + " maximum concurrent runs has been reached.";
      }
      remember(call.param("idempotency_token"), run.runId);
      return Json.object("run_id", run.runId, "number_in_job", number);
    }
  }

  private Reply submit(Call call) {
    JsonNode tasks = call.node("tasks");
    if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
      throw ApiException.missing("tasks");
    }
    Jobs.validateTasks(tasks, "tasks");
    List<ObjectNode> taskList = new ArrayList<>();
    tasks.forEach(t -> taskList.add(((ObjectNode) t).deepCopy()));
    ObjectNode settings = call.body().deepCopy();
    settings.remove("access_control_list");
    synchronized (this) {
      Long existing = replay(call.param("idempotency_token"));
      if (existing != null) {
        return Reply.json(Json.object("run_id", existing));
      }
      String name = call.param("run_name");
      JobRun run = start(null, "SUBMIT_RUN", name == null ? "Untitled" : name, 1, call.user(), Json.object(),
          Json.array(), settings, taskList);
      remember(call.param("idempotency_token"), run.runId);
      return Reply.json(Json.object("run_id", run.runId));
    }
  }

  private JobRun start(Long jobId, String type, String name, long number, String user, ObjectNode overriding,
      ArrayNode parameters, ObjectNode settings, List<ObjectNode> tasks) {
    long now = ctx.now();
    JobRun run = new JobRun(ctx.ids().next() * 1000 + 31, jobId, type, name, number, now, user, overriding,
        parameters, settings);
    for (ObjectNode t : tasks) {
      JobRun.TaskRun task = new JobRun.TaskRun(ctx.ids().next() * 1000 + 41, t, 0);
      run.tasks.add(task);
      run.originalTaskRunIds.add(task.runId);
      byTaskRun.put(task.runId, run);
      taskRuns.put(task.runId, task);
    }
    JobRun.schedule(run.tasks, Map.of(), now, duration());
    runs.put(run.runId, run);
    return run;
  }

  private Long replay(String token) {
    return token == null || token.isEmpty() ? null : idempotency.get(token);
  }

  private void remember(String token, long runId) {
    if (token != null && !token.isEmpty()) {
      idempotency.put(token, runId);
    }
  }

  private Reply list(Call call) {
    String jobIdText = call.param("job_id");
    Long jobId = jobIdText == null || jobIdText.isEmpty() ? null : call.requiredLong("job_id");
    boolean active = call.bool("active_only", false);
    boolean completed = call.bool("completed_only", false);
    if (active && completed) {
      throw ApiException.invalid("active_only and completed_only cannot both be true");
    }
    String type = call.param("run_type");
    long from = call.longParam("start_time_from", 0);
    long to = call.longParam("start_time_to", Long.MAX_VALUE);
    boolean expand = call.bool("expand_tasks", false);
    int size = Pages.size(call.longParam("limit", 0), ctx.pageSize());
    String token = call.param("page_token");
    int offset = token != null && !token.isEmpty() ? Pages.offsetOf(token) : call.intParam("offset", 0);
    long now = ctx.now();
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (this) {
      List<JobRun> newestFirst = new ArrayList<>(runs.values());
      java.util.Collections.reverse(newestFirst);
      for (JobRun run : newestFirst) {
        boolean terminal = run.terminal(now);
        if ((jobId != null && !jobId.equals(run.jobId)) || (active && terminal) || (completed && !terminal)
            || (type != null && !type.equals(run.runType)) || run.createdAt < from || run.createdAt > to) {
          continue;
        }
        ObjectNode r = view.run(run, now, false);
        if (!expand) {
          r.remove("tasks");
        }
        matching.add(r);
      }
    }
    Pages.Page<ObjectNode> page = Pages.offset(matching, offset, size);
    ObjectNode out = Json.object("runs", Json.array(page.items()), "has_more", page.hasMore());
    Json.put(out, "next_page_token", page.nextToken());
    return Reply.json(out);
  }

  private synchronized ObjectNode get(long runId, boolean history) {
    long now = ctx.now();
    JobRun run = runs.get(runId);
    if (run != null) {
      return view.run(run, now, history);
    }
    JobRun parent = byTaskRun.get(runId);
    if (parent != null) {
      return view.taskAsRun(parent, task(parent, runId), now);
    }
    throw missingRun(runId);
  }

  private Reply output(Call call) {
    long runId = call.requiredLong("run_id");
    synchronized (this) {
      long now = ctx.now();
      JobRun parent = byTaskRun.get(runId);
      JobRun.TaskRun task;
      if (parent != null) {
        task = task(parent, runId);
      } else {
        JobRun run = runs.get(runId);
        if (run == null) {
          throw missingRun(runId);
        }
        if (run.tasks.size() != 1) {
          throw ApiException.invalid("Retrieving the output for a run with multiple tasks is not supported. "
              + "Please retrieve the output of each individual task run instead.");
        }
        parent = run;
        task = run.tasks.get(0);
      }
      ObjectNode out = Json.object("metadata", view.taskAsRun(parent, task, now));
      String result = task.result(now);
      if ("FAILED".equals(result)) {
        out.put("error", "Exception: the testkit fails tasks whose notebook path contains 'fail'");
        out.put("error_trace", "Traceback (most recent call last):\n  File \"" + task.taskKey
            + "\", line 1\nException: the testkit fails tasks whose notebook path contains 'fail'");
      } else if ("SUCCESS".equals(result)) {
        if (task.task.has("notebook_task")) {
          out.set("notebook_output", Json.object("result", Json.text(JobRunView.effectiveParameters(parent, task)),
              "truncated", false));
        } else {
          out.put("logs", "testkit: task " + task.taskKey + " ran\n");
          out.put("logs_truncated", false);
        }
      }
      return Reply.json(out);
    }
  }

  private Reply export(Call call) {
    long runId = call.requiredLong("run_id");
    synchronized (this) {
      JobRun parent = byTaskRun.get(runId);
      if (parent == null) {
        if (runs.containsKey(runId)) {
          throw ApiException.invalid("Run " + runId + " has several tasks; export the run of one task");
        }
        throw missingRun(runId);
      }
      JobRun.TaskRun task = task(parent, runId);
      String notebook = Json.at(task.task, "notebook_task.notebook_path").asText(task.taskKey);
      String html = "<html><head><title>" + notebook + "</title></head><body><p>Run " + runId + " of "
          + task.taskKey + "</p></body></html>";
      return Reply.json(Json.object("views", Json.array(List.of(
          Json.object("content", html, "name", notebook.substring(notebook.lastIndexOf('/') + 1), "type", "NOTEBOOK")))));
    }
  }

  private Reply cancel(Call call) {
    long runId = call.requiredLong("run_id");
    synchronized (this) {
      JobRun run = runs.get(runId);
      if (run == null) {
        run = byTaskRun.get(runId);
      }
      if (run == null) {
        throw missingRun(runId);
      }
      cancel(run, ctx.now());
    }
    return Reply.empty();
  }

  private Reply cancelAll(Call call) {
    String jobIdText = call.param("job_id");
    boolean queued = call.bool("all_queued_runs", false);
    if ((jobIdText == null || jobIdText.isEmpty()) && !queued) {
      throw ApiException.invalid("Either job_id or all_queued_runs must be set");
    }
    if (jobIdText != null && !jobIdText.isEmpty()) {
      long jobId = call.requiredLong("job_id");
      if (jobs.job(jobId) == null) {
        throw Jobs.missingJob(jobId);
      }
      synchronized (this) {
        long now = ctx.now();
        runs.values().stream().filter(r -> Long.valueOf(jobId).equals(r.jobId)).forEach(r -> cancel(r, now));
      }
    }
    return Reply.empty();
  }

  private void cancel(JobRun run, long now) {
    if (run.terminal(now)) {
      return;
    }
    run.cancelledAt = now;
    for (JobRun.TaskRun t : run.tasks) {
      if (t.endAt() > now) {
        t.cancelledAt = now;
      }
    }
  }

  private Reply delete(Call call) {
    long runId = call.requiredLong("run_id");
    synchronized (this) {
      JobRun run = runs.get(runId);
      if (run == null) {
        throw missingRun(runId);
      }
      if (!run.terminal(ctx.now())) {
        throw ApiException.invalidState("Run " + runId + " is active; cancel it before deleting it");
      }
      runs.remove(runId);
      byTaskRun.values().removeIf(r -> r == run);
      taskRuns.keySet().removeIf(id -> !byTaskRun.containsKey(id));
    }
    return Reply.empty();
  }

  private Reply repair(Call call) {
    long runId = call.requiredLong("run_id");
    Set<String> rerun = new HashSet<>(call.all("rerun_tasks"));
    boolean allFailed = call.bool("rerun_all_failed_tasks", false);
    boolean dependents = call.bool("rerun_dependent_tasks", false);
    synchronized (this) {
      long now = ctx.now();
      JobRun run = runs.get(runId);
      if (run == null) {
        throw missingRun(runId);
      }
      if (!run.terminal(now)) {
        throw ApiException.invalidState("Run " + runId + " is still active; only a finished run can be repaired");
      }
      if (call.has("latest_repair_id") && !run.repairs.isEmpty()
          && call.longParam("latest_repair_id", 0) != run.repairs.get(run.repairs.size() - 1).get("id").asLong()) {
        throw ApiException.invalid("latest_repair_id is not the latest repair of run " + runId);
      }
      if (allFailed) {
        for (JobRun.TaskRun t : run.tasks) {
          String result = t.result(now);
          if (!"SUCCESS".equals(result)) {
            rerun.add(t.taskKey);
          }
        }
      }
      if (rerun.isEmpty()) {
        throw ApiException.invalid("Set rerun_tasks or rerun_all_failed_tasks to choose what to repair");
      }
      Map<String, JobRun.TaskRun> current = new LinkedHashMap<>();
      run.tasks.forEach(t -> current.put(t.taskKey, t));
      for (String key : rerun) {
        if (!current.containsKey(key)) {
          throw ApiException.invalid("Task " + key + " is not a task of run " + runId);
        }
      }
      if (dependents) {
        boolean grew = true;
        while (grew) {
          grew = false;
          for (JobRun.TaskRun t : run.tasks) {
            for (JsonNode dep : t.task.path("depends_on")) {
              if (rerun.contains(dep.path("task_key").asText()) && rerun.add(t.taskKey)) {
                grew = true;
              }
            }
          }
        }
      }
      long repairId = ctx.ids().next() * 1000 + 53;
      List<JobRun.TaskRun> fresh = new ArrayList<>();
      Map<String, JobRun.TaskRun> kept = new HashMap<>();
      List<Long> ids = new ArrayList<>();
      for (JobRun.TaskRun t : run.tasks) {
        if (rerun.contains(t.taskKey)) {
          JobRun.TaskRun again = new JobRun.TaskRun(ctx.ids().next() * 1000 + 41, t.task, t.attempt + 1);
          fresh.add(again);
          byTaskRun.put(again.runId, run);
          taskRuns.put(again.runId, again);
          ids.add(again.runId);
        } else {
          kept.put(t.taskKey, t);
        }
      }
      JobRun.schedule(fresh, kept, now, duration());
      run.tasks.replaceAll(t -> fresh.stream().filter(f -> f.taskKey.equals(t.taskKey)).findFirst().orElse(t));
      run.cancelledAt = 0;
      run.skipMessage = null;
      run.attemptStart = now;
      run.repairs.add(Json.object("id", repairId, "type", "REPAIR", "start_time", now, "task_run_ids", Json.array(
          ids.stream().map(i -> (JsonNode) com.fasterxml.jackson.databind.node.LongNode.valueOf(i)).toList())));
      return Reply.json(Json.object("repair_id", repairId));
    }
  }

  private JobRun.TaskRun task(JobRun run, long taskRunId) {
    JobRun.TaskRun t = taskRuns.get(taskRunId);
    if (t == null) {
      throw missingRun(taskRunId);
    }
    return t;
  }

  private long duration() {
    return ctx.settings().runDuration().toMillis();
  }

  static ApiException missingRun(long runId) {
    return ApiException.invalid("Run " + runId + " does not exist.");
  }

  /** Runs with their task runs (replaced ones too), idempotency tokens and run numbers per job. */
  synchronized ObjectNode snapshot() {
    ArrayNode out = Json.array();
    for (JobRun run : runs.values()) {
      List<JobRun.TaskRun> earlier = new ArrayList<>();
      byTaskRun.forEach((id, owner) -> {
        JobRun.TaskRun t = taskRuns.get(id);
        if (owner == run && t != null && !run.tasks.contains(t)) {
          earlier.add(t);
        }
      });
      earlier.sort(java.util.Comparator.comparingLong(t -> t.runId));
      out.add(run.toJson(earlier));
    }
    ObjectNode perJob = Json.object();
    runsPerJob.forEach((job, n) -> perJob.put(String.valueOf(job), n));
    ObjectNode tokens = Json.object();
    idempotency.forEach(tokens::put);
    return Json.object("runs", out, "runs_per_job", perJob, "idempotency_tokens", tokens);
  }

  synchronized void restore(JsonNode state) {
    runs.clear();
    byTaskRun.clear();
    taskRuns.clear();
    idempotency.clear();
    runsPerJob.clear();
    for (JsonNode o : state.path("runs")) {
      JobRun run = JobRun.fromJson(o);
      runs.put(run.runId, run);
      List<JobRun.TaskRun> all = new ArrayList<>(run.tasks);
      o.path("replaced_tasks").forEach(t -> all.add(JobRun.TaskRun.fromJson(t)));
      for (JobRun.TaskRun t : all) {
        byTaskRun.put(t.runId, run);
        taskRuns.put(t.runId, t);
      }
    }
    state.path("runs_per_job").fields().forEachRemaining(f -> runsPerJob.put(Long.valueOf(f.getKey()), f.getValue().asLong()));
    state.path("idempotency_tokens").fields().forEachRemaining(f -> idempotency.put(f.getKey(), f.getValue().asLong()));
  }
}
