package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.compute.ClusterAccessControlRequest;
import io.databricks4j.service.compute.ClusterPermissionLevel;
import io.databricks4j.service.compute.ClusterPermissionsRequest;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.files.UploadRequest;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.FaultRule;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's retries against the fault plan: faults are injected before a request is served, so a
 * retried request never does its work twice. Bounded: a fixed number of calls on a fixed pool.
 */
class SdkResilienceTest {
  private static final int THREADS = 64;
  private LocalWorkspace ws;
  private WorkspaceClient w;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().pageSize(5).start();
    w = new WorkspaceClient(ws.configBuilder().retryTimeoutSeconds(120).build());
  }

  @AfterEach
  void stop() {
    w.close();
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private static void runAll(int calls, java.util.function.IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        futures.add(pool.submit(() -> call.accept(n)));
      }
      for (Future<?> f : futures) {
        f.get(150, TimeUnit.SECONDS); // rethrows the first error the SDK surfaced
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThousandIdempotentCallsWithTwentyPercentFaultsAllSucceed() throws Exception {
    List<String> clusters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clusters.add(w.clusters().create(CreateCluster.builder().clusterName("c" + i).sparkVersion("15.4.x-scala2.12")
          .numWorkers(0L).build()).response().clusterId());
    }
    w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default").name("v")
        .volumeType(VolumeType.MANAGED).build());
    for (int i = 0; i < 10; i++) {
      w.files().upload(UploadRequest.builder().filePath("/Volumes/main/default/v/f" + i + ".txt").overwrite(true)
          .contents(new ByteArrayInputStream(("content " + i).getBytes(StandardCharsets.UTF_8))).build());
    }
    ws.faults().seed(2024).add(FaultRule.forPaths("/api/.*").tooManyRequests(7).unavailable(7).connectionReset(6)
        .retryAfter(Duration.ofSeconds(1)).build());
    AtomicInteger listed = new AtomicInteger();
    runAll(1000, n -> {
      String cluster = clusters.get(n % clusters.size());
      switch (n % 5) {
        case 0 -> w.clusters().setPermissions(ClusterPermissionsRequest.builder().clusterId(cluster)
            .accessControlList(List.of(ClusterAccessControlRequest.builder().userName("u" + (n % 7) + "@example.com")
                .permissionLevel(ClusterPermissionLevel.CAN_RESTART).build())).build());
        case 1 -> assertThat(w.clusters().get(cluster).clusterId()).isEqualTo(cluster);
        case 2 -> {
          int count = 0;
          for (var c : w.clusters().list(ListClustersRequest.builder().build())) {
            count++;
          }
          listed.addAndGet(count);
        }
        case 3 -> assertThat(w.files().getMetadata("/Volumes/main/default/v/f" + (n % 10) + ".txt").contentLength())
            .isPositive();
        default -> {
          try (InputStream in = w.files().download("/Volumes/main/default/v/f" + (n % 10) + ".txt").contents()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("content " + (n % 10));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    });
    FaultPlan faults = ws.faults();
    long injected = faults.injected(FaultPlan.Fault.TOO_MANY_REQUESTS) + faults.injected(FaultPlan.Fault.UNAVAILABLE)
        + faults.injected(FaultPlan.Fault.CONNECTION_RESET);
    assertThat(injected).isGreaterThan(150);
    assertThat(faults.injected(FaultPlan.Fault.CONNECTION_RESET)).isPositive();
    faults.clear();
    assertThat(listed.get()).isEqualTo(200 * clusters.size());
    List<String> all = new ArrayList<>();
    w.clusters().list(ListClustersRequest.builder().build()).forEach(c -> all.add(c.clusterId()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(clusters);
  }

  @Test
  void createsRetriedOnThrottlingAndUnavailabilityAreNeverDuplicated() throws Exception {
    ws.faults().seed(99).add(FaultRule.forPaths("/api/.*").tooManyRequests(10).unavailable(10).build());
    runAll(200, n -> w.clusters().create(CreateCluster.builder().clusterName("dup-check-" + n)
        .sparkVersion("15.4.x-scala2.12").numWorkers(0L).build()));
    w.secrets().createScope(CreateScope.builder().scope("s").build());
    runAll(100, n -> w.secrets().putSecret(PutSecret.builder().scope("s").key("k" + n).stringValue("v").build()));
    assertThat(ws.faults().injected(FaultPlan.Fault.UNAVAILABLE)).isPositive();
    ws.faults().clear();
    List<String> names = new ArrayList<>();
    w.clusters().list(ListClustersRequest.builder().build()).forEach(c -> names.add(c.clusterName()));
    assertThat(names).hasSize(200).doesNotHaveDuplicates();
    int secrets = 0;
    for (var s : w.secrets().listSecrets("s")) {
      secrets++;
    }
    assertThat(secrets).isEqualTo(100);
  }
}
