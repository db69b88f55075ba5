package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.InvalidState;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.CancelAllRuns;
import io.databricks4j.service.jobs.CancelRun;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.GetRunRequest;
import io.databricks4j.service.jobs.Job;
import io.databricks4j.service.jobs.JobParameterDefinition;
import io.databricks4j.service.jobs.JobSettings;
import io.databricks4j.service.jobs.ListJobsRequest;
import io.databricks4j.service.jobs.ListJobsResponse;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.RepairRun;
import io.databricks4j.service.jobs.ResetJob;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunLifeCycleState;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.RunResultState;
import io.databricks4j.service.jobs.RunTask;
import io.databricks4j.service.jobs.Task;
import io.databricks4j.service.jobs.TaskDependency;
import io.databricks4j.service.jobs.UpdateJob;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs and their runs through the SDK: CRUD and paging of jobs and runs, run-now with parameters,
 * a failing task, cancel, repair, export, skipped runs, and a wait that times out.
 */
class SdkJobsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2)
      .runDuration(Duration.ofMillis(300)));
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace ws) {
    w = ws.client();
  }

  @AfterAll
  static void close(LocalWorkspace ws) {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static Task notebook(String key, String path, String... dependsOn) {
    return Task.builder().taskKey(key).notebookTask(NotebookTask.builder().notebookPath(path).build())
        .dependsOn(dependsOn.length == 0 ? null
            : List.of(dependsOn).stream().map(d -> TaskDependency.builder().taskKey(d).build()).toList())
        .build();
  }

  private static long job(String name, Task... tasks) {
    return w.jobs().create(CreateJob.builder().name(name).tasks(List.of(tasks)).maxConcurrentRuns(5L).build()).jobId();
  }

  @Test
  void jobsAreCreatedReadListedOverThreePagesUpdatedResetAndDeleted() {
    List<Long> ids = IntStream.range(0, 5).mapToObj(i -> job("paged-" + i, notebook("t", "/Users/me/ok"))).toList();
    Job read = w.jobs().get(ids.get(1));
    assertThat(read.settings().name()).isEqualTo("paged-1");
    assertThat(read.settings().tasks()).extracting(Task::taskKey).containsExactly("t");
    assertThat(read.creatorUserName()).isEqualTo(LocalWorkspace.DEFAULT_USER);

    ListJobsResponse first = w.jobs().listPage(ListJobsRequest.builder().build());
    assertThat(first.jobs()).hasSize(2);
    assertThat(first.hasMore()).isTrue();
    List<Long> listed = w.jobs().list(ListJobsRequest.builder().build()).stream()
        .filter(j -> j.settings().name().startsWith("paged-")).map(BaseJob::jobId).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    assertThat(w.jobs().list(ListJobsRequest.builder().name("paged-3").build()).stream().map(BaseJob::jobId))
        .containsExactly(ids.get(3));

    w.jobs().update(UpdateJob.builder().jobId(ids.get(0)).newSettings(JobSettings.builder().name("renamed")
        .tasks(List.of(notebook("u", "/Users/me/ok", "t"))).build()).build());
    Job updated = w.jobs().get(ids.get(0));
    assertThat(updated.settings().name()).isEqualTo("renamed");
    assertThat(updated.settings().tasks()).as("tasks are merged by key").extracting(Task::taskKey)
        .containsExactly("t", "u");
    w.jobs().update(UpdateJob.builder().jobId(ids.get(0)).fieldsToRemove(List.of("tasks/u")).build());
    assertThat(w.jobs().get(ids.get(0)).settings().tasks()).extracting(Task::taskKey).containsExactly("t");

    w.jobs().reset(ResetJob.builder().jobId(ids.get(0)).newSettings(JobSettings.builder().name("reset")
        .tasks(List.of(notebook("r", "/Users/me/ok"))).build()).build());
    Job reset = w.jobs().get(ids.get(0));
    assertThat(reset.settings().name()).isEqualTo("reset");
    assertThat(reset.settings().tasks()).extracting(Task::taskKey).containsExactly("r");
    assertThat(reset.settings().maxConcurrentRuns()).as("a reset replaces every setting").isEqualTo(1L);

    w.jobs().delete(ids.get(4));
    assertThatThrownBy(() -> w.jobs().get(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void aFailingTaskFailsTheRunAndItsDependentsAndARepairRerunsThem() {
    long id = job("fails", notebook("ok", "/Users/me/ok"), notebook("bad", "/Users/me/fail-here"),
        notebook("after", "/Users/me/ok", "bad"));
    Run failed = w.jobs().runNowAndWait(RunNow.builder().jobId(id).build(), WAIT);
    assertThat(failed.state().lifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
    assertThat(failed.state().resultState()).isEqualTo(RunResultState.FAILED);
    assertThat(failed.tasks()).extracting(t -> t.taskKey() + "=" + t.state().resultState())
        .containsExactlyInAnyOrder("ok=SUCCESS", "bad=FAILED", "after=UPSTREAM_FAILED");
    RunTask bad = failed.tasks().stream().filter(t -> t.taskKey().equals("bad")).findFirst().orElseThrow();
    assertThat(w.jobs().getRunOutput(bad.runId()).error()).contains("fail");
    assertThatThrownBy(() -> w.jobs().getRunOutput(failed.runId())).as("a run of several tasks has no one output")
        .isInstanceOf(InvalidParameterValue.class);

    Run repaired = w.jobs().repairRunAndWait(RepairRun.builder().runId(failed.runId()).rerunAllFailedTasks(true)
        .build(), WAIT);
    assertThat(repaired.state().resultState()).as("the notebook still fails").isEqualTo(RunResultState.FAILED);
    Run withHistory = w.jobs().getRun(GetRunRequest.builder().runId(failed.runId())
        .includeHistory(true).build());
    assertThat(withHistory.repairHistory()).hasSize(2);
    assertThat(withHistory.tasks()).filteredOn(t -> !t.taskKey().equals("ok"))
        .extracting(RunTask::attemptNumber).containsOnly(1L);
  }

  @Test
  void runNowPassesJobParametersToTheNotebookAndExportsItsView() {
    long id = w.jobs().create(CreateJob.builder().name("params").tasks(List.of(notebook("t", "/Users/me/report")))
        .parameters(List.of(JobParameterDefinition.builder().name("day").defaultValue("mon").build())).build())
        .jobId();
    Run run = w.jobs().runNowAndWait(RunNow.builder().jobId(id).jobParameters(Map.of("day", "tue")).build(), WAIT);
    assertThat(run.state().resultState()).isEqualTo(RunResultState.SUCCESS);
    assertThat(run.jobParameters()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("tue"));
    long taskRun = run.tasks().get(0).runId();
    assertThat(w.jobs().getRunOutput(taskRun).notebookOutput().result()).contains("\"day\"").contains("tue");
    assertThat(w.jobs().exportRun(taskRun).views()).singleElement()
        .satisfies(v -> assertThat(v.content()).contains("report"));
  }

  @Test
  void runsAreListedOverThreePagesCancelledAndDeleted() {
    long id = job("many-runs", notebook("t", "/Users/me/ok"));
    List<Long> runs = IntStream.range(0, 5).mapToObj(i -> w.jobs().runNow(RunNow.builder().jobId(id).build())
        .response().runId()).toList();
    assertThat(w.jobs().listRunsPage(ListRunsRequest.builder().jobId(id).build()).runs()).hasSize(2);
    List<Long> listed = w.jobs().listRuns(ListRunsRequest.builder().jobId(id).build()).stream().map(BaseRun::runId)
        .toList();
    List<Long> newestFirst = new ArrayList<>(runs);
    Collections.reverse(newestFirst);
    assertThat(listed).containsExactlyElementsOf(newestFirst).doesNotHaveDuplicates();

    Run cancelled = w.jobs().cancelRunAndWait(CancelRun.builder().runId(runs.get(0)).build(), WAIT);
    assertThat(cancelled.state().resultState()).isEqualTo(RunResultState.CANCELED);
    assertThat(cancelled.state().userCancelledOrTimedout()).isTrue();
    w.jobs().cancelAllRuns(CancelAllRuns.builder().jobId(id).build());
    List<BaseRun> active = w.jobs().listRuns(ListRunsRequest.builder().jobId(id).activeOnly(true).build()).stream()
        .toList();
    assertThat(active).isEmpty();

    w.jobs().deleteRun(runs.get(0));
    assertThatThrownBy(() -> w.jobs().getRun(runs.get(0))).isInstanceOf(ResourceDoesNotExist.class);
    assertThat(w.jobs().listRuns(ListRunsRequest.builder().jobId(id).build()).stream().map(BaseRun::runId))
        .hasSize(4).doesNotContain(runs.get(0));
  }

  @Test
  void aRunBeyondMaxConcurrentRunsIsSkippedAndTheWaiterReturnsIt() {
    long id = w.jobs().create(CreateJob.builder().name("one-at-a-time").tasks(List.of(notebook("t", "/Users/me/ok")))
        .maxConcurrentRuns(1L).build()).jobId();
    w.jobs().runNow(RunNow.builder().jobId(id).build());
    Run skipped = w.jobs().runNowAndWait(RunNow.builder().jobId(id).build(), WAIT);
    assertThat(skipped.state().lifeCycleState()).isEqualTo(RunLifeCycleState.SKIPPED);
    assertThat(skipped.state().stateMessage()).contains("maximum concurrent runs");
  }

  @Test
  void aWaitThatRunsOutOfTimeCarriesTheLastState() {
    long id = job("slow", notebook("a", "/Users/me/ok"), notebook("b", "/Users/me/ok", "a"),
        notebook("c", "/Users/me/ok", "b"));
    var started = w.jobs().runNow(RunNow.builder().jobId(id).build());
    assertThatThrownBy(() -> started.get(Duration.ofMillis(100)))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastState()).hasValueSatisfying(s -> assertThat(s).isIn("PENDING", "RUNNING"));
          assertThat(e.lastSeen()).containsInstanceOf(Run.class);
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(100));
          assertThat(e).hasMessageContaining("timed out");
        });
    w.jobs().cancelRun(started.response().runId());
  }

  @Test
  void missingJobsRunsAndFieldsAreTypedErrors() {
    long id = job("errors", notebook("t", "/Users/me/ok"));
    assertThatThrownBy(() -> w.jobs().getRun(424242L)).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.jobs().delete(424242L)).isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> w.jobs().runNow(RunNow.builder().jobId(424242L).build()))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.jobs().create(CreateJob.builder().name("no-key").tasks(List.of(Task.builder()
        .notebookTask(NotebookTask.builder().notebookPath("/x").build()).build())).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("task_key");
    assertThatThrownBy(() -> w.jobs().create(CreateJob.builder().name("dangling")
        .tasks(List.of(notebook("t", "/x", "nowhere"))).build())).isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> w.jobs().reset(ResetJob.builder().jobId(id).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("new_settings");

    long active = w.jobs().runNow(RunNow.builder().jobId(id).build()).response().runId();
    assertThatThrownBy(() -> w.jobs().deleteRun(active)).isInstanceOf(InvalidState.class);
    assertThatThrownBy(() -> w.jobs().repairRun(RepairRun.builder().runId(active).rerunTasks(List.of("t")).build()))
        .isInstanceOf(InvalidState.class);
    w.jobs().cancelRun(active);
  }
}
