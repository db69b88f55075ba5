package io.databricks4j.mixin.jobs;

import io.databricks4j.core.ApiClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.BaseRun;
import io.databricks4j.service.jobs.GetJobRequest;
import io.databricks4j.service.jobs.GetRunRequest;
import io.databricks4j.service.jobs.Job;
import io.databricks4j.service.jobs.JobCluster;
import io.databricks4j.service.jobs.JobEnvironment;
import io.databricks4j.service.jobs.JobParameter;
import io.databricks4j.service.jobs.JobParameterDefinition;
import io.databricks4j.service.jobs.JobSettings;
import io.databricks4j.service.jobs.JobsApi;
import io.databricks4j.service.jobs.ListJobsRequest;
import io.databricks4j.service.jobs.ListRunsRequest;
import io.databricks4j.service.jobs.RepairHistoryItem;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunTask;
import io.databricks4j.service.jobs.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Jobs whose {@link #get(GetJobRequest)} and {@link #getRun(GetRunRequest)} return everything: the
 * service answers at most 100 tasks (or for-each iterations) a call and says {@code has_more}; the
 * pages are fetched here and merged as the official SDKs merge them. Lists with
 * {@code expand_tasks} fetch the whole job or run of any item that {@code has_more}.
 */
public class JobsExt extends JobsApi {
  public JobsExt(ApiClient api) {
    super(api);
  }

  /** The job with all of its tasks, job clusters, parameters and environments. */
  @Override
  public Job get(GetJobRequest request) {
    Job job = super.get(request);
    String token = job.nextPageToken();
    if (empty(token) || job.settings() == null) {
      return job;
    }
    JobSettings s = job.settings();
    Merged<Task> tasks = new Merged<>(s.tasks());
    Merged<JobCluster> clusters = new Merged<>(s.jobClusters());
    Merged<JobParameterDefinition> parameters = new Merged<>(s.parameters());
    Merged<JobEnvironment> environments = new Merged<>(s.environments());
    Set<String> seen = new HashSet<>();
    while (!empty(token)) {
      checkNew(seen, token, "job " + job.jobId());
      Job next = super.get(request.toBuilder().pageToken(token).build());
      JobSettings n = next.settings();
      if (n != null) {
        tasks.add(n.tasks());
        clusters.add(n.jobClusters());
        parameters.add(n.parameters());
        environments.add(n.environments());
      }
      token = next.nextPageToken();
    }
    return job.toBuilder().nextPageToken(null).hasMore(job.hasMore() == null ? null : false)
        .settings(s.toBuilder().tasks(tasks.list()).jobClusters(clusters.list()).parameters(parameters.list())
            .environments(environments.list()).build())
        .build();
  }

  /**
   * The run with all of its tasks (or, for a for-each task's run, all of its iterations), job
   * clusters, job parameters and repair history.
   */
  @Override
  public Run getRun(GetRunRequest request) {
    Run run = super.getRun(request);
    String token = run.nextPageToken();
    if (empty(token)) {
      return run;
    }
    // a for-each task's run pages its iterations; a job run pages its tasks
    boolean iterations = run.iterations() != null && !run.iterations().isEmpty();
    Merged<RunTask> items = new Merged<>(iterations ? run.iterations() : run.tasks());
    Merged<JobCluster> clusters = new Merged<>(run.jobClusters());
    Merged<JobParameter> parameters = new Merged<>(run.jobParameters());
    Merged<RepairHistoryItem> repairs = new Merged<>(run.repairHistory());
    Set<String> seen = new HashSet<>();
    while (!empty(token)) {
      checkNew(seen, token, "run " + run.runId());
      Run next = super.getRun(request.toBuilder().pageToken(token).build());
      items.add(iterations ? next.iterations() : next.tasks());
      clusters.add(next.jobClusters());
      parameters.add(next.jobParameters());
      repairs.add(next.repairHistory());
      token = next.nextPageToken();
    }
    Run.Builder b = run.toBuilder().nextPageToken(null).hasMore(run.hasMore() == null ? null : false)
        .jobClusters(clusters.list()).jobParameters(parameters.list()).repairHistory(repairs.list());
    return (iterations ? b.iterations(items.list()) : b.tasks(items.list())).build();
  }

  /** Jobs; with {@code expand_tasks}, a job that has more than a page of tasks is fetched whole. */
  @Override
  public PagedIterable<BaseJob> list(ListJobsRequest request) {
    PagedIterable<BaseJob> jobs = super.list(request);
    if (!Boolean.TRUE.equals(request.expandTasks())) {
      return jobs;
    }
    return mapped(jobs, j -> {
      if (!Boolean.TRUE.equals(j.hasMore()) || j.jobId() == null) {
        return j;
      }
      return j.toBuilder().settings(get(j.jobId()).settings()).hasMore(false).build();
    });
  }

  /** Runs; with {@code expand_tasks}, a run that has more than a page of tasks is fetched whole. */
  @Override
  public PagedIterable<BaseRun> listRuns(ListRunsRequest request) {
    PagedIterable<BaseRun> runs = super.listRuns(request);
    if (!Boolean.TRUE.equals(request.expandTasks())) {
      return runs;
    }
    return mapped(runs, r -> {
      if (!Boolean.TRUE.equals(r.hasMore()) || r.runId() == null) {
        return r;
      }
      Run full = getRun(r.runId());
      return r.toBuilder().tasks(full.tasks()).jobClusters(full.jobClusters()).jobParameters(full.jobParameters())
          .repairHistory(full.repairHistory()).hasMore(false).build();
    });
  }

  private static <T> PagedIterable<T> mapped(PagedIterable<T> source, Function<T, T> f) {
    return () -> {
      Iterator<T> it = source.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return f.apply(it.next());
        }
      };
    };
  }

  private static boolean empty(String token) {
    return token == null || token.isEmpty();
  }

  private static void checkNew(Set<String> seen, String token, String what) {
    if (!seen.add(token)) {
      throw new DatabricksException("the service returned the page token '" + token + "' of " + what
          + " a second time; stopped to avoid an endless loop (" + seen.size() + " pages read)");
    }
  }

  /** A list being merged from pages; null while no page had any. */
  private static final class Merged<T> {
    private List<T> items;

    Merged(List<T> first) {
      add(first);
    }

    void add(List<T> page) {
      if (page != null) {
        if (items == null) {
          items = new ArrayList<>();
        }
        items.addAll(page);
      }
    }

    List<T> list() {
      return items;
    }
  }
}
