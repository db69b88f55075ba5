package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.wait.LongRunning;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.RunNowResponse;
import io.databricks4j.service.jobs.RunState;
import io.databricks4j.service.jobs.RunTask;
import io.databricks4j.service.jobs.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a job and waits for its run to end, printing each change of state as it is polled.
 *
 * <pre>
 * StartJobAndWait [job-id]    # without DATABRICKS_HOST: a two-task demo job on a local workspace
 * </pre>
 */
public final class StartJobAndWait {
  private StartJobAndWait() {}

  public static void main(String[] args) {
    int status;
    try (ExampleWorkspace ws = ExampleWorkspace.open()) {
      Long jobId = args.length > 0 ? Long.valueOf(args[0]) : ws.isLocal() ? createDemoJob(ws.client()) : null;
      if (jobId == null) {
        System.err.println("usage: StartJobAndWait <job-id>   (with DATABRICKS_HOST unset, a demo job runs locally)");
        status = 2;
      } else {
        Run run = run(ws.client(), jobId, System.out);
        status = "SUCCESS".equals(String.valueOf(run.state().resultState())) ? 0 : 1;
      }
    }
    System.exit(status);
  }

  /** Runs job {@code jobId} now and waits up to an hour, printing what changes. */
  public static Run run(WorkspaceClient w, long jobId, PrintStream out) {
    LongRunning<RunNowResponse, Run> started = w.jobs().runNow(RunNow.builder().jobId(jobId).build());
    out.println("Started run " + started.response().runId() + " of job " + jobId);
    AtomicReference<String> last = new AtomicReference<>("");
    Run run = started.get(Duration.ofHours(1), polled -> {
      String now = describe(polled);
      if (!now.equals(last.getAndSet(now))) {
        out.println("  " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + now);
      }
    });
    out.println("Run " + run.runId() + " ended: " + run.state().resultState()
        + (run.state().stateMessage() == null || run.state().stateMessage().isEmpty() ? "" : " (" + run.state().stateMessage() + ")")
        + (run.runPageUrl() == null ? "" : "  " + run.runPageUrl()));
    return run;
  }

  /** The run's state and, for a multi-task run, each task's. */
  private static String describe(Run r) {
    StringBuilder sb = new StringBuilder(state(r.state()));
    if (r.tasks() != null && r.tasks().size() > 1) {
      sb.append("  [");
      for (RunTask t : r.tasks()) {
        sb.append(t.taskKey()).append('=').append(state(t.state())).append(' ');
      }
      sb.setLength(sb.length() - 1);
      sb.append(']');
    }
    return sb.toString();
  }

  private static String state(RunState s) {
    if (s == null) {
      return "?";
    }
    return s.resultState() != null ? s.lifeCycleState() + "/" + s.resultState() : String.valueOf(s.lifeCycleState());
  }

  /** A job of two notebook tasks, the second after the first. */
  static long createDemoJob(WorkspaceClient w) {
    Task prepare = Task.builder().taskKey("prepare").notebookTask(NotebookTask.builder()
        .notebookPath("/Shared/examples/prepare").build()).build();
    Task report = Task.builder().taskKey("report").dependsOn(List.of(
        io.databricks4j.service.jobs.TaskDependency.builder().taskKey("prepare").build()))
        .notebookTask(NotebookTask.builder().notebookPath("/Shared/examples/report").build()).build();
    return Objects.requireNonNull(w.jobs().create(CreateJob.builder().name("databricks4j-example")
        .tasks(List.of(prepare, report)).build()).jobId());
  }
}
