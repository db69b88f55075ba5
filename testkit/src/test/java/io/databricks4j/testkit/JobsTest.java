package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsTest {
  private static final Duration RUN = Duration.ofSeconds(60);
  private MutableClock clock;
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().pageSize(2).runDuration(RUN).clock(clock).start();
    api = new Api(ws);
  }

  @AfterEach
  void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private static ObjectNode task(String key, String notebook, String... dependsOn) {
    ObjectNode t = Json.object("task_key", key, "notebook_task", Json.object("notebook_path", notebook,
        "base_parameters", Json.object("x", "1")), "existing_cluster_id", "1125-000000-abcdefgh");
    if (dependsOn.length > 0) {
      List<JsonNode> deps = new ArrayList<>();
      for (String d : dependsOn) {
        deps.add(Json.object("task_key", d));
      }
      t.set("depends_on", Json.array(deps));
    }
    return t;
  }

  private long createJob(String name, ObjectNode... tasks) {
    return api.postOk("/api/2.2/jobs/create", Json.object("name", name, "tasks", Json.array(List.of(tasks)),
        "max_concurrent_runs", 5)).get("job_id").asLong();
  }

  private JsonNode run(long runId) {
    return api.getOk("/api/2.2/jobs/runs/get?run_id=" + runId);
  }

  @Test
  void runGoesPendingRunningTerminatedWithSuccess() {
    long job = createJob("nightly", task("a", "/Users/me/etl"), task("b", "/Users/me/report", "a"));
    JsonNode started = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job,
        "notebook_params", Json.object("x", "2")));
    long runId = started.get("run_id").asLong();
    assertThat(started.get("number_in_job").asLong()).isEqualTo(1);

    JsonNode pending = run(runId);
    assertThat(pending.at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
    assertThat(pending.get("tasks")).hasSize(2);
    assertThat(pending.get("tasks").get(1).at("/state/life_cycle_state").asText()).isEqualTo("BLOCKED");
    clock.advance(RUN.dividedBy(2));
    assertThat(run(runId).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
    clock.advance(RUN.multipliedBy(2));
    JsonNode done = run(runId);
    assertThat(done.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
    assertThat(done.at("/state/result_state").asText()).isEqualTo("SUCCESS");
    assertThat(done.at("/status/state").asText()).isEqualTo("TERMINATED");
    assertThat(done.at("/status/termination_details/code").asText()).isEqualTo("SUCCESS");
    assertThat(done.get("end_time").asLong()).isGreaterThan(done.get("start_time").asLong());
    assertThat(done.get("job_id").asLong()).isEqualTo(job);

    long taskRun = done.get("tasks").get(0).get("run_id").asLong();
    assertThat(taskRun).isNotEqualTo(runId);
    JsonNode output = api.getOk("/api/2.2/jobs/runs/get-output?run_id=" + taskRun);
    assertThat(Json.parse(output.at("/notebook_output/result").asText()).get("x").asText()).isEqualTo("2");
    assertThat(output.at("/metadata/task_key").asText()).isEqualTo("a");
    Api.Response multi = api.get("/api/2.2/jobs/runs/get-output?run_id=" + runId);
    assertThat(multi.status()).isEqualTo(400);
    assertThat(multi.message()).contains("multiple tasks");
    assertThat(api.getOk("/api/2.2/jobs/runs/export?run_id=" + taskRun).get("views")).hasSize(1);
  }

  @Test
  void failingNotebookFailsTheRunAndItsDependents() {
    long job = createJob("broken", task("a", "/Users/me/fail_here"), task("b", "/Users/me/after", "a"),
        task("c", "/Users/me/independent"));
    long runId = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job)).get("run_id").asLong();
    clock.advance(RUN.multipliedBy(3));
    JsonNode done = run(runId);
    assertThat(done.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
    assertThat(done.at("/state/result_state").asText()).isEqualTo("FAILED");
    List<String> results = new ArrayList<>();
    done.get("tasks").forEach(t -> results.add(t.get("task_key").asText() + "=" + t.at("/state/result_state").asText()));
    assertThat(results).containsExactly("a=FAILED", "b=UPSTREAM_FAILED", "c=SUCCESS");
    JsonNode output = api.getOk("/api/2.2/jobs/runs/get-output?run_id=" + done.get("tasks").get(0).get("run_id").asLong());
    assertThat(output.get("error").asText()).contains("fail");

    JsonNode repair = api.postOk("/api/2.2/jobs/runs/repair", Json.object("run_id", runId,
        "rerun_all_failed_tasks", true));
    assertThat(repair.get("repair_id").asLong()).isPositive();
    JsonNode repaired = api.getOk("/api/2.2/jobs/runs/get?include_history=true&run_id=" + runId);
    assertThat(repaired.at("/state/life_cycle_state").asText()).isIn("PENDING", "RUNNING");
    assertThat(repaired.get("repair_history")).hasSize(2);
    assertThat(repaired.get("repair_history").get(1).get("task_run_ids")).hasSize(2);
    assertThat(repaired.get("tasks").get(0).get("attempt_number").asInt()).isEqualTo(1);
    clock.advance(RUN.multipliedBy(3));
    assertThat(run(runId).at("/state/result_state").asText()).isEqualTo("FAILED");
  }

  @Test
  void submitHonoursIdempotencyTokensAndCancelEndsTheRun() {
    ObjectNode body = Json.object("run_name", "once", "idempotency_token", "tok-1",
        "tasks", Json.array(List.of(task("only", "/Users/me/x"))));
    long first = api.postOk("/api/2.2/jobs/runs/submit", body).get("run_id").asLong();
    long again = api.postOk("/api/2.2/jobs/runs/submit", body).get("run_id").asLong();
    assertThat(again).isEqualTo(first);
    assertThat(run(first).get("run_type").asText()).isEqualTo("SUBMIT_RUN");

    api.postOk("/api/2.2/jobs/runs/cancel", Json.object("run_id", first));
    JsonNode cancelled = run(first);
    assertThat(cancelled.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
    assertThat(cancelled.at("/state/result_state").asText()).isEqualTo("CANCELED");
    assertThat(cancelled.at("/status/termination_details/code").asText()).isEqualTo("USER_CANCELED");
    JsonNode single = api.getOk("/api/2.2/jobs/runs/get-output?run_id=" + first);
    assertThat(single.get("metadata").get("run_id").asLong()).isNotEqualTo(first);

    api.postOk("/api/2.2/jobs/runs/delete", Json.object("run_id", first));
    Api.Response gone = api.get("/api/2.2/jobs/runs/get?run_id=" + first);
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.message()).isEqualTo("Run " + first + " does not exist.");
  }

  @Test
  void jobsListPaginatesWithHasMoreTokensAndOffset() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createJob("job" + i, task("t", "/x")));
    }
    List<Long> seen = new ArrayList<>();
    JsonNode page = api.getOk("/api/2.2/jobs/list");
    int pages = 1;
    page.get("jobs").forEach(j -> seen.add(j.get("job_id").asLong()));
    assertThat(page.get("has_more").asBoolean()).isTrue();
    assertThat(page.get("jobs").get(0).at("/settings/tasks").isMissingNode()).isTrue();
    while (page.get("has_more").asBoolean() && pages < 10) {
      page = api.getOk("/api/2.2/jobs/list?page_token=" + page.get("next_page_token").asText());
      page.get("jobs").forEach(j -> seen.add(j.get("job_id").asLong()));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids);
    JsonNode offset = api.getOk("/api/2.2/jobs/list?offset=4&expand_tasks=true");
    assertThat(offset.get("jobs")).hasSize(1);
    assertThat(offset.get("has_more").asBoolean()).isFalse();
    assertThat(offset.get("jobs").get(0).at("/settings/tasks")).hasSize(1);
    assertThat(api.getOk("/api/2.2/jobs/list?name=JOB3").get("jobs")).hasSize(1);
  }

  @Test
  void updateMergesTasksByKeyResetReplacesAndDeleteRemoves() {
    long job = createJob("j", task("a", "/a"), task("b", "/b"));
    api.postOk("/api/2.2/jobs/update", Json.object("job_id", job, "new_settings", Json.object("name", "renamed",
        "tasks", Json.array(List.of(task("b", "/b2"), task("c", "/c")))), "fields_to_remove",
        Json.strings(List.of("tasks/a"))));
    JsonNode updated = api.getOk("/api/2.2/jobs/get?job_id=" + job);
    assertThat(updated.at("/settings/name").asText()).isEqualTo("renamed");
    assertThat(updated.at("/settings/tasks").findValuesAsText("task_key")).containsExactly("b", "c");
    assertThat(updated.at("/settings/tasks/0/notebook_task/notebook_path").asText()).isEqualTo("/b2");

    api.postOk("/api/2.2/jobs/reset", Json.object("job_id", job, "new_settings", Json.object("name", "fresh",
        "tasks", Json.array(List.of(task("z", "/z"))))));
    JsonNode reset = api.getOk("/api/2.2/jobs/get?job_id=" + job);
    assertThat(reset.at("/settings/tasks").findValuesAsText("task_key")).containsExactly("z");
    assertThat(reset.at("/settings/max_concurrent_runs").asInt()).isEqualTo(1);

    api.postOk("/api/2.2/jobs/delete", Json.object("job_id", job));
    Api.Response gone = api.get("/api/2.2/jobs/get?job_id=" + job);
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(gone.message()).isEqualTo("Job " + job + " does not exist.");
  }

  @Test
  void invalidJobsAreRefused() {
    assertThat(api.post("/api/2.2/jobs/create", Json.object("tasks", Json.array(List.of(
        Json.object("notebook_task", Json.object("notebook_path", "/x")))))).message()).contains("task_key");
    assertThat(api.post("/api/2.2/jobs/create", Json.object("tasks", Json.array(List.of(task("a", "/x"),
        task("a", "/y"))))).status()).isEqualTo(400);
    assertThat(api.post("/api/2.2/jobs/create", Json.object("tasks", Json.array(List.of(task("a", "/x", "ghost")))))
        .status()).isEqualTo(400);
    assertThat(api.post("/api/2.2/jobs/run-now", Json.object("job_id", 42)).status()).isEqualTo(400);
    assertThat(api.get("/api/2.2/jobs/get?job_id=abc").status()).isEqualTo(400);
    assertThat(api.get("/api/2.2/jobs/get").message()).isEqualTo("Missing required field: job_id");
  }

  @Test
  void runsListFiltersAndPaginatesNewestFirstAndConcurrencyLimitSkips() {
    long job = api.postOk("/api/2.2/jobs/create", Json.object("name", "limited",
        "tasks", Json.array(List.of(task("t", "/x"))))).get("job_id").asLong();
    long first = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job)).get("run_id").asLong();
    long skipped = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job)).get("run_id").asLong();
    assertThat(run(skipped).at("/state/life_cycle_state").asText()).isEqualTo("SKIPPED");
    clock.advance(RUN);
    long third = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job)).get("run_id").asLong();

    JsonNode page = api.getOk("/api/2.2/jobs/runs/list?job_id=" + job);
    assertThat(page.get("runs").findValuesAsText("run_id")).containsExactly(String.valueOf(third), String.valueOf(skipped));
    assertThat(page.get("has_more").asBoolean()).isTrue();
    JsonNode next = api.getOk("/api/2.2/jobs/runs/list?job_id=" + job + "&page_token=" + page.get("next_page_token").asText());
    assertThat(next.get("runs").findValuesAsText("run_id")).containsExactly(String.valueOf(first));
    assertThat(api.getOk("/api/2.2/jobs/runs/list?active_only=true").get("runs")).hasSize(1);
    assertThat(api.getOk("/api/2.2/jobs/runs/list?completed_only=true&limit=1").get("has_more").asBoolean()).isTrue();

    api.postOk("/api/2.2/jobs/runs/cancel-all", Json.object("job_id", job));
    assertThat(run(third).at("/state/result_state").asText()).isEqualTo("CANCELED");
  }

  @Test
  void jobPermissionsHaveAnOwner() {
    long job = createJob("owned", task("t", "/x"));
    JsonNode acl = api.getOk("/api/2.0/permissions/jobs/" + job);
    assertThat(acl.at("/access_control_list/0/all_permissions/0/permission_level").asText()).isEqualTo("IS_OWNER");
    JsonNode set = api.ok(api.put("/api/2.0/permissions/jobs/" + job, Json.object("access_control_list",
        Json.array(List.of(Json.object("group_name", "users", "permission_level", "CAN_VIEW"))))));
    assertThat(set.get("access_control_list").findValuesAsText("permission_level")).contains("IS_OWNER", "CAN_VIEW");
    JsonNode generic = api.getOk("/api/2.0/permissions/jobs/" + job + "/permissionLevels");
    assertThat(generic.get("permission_levels").findValuesAsText("permission_level")).contains("CAN_MANAGE_RUN");
  }
}
