package io.databricks4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.ErrorResponse;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.mixin.compute.ClustersExt;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ClustersApi;
import io.databricks4j.service.compute.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service classes are what a user mocks, and a client hands the mock out. Mock the class the
 * accessor returns: {@code ClustersExt} for {@code clusters()}, which has hand-written helpers.
 */
class MockingTest {

  /** Code under test in a user's project. */
  static String describe(WorkspaceClient w, String clusterId) {
    try {
      ClusterDetails c = w.clusters().get(clusterId);
      return c.clusterName() + " is " + c.state();
    } catch (ResourceDoesNotExist e) {
      return clusterId + " is gone";
    }
  }

  @Test
  void aMockedServiceIsInjectedIntoTheClient() {
    ClustersExt clusters = mock(ClustersExt.class);
    when(clusters.get("0123-abc")).thenReturn(ClusterDetails.builder().clusterName("etl").state(State.RUNNING).build());
    when(clusters.get("0123-old")).thenThrow(new ResourceDoesNotExist(ErrorResponse.builder().statusCode(404).message("gone").build()));
    WorkspaceClient w = WorkspaceClient.builder()
        .config(DatabricksConfig.builder().environment(Environment.of(Map.of(), Path.of("/nonexistent"))).build())
        .service(ClustersExt.class, clusters)
        .build();

    assertThat(describe(w, "0123-abc")).isEqualTo("etl is RUNNING");
    assertThat(describe(w, "0123-old")).isEqualTo("0123-old is gone");
    verify(clusters).get("0123-abc");
    assertThat(w.clusters()).isSameAs(clusters);
  }

  @Test
  void buildingAClientBuildsNoServiceUntilAsked() {
    WorkspaceClient w = WorkspaceClient.builder()
        .config(DatabricksConfig.builder().environment(Environment.of(Map.of(), Path.of("/nonexistent"))).host("h.cloud.databricks.com").token("t").build())
        .build();
    ClustersExt first = w.clusters();
    assertThat(w.clusters()).isSameAs(first);
    assertThat(w.jobs()).isNotNull();
    mock(ClustersExt.class, any -> null); // mocking needs no special constructor
  }

  @Test
  void aMockUnderTheWrongClassFailsLoudly() {
    ClustersApi base = mock(ClustersApi.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkspaceClient.builder()
            .config(DatabricksConfig.builder().environment(Environment.of(Map.of(), Path.of("/nonexistent"))).build())
            .service(ClustersApi.class, base)
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hands it out as ClustersExt");
  }
}
