package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.catalog.ArtifactType;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ListClustersFilterBy;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.compute.State;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Enum values the SDK does not know travel over the wire as sent: paths, queries, waiters. */
class OpenEnumHttpTest {
  private Loopback server;
  private WorkspaceClient w;

  @BeforeEach
  void start() throws Exception {
    server = new Loopback();
    w = new WorkspaceClient(server.client(Map.of()), Map.of());
  }

  @AfterEach
  void stop() {
    w.close();
    server.close();
  }

  @Test
  void pathParametersKeepTheirWireValue() {
    server.on("GET /api/2.1/unity-catalog/artifact-allowlists/LIBRARY_JAR", "{}");
    server.on("GET /api/2.1/unity-catalog/artifact-allowlists/PYTHON_WHEEL", "{}");

    w.artifactAllowlists().get(ArtifactType.LIBRARY_JAR);
    w.artifactAllowlists().get(ArtifactType.of("PYTHON_WHEEL"));

    assertThat(server.seen).extracting(Loopback.Seen::rawPath).containsExactly(
        "/api/2.1/unity-catalog/artifact-allowlists/LIBRARY_JAR",
        "/api/2.1/unity-catalog/artifact-allowlists/PYTHON_WHEEL");
  }

  @Test
  void queryParametersKeepTheirWireValue() {
    server.on("GET /api/2.1/clusters/list", "{\"clusters\":[{\"cluster_id\":\"c1\",\"state\":\"HIBERNATING\"}]}");

    List<ClusterDetails> found = new ArrayList<>();
    w.clusters().list(ListClustersRequest.builder().filterBy(ListClustersFilterBy.builder()
        .clusterStates(List.of(State.RUNNING, State.of("HIBERNATING"))).build()).build()).forEach(found::add);

    assertThat(server.seen).extracting(Loopback.Seen::rawQuery)
        .containsExactly("filter_by.cluster_states=RUNNING&filter_by.cluster_states=HIBERNATING");
    assertThat(found).extracting(c -> c.state().value()).containsExactly("HIBERNATING");
  }

  @Test
  void aWaiterReportsAStateItDoesNotKnowAsTheServiceSentIt() {
    server.on("GET /api/2.1/clusters/get", "{\"cluster_id\":\"c9\",\"state\":\"HIBERNATING\"}");

    List<State> progress = new ArrayList<>();
    assertThatThrownBy(() -> w.clusters().waitGetClusterRunning("c9")
        .get(Duration.ofMillis(1500), c -> progress.add(c.state())))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastState()).contains("HIBERNATING");
          assertThat(e).hasMessageContaining("last state: HIBERNATING")
              .hasMessageContaining("waitGetClusterRunning(clusterId=c9)");
        });
    assertThat(progress).isNotEmpty().allSatisfy(s -> {
      assertThat(s.value()).isEqualTo("HIBERNATING");
      assertThat(s.known()).isEmpty();
    });
  }
}
