package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.compute.State;
import io.databricks4j.service.files.UploadRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.jobs.NotebookTask;
import io.databricks4j.service.jobs.Run;
import io.databricks4j.service.jobs.RunLifeCycleState;
import io.databricks4j.service.jobs.RunResultState;
import io.databricks4j.service.jobs.SubmitRun;
import io.databricks4j.service.jobs.SubmitTask;
import io.databricks4j.service.sql.CreateWarehouseRequest;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.wait.WaitFailedException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK's own client against the local workspace: typed calls, pagination, waiters and errors. */
class SdkWorkspaceClientTest {
  static LocalWorkspace ws;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().pageSize(2).clusterStartDelay(Duration.ofMillis(100))
        .runDuration(Duration.ofMillis(200)).start();
    w = ws.client();
  }

  @AfterAll
  static void stop() {
    w.close();
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private static CreateCluster cluster(String name) {
    return CreateCluster.builder().clusterName(name).sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge")
        .numWorkers(1L).build();
  }

  @Test
  void currentUserIsTheTokensUser() {
    assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(ws.userName());
  }

  @Test
  void createAndWaitReachesRunning() {
    ClusterDetails running = w.clusters().createAndWait(cluster("sdk-running"), Duration.ofSeconds(30));
    assertThat(running.state()).isEqualTo(State.RUNNING);
    assertThat(w.clusters().get(running.clusterId()).clusterName()).isEqualTo("sdk-running");
  }

  @Test
  void aClusterThatFailsEndsTheWaiterWithItsFailureState() {
    assertThatThrownBy(() -> w.clusters().createAndWait(cluster("sdk-fail"), Duration.ofSeconds(30)))
        .isInstanceOf(WaitFailedException.class)
        .hasMessageContaining("TERMINATED");
  }

  @Test
  void anUnknownClusterIsResourceDoesNotExist() {
    assertThatThrownBy(() -> w.clusters().get("0000-000000-nothing0")).isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> w.jobs().get(424242L)).isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void listPagesThroughEveryCluster() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(w.clusters().create(cluster("page-" + i)).response().clusterId());
    }
    List<String> listed = new ArrayList<>();
    w.clusters().list(ListClustersRequest.builder().build()).forEach(c -> listed.add(c.clusterId()));
    assertThat(listed).containsAll(ids).doesNotHaveDuplicates();
  }

  @Test
  void submittedRunsTerminateWithTheirResult() {
    Run ok = w.jobs().submitAndWait(SubmitRun.builder().runName("ok").tasks(List.of(SubmitTask.builder().taskKey("t")
        .notebookTask(NotebookTask.builder().notebookPath("/Users/me/ok").build()).build())).build(), Duration.ofSeconds(30));
    assertThat(ok.state().lifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
    assertThat(ok.state().resultState()).isEqualTo(RunResultState.SUCCESS);
    Run failed = w.jobs().submitAndWait(SubmitRun.builder().runName("bad").tasks(List.of(SubmitTask.builder()
        .taskKey("t").notebookTask(NotebookTask.builder().notebookPath("/Users/me/fail").build()).build())).build(),
        Duration.ofSeconds(30));
    assertThat(failed.state().resultState()).isEqualTo(RunResultState.FAILED);
    assertThat(w.jobs().getRunOutput(failed.tasks().get(0).runId()).error()).contains("fail");
  }

  @Test
  void filesStreamThroughTheSdk() throws Exception {
    w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default").name("v")
        .volumeType(VolumeType.MANAGED).build());
    byte[] bytes = "streamed through the SDK".getBytes(StandardCharsets.UTF_8);
    w.files().upload(UploadRequest.builder().filePath("/Volumes/main/default/v/sdk.txt")
        .contents(new ByteArrayInputStream(bytes)).overwrite(true).build());
    try (InputStream in = w.files().download("/Volumes/main/default/v/sdk.txt").contents()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(w.files().getMetadata("/Volumes/main/default/v/sdk.txt").contentLength()).isEqualTo(bytes.length);
  }

  @Test
  void warehousesWaitForRunning() {
    var warehouse = w.warehouses().createAndWait(CreateWarehouseRequest.builder().name("sdk-wh").clusterSize("Small")
        .build(), Duration.ofSeconds(30));
    assertThat(warehouse.state().value()).isEqualTo("RUNNING");
  }
}
