package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.Job;
import io.databricks4j.service.jobs.JobCluster;
import io.databricks4j.service.jobs.JobEnvironment;
import io.databricks4j.service.jobs.JobParameterDefinition;
import io.databricks4j.service.jobs.ListJobsRequest;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.RepairHistoryItem;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunTask;
import io.databricks4j.service.jobs.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs and runs of more than 100 tasks: the service answers 100 a page with has_more and a token,
 * as Databricks does; the testkit answers whole jobs, so a fixture of our own pages them.
 */
class JobsPagingTest {
  private static final int PAGE = 100;
  private JsonFixture api;
  private WorkspaceClient w;

  @BeforeEach
  void start() {
    api = new JsonFixture();
    w = api.client(null);
  }

  @AfterEach
  void stop() {
    w.close();
    api.close();
  }

  private static List<Map<String, Object>> items(String key, String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> Map.<String, Object>of(key, prefix + i)).toList();
  }

  private static int page(JsonFixture.Request r) {
    String t = r.param("page_token");
    return t == null ? 0 : Integer.parseInt(t.substring(1));
  }

  /** Page {@code p} of {@code n} items: a slice, plus the token of the next page while there is one. */
  private static void paged(Map<String, Object> out, int p, int n, String field, List<Map<String, Object>> all) {
    out.put(field, all.subList(Math.min(all.size(), p * PAGE), Math.min(all.size(), (p + 1) * PAGE)));
    if ((p + 1) * PAGE < n) {
      out.put("has_more", true);
      out.put("next_page_token", "p" + (p + 1));
    }
  }

  @Test
  void getReturnsEveryTaskJobClusterParameterAndEnvironmentOfEveryPage() {
    int tasks = 250;
    List<Map<String, Object>> allTasks = items("task_key", "t", 0, tasks);
    api.on("GET /api/2.2/jobs/get", r -> {
      int p = page(r);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("name", "big");
      Map<String, Object> job = new LinkedHashMap<>(Map.of("job_id", 7, "settings", settings));
      paged(job, p, tasks, "ignored", allTasks);
      settings.put("tasks", job.remove("ignored"));
      settings.put("job_clusters", items("job_cluster_key", "c", p * 2, p * 2 + 2));
      if (p < 2) {
        settings.put("parameters", items("name", "param", p, p + 1));
        settings.put("environments", items("environment_key", "env", p, p + 1));
      }
      return job;
    });

    Job job = w.jobs().get(7L);

    assertThat(job.settings().tasks()).extracting(Task::taskKey)
        .containsExactlyElementsOf(IntStream.range(0, tasks).mapToObj(i -> "t" + i).toList());
    assertThat(job.settings().jobClusters()).extracting(JobCluster::jobClusterKey)
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
    assertThat(job.settings().parameters()).extracting(JobParameterDefinition::name).containsExactly("param0", "param1");
    assertThat(job.settings().environments()).extracting(JobEnvironment::environmentKey).containsExactly("env0", "env1");
    assertThat(job.nextPageToken()).isNull();
    assertThat(job.hasMore()).isFalse();
    assertThat(api.requests("GET /api/2.2/jobs/get")).extracting(r -> r.param("page_token"))
        .containsExactly(null, "p1", "p2");
  }

  @Test
  void getRunReturnsEveryTaskAndEveryJobClusterParameterAndRepair() {
    int tasks = 205;
    List<Map<String, Object>> allTasks = new ArrayList<>();
    IntStream.range(0, tasks).forEach(i -> allTasks.add(Map.of("task_key", "t" + i, "run_id", 1000 + i)));
    api.on("GET /api/2.2/jobs/runs/get", r -> {
      int p = page(r);
      Map<String, Object> run = new LinkedHashMap<>(Map.of("run_id", 9, "job_id", 7));
      paged(run, p, tasks, "tasks", allTasks);
      run.put("job_clusters", items("job_cluster_key", "c", p, p + 1));
      run.put("job_parameters", items("name", "param", p, p + 1));
      run.put("repair_history", List.of(Map.of("id", p)));
      return run;
    });

    Run run = w.jobs().getRun(9L);

    assertThat(run.tasks()).hasSize(tasks).extracting(RunTask::taskKey).startsWith("t0", "t1").endsWith("t204")
        .doesNotHaveDuplicates();
    assertThat(run.iterations()).isNull();
    assertThat(run.jobClusters()).extracting(JobCluster::jobClusterKey).containsExactly("c0", "c1", "c2");
    assertThat(run.jobParameters()).hasSize(3);
    assertThat(run.repairHistory()).extracting(RepairHistoryItem::id).containsExactly(0L, 1L, 2L);
    assertThat(run.nextPageToken()).isNull();
  }

  @Test
  void getRunOfAForEachTaskReturnsEveryIteration() {
    int iterations = 321;
    List<Map<String, Object>> all = new ArrayList<>();
    IntStream.range(0, iterations).forEach(i -> all.add(Map.of("task_key", "loop", "run_id", 5000 + i)));
    api.on("GET /api/2.2/jobs/runs/get", r -> {
      int p = page(r);
      // the run of a for-each task: one task (the loop itself) on every page, iterations paged
      Map<String, Object> run = new LinkedHashMap<>(Map.of("run_id", 11,
          "tasks", List.of(Map.of("task_key", "loop", "run_id", 11))));
      paged(run, p, iterations, "iterations", all);
      return run;
    });

    Run run = w.jobs().getRun(11L);

    assertThat(run.iterations()).hasSize(iterations).extracting(RunTask::runId).doesNotHaveDuplicates()
        .startsWith(5000L).endsWith(5320L);
    assertThat(run.tasks()).extracting(RunTask::taskKey).containsExactly("loop");
  }

  @Test
  void listsWithExpandedTasksFetchWholeJobsAndRunsThatHaveMore() {
    api.on("GET /api/2.2/jobs/list", r -> Map.of("jobs", List.of(
        Map.of("job_id", 1, "settings", Map.of("name", "small", "tasks", items("task_key", "s", 0, 2))),
        Map.of("job_id", 2, "has_more", true, "settings", Map.of("name", "big", "tasks", items("task_key", "b", 0, PAGE))))));
    api.on("GET /api/2.2/jobs/get", r -> {
      Map<String, Object> job = new LinkedHashMap<>(Map.of("job_id", 2));
      Map<String, Object> settings = new LinkedHashMap<>(Map.of("name", "big"));
      paged(settings, page(r), 150, "tasks", items("task_key", "b", 0, 150));
      job.put("settings", settings);
      if (settings.containsKey("next_page_token")) {
        job.put("next_page_token", settings.remove("next_page_token"));
        job.put("has_more", settings.remove("has_more"));
      }
      return job;
    });
    api.on("GET /api/2.2/jobs/runs/list", r -> Map.of("runs", List.of(
        Map.of("run_id", 3, "has_more", true, "tasks", items("task_key", "r", 0, PAGE)))));
    api.on("GET /api/2.2/jobs/runs/get", r -> {
      Map<String, Object> run = new LinkedHashMap<>(Map.of("run_id", 3));
      paged(run, page(r), 120, "tasks", items("task_key", "r", 0, 120));
      return run;
    });

    List<BaseJob> jobs = w.jobs().list(ListJobsRequest.builder().expandTasks(true).build()).stream().toList();
    assertThat(jobs.get(0).settings().tasks()).hasSize(2);
    assertThat(jobs.get(1).settings().tasks()).hasSize(150);
    assertThat(jobs.get(1).hasMore()).isFalse();
    List<BaseRun> runs = w.jobs().listRuns(ListRunsRequest.builder().expandTasks(true).build()).stream().toList();
    assertThat(runs.get(0).tasks()).hasSize(120);

    // without expand_tasks nothing more is fetched
    api.requests.clear();
    w.jobs().list(ListJobsRequest.builder().build()).stream().toList();
    assertThat(api.requests).extracting(JsonFixture.Request::path).containsExactly("/api/2.2/jobs/list");
  }
}
