package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.sql.CreateWarehouseRequest;
import io.databricks4j.service.sql.EditWarehouseRequest;
import io.databricks4j.service.sql.EndpointConfPair;
import io.databricks4j.service.sql.EndpointInfo;
import io.databricks4j.service.sql.GetWarehouseResponse;
import io.databricks4j.service.sql.GetWorkspaceWarehouseConfigResponseSecurityPolicy;
import io.databricks4j.service.sql.ListWarehousesRequest;
import io.databricks4j.service.sql.SetWorkspaceWarehouseConfigRequest;
import io.databricks4j.service.sql.SetWorkspaceWarehouseConfigRequestSecurityPolicy;
import io.databricks4j.service.sql.State;
import io.databricks4j.service.sql.Status;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.wait.WaitFailedException;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL warehouses through the SDK: CRUD and paging, and the start, stop, failure and time-out paths
 * of the waiters. A state change takes 300 ms, so a waiter sees the state in between.
 */
class SdkWarehousesTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2)
      .clusterStartDelay(Duration.ofMillis(300)));
  private static WorkspaceClient w;

  @BeforeAll
  static void client(LocalWorkspace ws) {
    w = ws.client();
  }

  @AfterAll
  static void close(LocalWorkspace ws) {
    w.close();
    assertThat(ws.internalErrors()).isZero();
  }

  private static String warehouse(String name) {
    return w.warehouses().create(CreateWarehouseRequest.builder().name(name).clusterSize("2X-Small")
        .autoStopMins(10L).build()).response().id();
  }

  @Test
  void stopAndStartWaitThroughStoppingAndStartingToTheirStates() {
    String id = warehouse("stop-start");
    List<State> seen = new ArrayList<>();
    GetWarehouseResponse stopped = w.warehouses().stop(id).get(WAIT, r -> seen.add(r.state()));
    assertThat(stopped.state()).isEqualTo(State.STOPPED);
    assertThat(stopped.numClusters()).isZero();
    assertThat(seen).containsExactly(State.STOPPING, State.STOPPED);

    seen.clear();
    GetWarehouseResponse running = w.warehouses().start(id).get(WAIT, r -> seen.add(r.state()));
    assertThat(running.state()).isEqualTo(State.RUNNING);
    assertThat(running.numClusters()).isEqualTo(1L);
    assertThat(running.health().status()).isEqualTo(Status.HEALTHY);
    assertThat(seen).containsExactly(State.STARTING, State.RUNNING);
  }

  @Test
  void aWarehouseThatCannotStartEndsTheWaiterWithItsHealth() {
    String id = warehouse("will-fail");
    assertThatThrownBy(() -> w.warehouses().waitGetWarehouseRunning(id, WAIT))
        .isInstanceOfSatisfying(WaitFailedException.class, e -> {
          assertThat(e.state()).isEqualTo("STOPPED");
          assertThat(e.lastSeen()).get().isInstanceOfSatisfying(GetWarehouseResponse.class,
              r -> assertThat(r.health().status()).isEqualTo(Status.FAILED));
        })
        .hasMessageContaining("Warehouse failed to start");
  }

  @Test
  void aWaitThatRunsOutOfTimeCarriesTheLastState() {
    String id = warehouse("slow");
    assertThatThrownBy(() -> w.warehouses().waitGetWarehouseRunning(id, Duration.ofMillis(50)))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastState()).contains("STARTING");
          assertThat(e.lastSeen()).get().isInstanceOf(GetWarehouseResponse.class);
        });
  }

  @Test
  void warehousesAreReadListedOverThreePagesEditedAndDeleted() {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> warehouse("paged-" + i)).toList();
    GetWarehouseResponse read = w.warehouses().get(ids.get(1));
    assertThat(read.name()).isEqualTo("paged-1");
    assertThat(read.clusterSize()).isEqualTo("2X-Small");
    assertThat(read.creatorName()).isEqualTo(LocalWorkspace.DEFAULT_USER);
    assertThat(read.jdbcUrl()).contains(ids.get(1));
    assertThat(read.odbcParams().path()).isEqualTo("/sql/1.0/warehouses/" + ids.get(1));

    assertThat(w.warehouses().listPage(ListWarehousesRequest.builder().build()).nextPageToken()).isNotBlank();
    List<String> listed = w.warehouses().list(ListWarehousesRequest.builder().build()).stream()
        .filter(e -> e.name().startsWith("paged-")).map(EndpointInfo::id).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

    w.warehouses().edit(EditWarehouseRequest.builder().id(ids.get(0)).name("edited").clusterSize("Medium")
        .maxNumClusters(3L).build());
    GetWarehouseResponse edited = w.warehouses().get(ids.get(0));
    assertThat(edited.name()).isEqualTo("edited");
    assertThat(edited.clusterSize()).isEqualTo("Medium");
    assertThat(edited.maxNumClusters()).isEqualTo(3L);

    w.warehouses().delete(ids.get(4));
    assertThat(w.warehouses().get(ids.get(4)).state()).isEqualTo(State.DELETED);
    assertThat(w.warehouses().list(ListWarehousesRequest.builder().build()).stream().map(EndpointInfo::id))
        .doesNotContain(ids.get(4));
    assertThatThrownBy(() -> w.warehouses().start(ids.get(4))).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.warehouses().get("0123456789abcdef")).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void missingAndInvalidFieldsAreInvalidParameterValue() {
    assertThatThrownBy(() -> w.warehouses().create(CreateWarehouseRequest.builder().name("no-size").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("cluster_size");
    assertThatThrownBy(() -> w.warehouses().create(CreateWarehouseRequest.builder().clusterSize("Small").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("name");
    assertThatThrownBy(() -> w.warehouses().create(CreateWarehouseRequest.builder().name("huge").clusterSize("Huge")
        .build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("cluster_size");
    assertThatThrownBy(() -> w.warehouses().create(CreateWarehouseRequest.builder().name("quick").clusterSize("Small")
        .autoStopMins(5L).build())).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("auto_stop_mins");
    String id = warehouse("valid");
    assertThatThrownBy(() -> w.warehouses().edit(EditWarehouseRequest.builder().id(id).minNumClusters(3L)
        .maxNumClusters(2L).build())).isInstanceOf(InvalidParameterValue.class);
  }

  @Test
  void theWorkspaceWarehouseConfigurationIsReplaced() {
    assertThat(w.warehouses().getWorkspaceWarehouseConfig().securityPolicy())
        .isEqualTo(GetWorkspaceWarehouseConfigResponseSecurityPolicy.NONE);
    w.warehouses().setWorkspaceWarehouseConfig(SetWorkspaceWarehouseConfigRequest.builder()
        .securityPolicy(SetWorkspaceWarehouseConfigRequestSecurityPolicy.DATA_ACCESS_CONTROL)
        .dataAccessConfig(List.of(EndpointConfPair.builder().key("spark.sql.x").value("1").build())).build());
    var config = w.warehouses().getWorkspaceWarehouseConfig();
    assertThat(config.securityPolicy()).isEqualTo(GetWorkspaceWarehouseConfigResponseSecurityPolicy.DATA_ACCESS_CONTROL);
    assertThat(config.dataAccessConfig()).extracting(EndpointConfPair::key).containsExactly("spark.sql.x");
  }
}
