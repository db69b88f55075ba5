package io.databricks4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.it.support.Clients;
import io.databricks4j.it.support.Recorder;
import io.databricks4j.it.support.Report;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.ListJobsRequest;
import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.FaultPlan.Fault;
import io.databricks4j.testkit.FaultRule;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline against every fault of the testkit's plan, over loopback HTTP, with a one-second
 * {@code http_timeout_seconds}, a fast backoff and a wall-time cap: idempotent reads never surface
 * a fault, and creations that may have been carried out are never sent twice.
 */
class FaultToleranceTest {
  private static final int THREADS = 8;
  private static final Duration STALL = Duration.ofMillis(1_500);

  /** Every kind of fault, about 20% of attempts in all. */
  private static FaultRule.Builder everyKind(String pathRegex) {
    FaultRule.Builder rule = FaultRule.forPaths(pathRegex).retryAfter(Duration.ofSeconds(1)).stall(STALL);
    for (Fault kind : List.of(Fault.TOO_MANY_REQUESTS, Fault.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER, Fault.UNAVAILABLE,
        Fault.UNAVAILABLE_WITH_RETRY_AFTER, Fault.INTERNAL_ERROR, Fault.BAD_GATEWAY, Fault.GATEWAY_TIMEOUT,
        Fault.CONNECTION_RESET, Fault.DROPPED_AFTER_PROCESSING, Fault.TRUNCATED_BODY, Fault.TRUNCATED_CHUNKED_BODY)) {
      rule.fault(kind, 1.5);
    }
    return rule.fault(Fault.STALLED_HEADERS, 1).fault(Fault.STALLED_BODY, 1).fault(Fault.CLOSED_AFTER_ANSWER, 2);
  }

  private static WorkspaceClient client(LocalWorkspace ws, String transport, Recorder recorder) {
    return new WorkspaceClient(ws.configBuilder().set("http_transport", transport).httpTimeoutSeconds(1)
        .retryTimeoutSeconds(30).httpOptions(Clients.fastRetries(recorder).build()).build());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aThousandGetsWithEveryKindOfFaultInTwentyPercentOfAttemptsSurfaceNoError(String transport) throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.builder().pageSize(100).start()) {
      Recorder recorder = Recorder.counting();
      try (WorkspaceClient w = client(ws, transport, recorder)) {
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          clusters.add(w.clusters().create(CreateCluster.builder().clusterName("c" + i).sparkVersion("15.4.x-scala2.12")
              .numWorkers(0L).build()).response().clusterId());
        }
        ws.faults().seed(13).add(everyKind("/api/2\\.[01]/clusters/get").methods("GET").build());
        long before = recorder.attempts();
        long retriesBefore = recorder.retries();
        long start = System.nanoTime();

        List<String> errors = runAll(1000, n -> {
          String id = clusters.get(n % clusters.size());
          assertThat(w.clusters().get(id).clusterId()).isEqualTo(id);
        });

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<Fault, Long> injected = injected(ws.faults());
        long faults = injected.values().stream().mapToLong(Long::longValue).sum();
        long attempts = recorder.attempts() - before;
        Report.line("fault test, " + transport + ": 1000 clusters.get on " + THREADS + " threads in " + took.toMillis()
            + " ms, " + attempts + " attempts, " + (recorder.retries() - retriesBefore) + " retries, " + faults
            + " faults injected (" + String.format("%.1f", 100.0 * faults / attempts) + "% of attempts) " + injected
            + ", errors surfaced: " + errors.size());
        assertThat(errors).as("errors that reached the caller").isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(120));
        assertThat(injected.keySet()).as("every kind was injected")
            .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Fault.LATENCY)));
        assertThat(100.0 * faults / attempts).isBetween(12.0, 28.0);
        assertThat(ws.internalErrors()).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoHundredJobCreationsWithFaultsAfterTheServerCarriedThemOutCreateNoDuplicate(String transport) throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.builder().pageSize(100).start()) {
      Recorder recorder = Recorder.counting();
      try (WorkspaceClient w = client(ws, transport, recorder)) {
        // mostly faults after the job was created; throttling and a reset before, which may be retried or not
        ws.faults().seed(29).add(FaultRule.forPaths("/api/2\\.[0-2]/jobs/create").methods("POST")
            .retryAfter(Duration.ofSeconds(1)).stall(STALL)
            .fault(Fault.DROPPED_AFTER_PROCESSING, 5).fault(Fault.TRUNCATED_BODY, 4)
            .fault(Fault.TRUNCATED_CHUNKED_BODY, 4).fault(Fault.STALLED_HEADERS, 3).fault(Fault.STALLED_BODY, 2)
            .fault(Fault.CLOSED_AFTER_ANSWER, 2).fault(Fault.TOO_MANY_REQUESTS, 1).fault(Fault.UNAVAILABLE, 1)
            .fault(Fault.CONNECTION_RESET, 1).build());
        Map<Integer, String> failed = new ConcurrentHashMap<>();
        long start = System.nanoTime();

        runAll(200, n -> {
          try {
            w.jobs().create(CreateJob.builder().name("job-" + n).build());
          } catch (RuntimeException e) {
            failed.put(n, e.getMessage());
          }
        });

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<Fault, Long> injected = injected(ws.faults());
        ws.faults().clear();
        Map<String, Integer> byName = new TreeMap<>();
        for (BaseJob job : w.jobs().list(ListJobsRequest.builder().limit(100L).build())) {
          byName.merge(job.settings().name(), 1, Integer::sum);
        }
        long duplicates = byName.values().stream().filter(c -> c > 1).count();
        long createdDespiteError = failed.keySet().stream().filter(n -> byName.containsKey("job-" + n)).count();
        Report.line("duplicate test, " + transport + ": 200 jobs.create in " + took.toMillis() + " ms, "
            + recorder.retries() + " retries, faults injected " + injected + ", errors surfaced: " + failed.size()
            + " (of which the server had created " + createdDespiteError + "), jobs: " + byName.size()
            + ", duplicates: " + duplicates);
        assertThat(duplicates).as("names created more than once").isZero();
        assertThat(byName.keySet()).as("every call that succeeded created its job")
            .containsAll(java.util.stream.IntStream.range(0, 200).filter(n -> !failed.containsKey(n))
                .mapToObj(n -> "job-" + n).toList());
        assertThat(createdDespiteError).as("faults struck after the server had created the job").isPositive();
        assertThat(failed.values()).as("a POST lost after sending is reported, not resent")
            .allSatisfy(m -> assertThat(m).containsAnyOf("may have been carried out", "the connection was lost"));
        assertThat(took).isLessThan(Duration.ofSeconds(120));
        assertThat(ws.internalErrors()).isZero();
      }
    }
  }

  /** The kinds injected and how often; kinds not injected are left out. */
  private static Map<Fault, Long> injected(FaultPlan plan) {
    Map<Fault, Long> out = new EnumMap<>(Fault.class);
    for (Fault f : Fault.values()) {
      if (f != Fault.LATENCY && plan.injected(f) > 0) {
        out.put(f, plan.injected(f));
      }
    }
    return out;
  }

  /** Runs {@code calls} calls on {@link #THREADS} threads; the messages of the calls that threw. */
  private static List<String> runAll(int calls, IntConsumer call) throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          try {
            call.accept(n);
          } catch (RuntimeException | AssertionError e) {
            errors.add(e.toString());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(150, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return errors;
  }
}
