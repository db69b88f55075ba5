package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.core.Json;
import io.databricks4j.core.http.QueryParams;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.GetClusterPermissionLevelsRequest;
import io.databricks4j.service.compute.ListClustersFilterBy;
import io.databricks4j.service.compute.State;
import io.databricks4j.service.workspace.PutSecret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generated models: builder-based JSON, wire names, tolerant reading, masked secrets. */
class ModelJsonTest {
  private final ObjectMapper json = Json.mapper();

  @Test
  void readsThroughTheBuilderIgnoringUnknownFields() throws Exception {
    ClusterDetails c = json.readValue(
        "{\"cluster_id\":\"c\",\"state\":\"RUNNING\",\"spark_conf\":{\"a\":\"b\"},\"autoscale\":{\"min_workers\":1},\"x\":[1]}",
        ClusterDetails.class);

    assertThat(c.clusterId()).isEqualTo("c");
    assertThat(c.state()).isSameAs(State.RUNNING);
    assertThat(c.sparkConf()).containsEntry("a", "b");
    assertThat(c.autoscale().minWorkers()).isEqualTo(1L);
    assertThat(c).isEqualTo(c.toBuilder().build()).hasSameHashCodeAs(c.toBuilder().build());
  }

  @Test
  void anEnumValueAddedToTheApiLaterRoundTripsUnchanged() throws Exception {
    String in = "{\"cluster_id\":\"c\",\"state\":\"HIBERNATING\"}";
    ClusterDetails c = json.readValue(in, ClusterDetails.class);

    assertThat(c.state().value()).isEqualTo("HIBERNATING");
    assertThat(c.state()).hasToString("HIBERNATING").isEqualTo(State.of("HIBERNATING"));
    assertThat(c.state().known()).isEmpty();
    assertThat(State.values()).isNotEmpty().allSatisfy(known -> assertThat(c.state()).isNotEqualTo(known));
    assertThat(c).hasToString("ClusterDetails{clusterId=c, state=HIBERNATING}");
    assertThat(json.readTree(json.writeValueAsString(c.toBuilder().clusterName("n").build())))
        .isEqualTo(json.readTree("{\"cluster_id\":\"c\",\"cluster_name\":\"n\",\"state\":\"HIBERNATING\"}"));
  }

  @Test
  void knownEnumValuesAreTheirConstantsAndSwitchable() throws Exception {
    State running = json.readValue("\"RUNNING\"", State.class);
    assertThat(running).isSameAs(State.RUNNING).isSameAs(State.of("RUNNING"));
    // UNKNOWN is a value of the API, not the catch-all
    assertThat(State.of("UNKNOWN").known()).contains(State.Known.UNKNOWN);
    String seen = switch (running.known().orElseThrow()) {
      case RUNNING -> "up";
      default -> "other";
    };
    assertThat(seen).isEqualTo("up");
    assertThat(json.writeValueAsString(List.of(State.TERMINATED, State.of("NEW")))).isEqualTo("[\"TERMINATED\",\"NEW\"]");
  }

  @Test
  void pathAndQueryFieldsStayOutOfTheBody() throws Exception {
    assertThat(json.writeValueAsString(GetClusterPermissionLevelsRequest.builder().clusterId("c").build())).isEqualTo("{}");
  }

  @Test
  void objectsUsedAsQueryValuesFlattenByWireName() {
    Map<String, Object> q = QueryParams.create()
        .add("filter_by", ListClustersFilterBy.builder().isPinned(true).clusterStates(List.of(State.RUNNING, State.PENDING)).build())
        .toMap();

    assertThat(q).containsEntry("filter_by.is_pinned", "true")
        .containsEntry("filter_by.cluster_states", List.of("RUNNING", "PENDING"));
  }

  @Test
  void sensitiveFieldsPrintMasked() {
    assertThat(PutSecret.builder().scope("s").key("k").stringValue("hunter2").build())
        .hasToString("PutSecret{key=k, scope=s, stringValue=***}");
  }

  @Test
  void collectionsAreCopiedAndUnmodifiable() {
    java.util.ArrayList<String> keys = new java.util.ArrayList<>(List.of("a"));
    ClusterDetails c = ClusterDetails.builder().sshPublicKeys(keys).build();
    keys.add("b");

    assertThat(c.sshPublicKeys()).containsExactly("a");
    assertThat(c.sshPublicKeys()).isUnmodifiable();
  }
}
