package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last runs of the workspace's jobs, newest first, with their outcome and duration, and a
 * count per outcome. Pages of runs are fetched only as far as the table needs.
 *
 * <pre>
 * LastRunsSummary [how-many]    # 20 by default; without DATABRICKS_HOST, on a local workspace with a few runs
 * </pre>
 */
public final class LastRunsSummary {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  private LastRunsSummary() {}

  public static void main(String[] args) {
    int limit = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    try (ExampleWorkspace ws = ExampleWorkspace.open()) {
      if (ws.isLocal()) {
        runDemoJobs(ws.client());
      }
      summarize(ws.client(), limit, System.out);
    }
  }

  /** Prints the last {@code limit} completed runs and the count of each outcome; returns the counts. */
  public static Map<String, Integer> summarize(WorkspaceClient w, int limit, PrintStream out) {
    Map<Long, String> jobNames = new HashMap<>();
    for (BaseJob j : w.jobs().list()) {
      jobNames.put(j.jobId(), j.settings() == null ? String.valueOf(j.jobId()) : j.settings().name());
    }
    List<BaseRun> runs = w.jobs().listRuns(ListRunsRequest.builder().completedOnly(true).build()).stream()
        .limit(limit).toList();
    out.printf("%-28s %-14s %-19s %9s  %s%n", "job", "run", "started", "duration", "result");
    Map<String, Integer> counts = new TreeMap<>();
    for (BaseRun r : runs) {
      String result = r.state() == null || r.state().resultState() == null ? "?" : r.state().resultState().toString();
      counts.merge(result, 1, Integer::sum);
      long ms = r.runDuration() != null && r.runDuration() > 0 ? r.runDuration()
          : r.endTime() != null && r.startTime() != null ? r.endTime() - r.startTime() : 0;
      out.printf("%-28s %-14s %-19s %8.1fs  %s%n", truncate(jobNames.getOrDefault(r.jobId(), r.runName()), 28),
          r.runId(), r.startTime() == null ? "" : TIME.format(Instant.ofEpochMilli(r.startTime())), ms / 1000.0, result);
    }
    out.println(runs.size() + " run(s): " + counts);
    return counts;
  }

  private static String truncate(String s, int n) {
    String v = s == null ? "" : s;
    return v.length() <= n ? v : v.substring(0, n - 1) + "…";
  }

  /** A succeeding and a failing job, run to their end, so that there is something to summarize. */
  static void runDemoJobs(WorkspaceClient w) {
    for (String name : List.of("nightly-etl", "report-that-fails")) {
      long jobId = w.jobs().create(CreateJob.builder().name(name).tasks(List.of(Task.builder().taskKey("main")
          .notebookTask(NotebookTask.builder().notebookPath("/Shared/examples/" + name).build()).build())).build()).jobId();
      for (int i = 0; i < 2; i++) {
        w.jobs().runNowAndWait(RunNow.builder().jobId(jobId).build(), Duration.ofMinutes(2));
      }
    }
  }
}
