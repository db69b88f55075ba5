package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.Loopback.Answer;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.wait.WaitFailedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A generated waiter that reaches a failure state (reaching the target is in GeneratedServicesHttpTest). */
class WaitFailureHttpTest {
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
  void createAndWaitFailsWithTheStateMessageWhenTheClusterReachesError() {
    server.on("POST /api/2.1/clusters/create", "{\"cluster_id\":\"c9\"}");
    server.on("GET /api/2.1/clusters/get",
        Answer.json("{\"cluster_id\":\"c9\",\"state\":\"PENDING\"}"),
        Answer.json("{\"cluster_id\":\"c9\",\"state\":\"ERROR\",\"state_message\":\"no capacity in the zone\"}"));

    assertThatThrownBy(() -> w.clusters().createAndWait(
        CreateCluster.builder().sparkVersion("15.4.x").build(), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(WaitFailedException.class, e -> {
          assertThat(e.state()).isEqualTo("ERROR");
          assertThat(e).hasMessageContaining("c9").hasMessageContaining("no capacity in the zone");
          assertThat(e.lastSeen()).get().isInstanceOfSatisfying(ClusterDetails.class,
              c -> assertThat(c.clusterId()).isEqualTo("c9"));
        });
    assertThat(server.seen).extracting(Loopback.Seen::rawQuery).containsExactly(null, "cluster_id=c9", "cluster_id=c9");
  }
}
