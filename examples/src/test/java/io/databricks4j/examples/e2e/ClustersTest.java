package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.mixin.compute.ClusterStateException;
import io.databricks4j.mixin.compute.NodeTypeQuery;
import io.databricks4j.mixin.compute.SparkVersionQuery;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.State;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Choosing a runtime and a node type, and making a cluster run, against the testkit. */
class ClustersTest {
  private static LocalWorkspace ws;
  private static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(300)).start();
    w = ws.client();
  }

  @AfterAll
  static void stop() {
    w.close();
    ws.close();
  }

  @Test
  void selectsSparkVersionsFromWhatTheWorkspaceOffers() {
    assertThat(w.clusters().selectSparkVersion()).isEqualTo("16.4.x-scala2.12");
    assertThat(w.clusters().selectSparkVersion(SparkVersionQuery.builder().longTermSupport(true).ml(true).build()))
        .isEqualTo("15.4.x-cpu-ml-scala2.12");
    assertThat(w.clusters().selectSparkVersion(SparkVersionQuery.builder().ml(true).gpu(true).build()))
        .isEqualTo("15.4.x-gpu-ml-scala2.12");
    assertThat(w.clusters().selectSparkVersion(SparkVersionQuery.builder().photon(true).scala("2.13").build()))
        .isEqualTo("17.3.x-photon-scala2.13");
    assertThatThrownBy(() -> w.clusters().selectSparkVersion(SparkVersionQuery.builder().graviton(true).build()))
        .isInstanceOf(DatabricksException.class).hasMessageContaining("no Spark version matches")
        .hasMessageContaining("17.3.x-scala2.13");
  }

  @Test
  void selectsTheSmallestNodeTypeThatFits() {
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().localDisk(true).build())).isEqualTo("m5d.large");
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().minMemoryGb(32).build())).isEqualTo("r5d.xlarge");
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().minMemoryGb(48).build())).isEqualTo("i3.2xlarge");
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().minGpus(1).build())).isEqualTo("g4dn.xlarge");
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().category("Storage Optimized").build()))
        .isEqualTo("i3.xlarge");
    assertThat(w.clusters().selectNodeType(NodeTypeQuery.builder().graviton(true).build())).isEqualTo("m6gd.large");
    assertThatThrownBy(() -> w.clusters().selectNodeType(NodeTypeQuery.builder().minCores(64).build()))
        .isInstanceOf(DatabricksException.class).hasMessageContaining("no node type fits NodeTypeQuery{minCores=64}")
        .hasMessageContaining("i3.2xlarge (61 GB, 8 cores");
  }

  private static String create(String name) {
    return w.clusters().create(CreateCluster.builder().clusterName(name).sparkVersion("16.4.x-scala2.12")
        .nodeTypeId("m5d.large").numWorkers(1L).build()).response().clusterId();
  }

  @Test
  void aPendingClusterIsWaitedForAndARunningOneReturnedAtOnce() {
    String id = create("pending");
    assertThat(w.clusters().get(id).state()).isEqualTo(State.PENDING);
    assertThat(w.clusters().ensureClusterIsRunning(id).state()).isEqualTo(State.RUNNING);
    assertThat(w.clusters().ensureClusterIsRunning(id, Duration.ofSeconds(5)).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void aTerminatedClusterIsStarted() {
    String id = create("terminated");
    w.clusters().deleteAndWait(io.databricks4j.service.compute.DeleteCluster.builder().clusterId(id).build());
    assertThat(w.clusters().get(id).state()).isEqualTo(State.TERMINATED);

    ClusterDetails c = w.clusters().ensureClusterIsRunning(id);

    assertThat(c.state()).isEqualTo(State.RUNNING);
    assertThat(w.clusters().get(id).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void aClusterThatCannotStartFailsWithItsStateAndReason() {
    String id = create("will-fail");
    assertThatThrownBy(() -> w.clusters().ensureClusterIsRunning(id))
        .isInstanceOf(ClusterStateException.class)
        .hasMessageContaining("cluster " + id + " (will-fail) cannot be made to run: it is TERMINATED")
        .hasMessageContaining("termination reason")
        .satisfies(e -> assertThat(((ClusterStateException) e).state()).contains(State.TERMINATED));
  }

  @Test
  void aMissingClusterIsTheServicesError() {
    assertThatThrownBy(() -> w.clusters().ensureClusterIsRunning("0000-000000-missing"))
        .isInstanceOf(DatabricksError.class).hasMessageContaining("does not exist");
  }
}
