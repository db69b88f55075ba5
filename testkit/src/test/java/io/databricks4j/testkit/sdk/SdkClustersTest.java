package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.InvalidState;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.service.compute.AutoScale;
import io.databricks4j.service.compute.ChangeClusterOwner;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ClusterEvent;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.DeleteCluster;
import io.databricks4j.service.compute.EditCluster;
import io.databricks4j.service.compute.EventType;
import io.databricks4j.service.compute.GetEvents;
import io.databricks4j.service.compute.GetEventsResponse;
import io.databricks4j.service.compute.InstallLibraries;
import io.databricks4j.service.compute.Library;
import io.databricks4j.service.compute.LibraryFullStatus;
import io.databricks4j.service.compute.LibraryInstallStatus;
import io.databricks4j.service.compute.ListClustersFilterBy;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.compute.ListClustersSortBy;
import io.databricks4j.service.compute.ListClustersSortByDirection;
import io.databricks4j.service.compute.ListClustersSortByField;
import io.databricks4j.service.compute.PythonPyPiLibrary;
import io.databricks4j.service.compute.ResizeCluster;
import io.databricks4j.service.compute.RestartCluster;
import io.databricks4j.service.compute.StartCluster;
import io.databricks4j.service.compute.State;
import io.databricks4j.service.compute.TerminationReasonCode;
import io.databricks4j.service.compute.UninstallLibraries;
import io.databricks4j.service.compute.UpdateCluster;
import io.databricks4j.service.compute.UpdateClusterResource;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster lifecycle beyond create and get (edit, update, resize, restart, terminate, start,
 * pin, events, permanent delete) and cluster libraries. State changes are immediate here, so each
 * waiter settles on its first poll; {@code SdkWorkspaceClientTest} covers waiting through states.
 */
class SdkClustersTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Library PYPI = Library.builder().pypi(PythonPyPiLibrary.builder().packageValue("requests==2.32.3")
      .build()).build();
  private static final Library JAR = Library.builder().jar("/Volumes/main/default/libs/x.jar").build();

  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2)
      .clusterStartDelay(Duration.ZERO));
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

  private static CreateCluster spec(String name) {
    return CreateCluster.builder().clusterName(name).sparkVersion("15.4.x-scala2.12").nodeTypeId("m5d.large")
        .numWorkers(1L).build();
  }

  private static ClusterDetails running(String name) {
    return w.clusters().createAndWait(spec(name), WAIT);
  }

  @Test
  void editRestartsARunningClusterWithTheNewSpec() {
    ClusterDetails c = running("edit-me");
    ClusterDetails edited = w.clusters().editAndWait(EditCluster.builder().clusterId(c.clusterId())
        .clusterName("edited").sparkVersion("16.4.x-scala2.12").nodeTypeId("m5d.xlarge").numWorkers(3L)
        .customTags(Map.of("team", "sdk")).build(), WAIT);
    assertThat(edited.state()).isEqualTo(State.RUNNING);
    assertThat(edited.clusterName()).isEqualTo("edited");
    assertThat(edited.sparkVersion()).isEqualTo("16.4.x-scala2.12");
    assertThat(edited.numWorkers()).isEqualTo(3L);
    assertThat(edited.executors()).hasSize(3);
    assertThat(edited.customTags()).containsEntry("team", "sdk");
    assertThat(edited.lastRestartedTime()).isNotNull();
  }

  @Test
  void updateChangesOnlyTheFieldsOfTheMask() {
    ClusterDetails c = running("update-me");
    ClusterDetails updated = w.clusters().updateAndWait(UpdateCluster.builder().clusterId(c.clusterId())
        .updateMask("cluster_name,autotermination_minutes")
        .cluster(UpdateClusterResource.builder().clusterName("updated").autoterminationMinutes(30L)
            .sparkVersion("ignored, not in the mask").build()).build(), WAIT);
    assertThat(updated.clusterName()).isEqualTo("updated");
    assertThat(updated.autoterminationMinutes()).isEqualTo(30L);
    assertThat(updated.sparkVersion()).isEqualTo("15.4.x-scala2.12");
    assertThat(updated.nodeTypeId()).isEqualTo("m5d.large");
  }

  @Test
  void resizeRestartTerminateAndStartAreRecordedAsEventsPagedTwoAtATime() {
    ClusterDetails c = running("lifecycle");
    ClusterDetails resized = w.clusters().resizeAndWait(ResizeCluster.builder().clusterId(c.clusterId())
        .autoscale(AutoScale.builder().minWorkers(2L).maxWorkers(4L).build()).build(), WAIT);
    assertThat(resized.autoscale().minWorkers()).isEqualTo(2L);
    assertThat(resized.numWorkers()).isNull();

    w.clusters().restartAndWait(RestartCluster.builder().clusterId(c.clusterId()).build(), WAIT);
    ClusterDetails terminated = w.clusters().deleteAndWait(DeleteCluster.builder()
        .clusterId(c.clusterId()).build(), WAIT);
    assertThat(terminated.state()).isEqualTo(State.TERMINATED);
    assertThat(terminated.terminationReason().code()).isEqualTo(TerminationReasonCode.USER_REQUEST);
    assertThat(terminated.terminatedTime()).isNotNull();
    assertThat(w.clusters().startAndWait(StartCluster.builder().clusterId(c.clusterId()).build(), WAIT).state())
        .isEqualTo(State.RUNNING);

    GetEventsResponse first = w.clusters().eventsPage(GetEvents.builder().clusterId(c.clusterId()).build());
    assertThat(first.events()).hasSize(2);
    assertThat(first.nextPage()).isNotNull();
    List<ClusterEvent> events = w.clusters().events(GetEvents.builder().clusterId(c.clusterId()).build()).stream()
        .toList();
    assertThat(events).hasSize(first.totalCount().intValue());
    assertThat(events).extracting(ClusterEvent::typeValue).contains(EventType.CREATING, EventType.RESIZING,
        EventType.UPSIZE_COMPLETED, EventType.RESTARTING, EventType.TERMINATING, EventType.STARTING, EventType.RUNNING);
    assertThat(events).extracting(ClusterEvent::timestamp).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    List<ClusterEvent> restarts = w.clusters().events(GetEvents.builder().clusterId(c.clusterId())
        .eventTypes(List.of(EventType.RESTARTING)).build()).stream().toList();
    assertThat(restarts).extracting(ClusterEvent::typeValue).containsOnly(EventType.RESTARTING);
  }

  @Test
  void pinnedClustersAreListedByFilterAcrossPages() {
    List<String> pinned = IntStream.range(0, 5).mapToObj(i -> w.clusters().create(spec("pin-" + i)).response()
        .clusterId()).toList();
    pinned.forEach(id -> w.clusters().pin(id));
    String unpinned = w.clusters().create(spec("pin-not")).response().clusterId();
    w.clusters().pin(unpinned);
    w.clusters().unpin(unpinned);
    List<String> listed = w.clusters().list(ListClustersRequest.builder()
        .filterBy(ListClustersFilterBy.builder().isPinned(true).build()).build()).stream()
        .map(ClusterDetails::clusterId).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(pinned).doesNotHaveDuplicates();
    List<String> byNameDescending = w.clusters().list(ListClustersRequest.builder()
        .filterBy(ListClustersFilterBy.builder().isPinned(true).build())
        .sortBy(ListClustersSortBy.builder().field(ListClustersSortByField.CLUSTER_NAME)
            .direction(ListClustersSortByDirection.DESC).build()).build()).stream()
        .map(ClusterDetails::clusterName).toList();
    assertThat(byNameDescending).containsExactly("pin-4", "pin-3", "pin-2", "pin-1", "pin-0");
  }

  @Test
  void changeOwnerAndPermanentDelete() {
    String id = w.clusters().create(spec("to-delete")).response().clusterId();
    w.clusters().changeOwner(ChangeClusterOwner.builder().clusterId(id).ownerUsername("other@example.com").build());
    assertThat(w.clusters().get(id).creatorUserName()).isEqualTo("other@example.com");
    w.clusters().permanentDelete(id);
    assertThatThrownBy(() -> w.clusters().get(id)).isInstanceOf(ResourceDoesNotExist.class);
    assertThat(w.clusters().list(ListClustersRequest.builder().build()).stream().map(ClusterDetails::clusterId))
        .doesNotContain(id);
  }

  @Test
  void referenceDataOfTheWorkspace() {
    assertThat(w.clusters().sparkVersions().versions()).isNotEmpty();
    assertThat(w.clusters().listNodeTypes().nodeTypes()).extracting(n -> n.nodeTypeId()).contains("i3.xlarge");
    assertThat(w.clusters().listZones().zones()).contains(w.clusters().listZones().defaultZone());
  }

  @Test
  void wrongStatesMissingFieldsAndMissingClustersAreTypedErrors() {
    ClusterDetails c = running("errors");
    w.clusters().deleteAndWait(DeleteCluster.builder().clusterId(c.clusterId())
        .build(), WAIT);
    assertThatThrownBy(() -> w.clusters().restart(RestartCluster.builder().clusterId(c.clusterId()).build()))
        .isInstanceOf(InvalidState.class).hasMessageContaining("Terminated");
    assertThatThrownBy(() -> w.clusters().resize(ResizeCluster.builder().clusterId(c.clusterId()).numWorkers(2L)
        .build())).isInstanceOf(InvalidState.class);
    assertThatThrownBy(() -> w.clusters().create(CreateCluster.builder().clusterName("no-version").build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("spark_version");
    assertThatThrownBy(() -> w.clusters().create(spec("negative").toBuilder().numWorkers(-1L).build()))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> w.clusters().edit(EditCluster.builder().clusterId("0000-000000-missing0")
        .sparkVersion("15.4.x-scala2.12").build())).isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void librariesInstallOnARunningClusterAndWaitForATerminatedOneToStart() {
    ClusterDetails c = running("libs");
    w.libraries().install(InstallLibraries.builder().clusterId(c.clusterId()).libraries(List.of(PYPI, JAR)).build());
    assertThat(w.libraries().clusterStatus(c.clusterId()).stream().toList())
        .extracting(LibraryFullStatus::status).containsOnly(LibraryInstallStatus.INSTALLED);

    w.libraries().uninstall(UninstallLibraries.builder().clusterId(c.clusterId()).libraries(List.of(JAR)).build());
    assertThat(w.libraries().clusterStatus(c.clusterId()).stream().filter(s -> JAR.equals(s.library())).toList())
        .extracting(LibraryFullStatus::status).containsExactly(LibraryInstallStatus.UNINSTALL_ON_RESTART);

    w.clusters().deleteAndWait(DeleteCluster.builder().clusterId(c.clusterId())
        .build(), WAIT);
    List<LibraryFullStatus> whileTerminated = w.libraries().clusterStatus(c.clusterId()).stream().toList();
    assertThat(whileTerminated).extracting(LibraryFullStatus::library).containsExactly(PYPI);
    assertThat(whileTerminated).extracting(LibraryFullStatus::status).containsExactly(LibraryInstallStatus.PENDING);
    w.clusters().startAndWait(StartCluster.builder().clusterId(c.clusterId()).build(), WAIT);
    assertThat(w.libraries().allClusterStatuses().stream().filter(s -> s.clusterId().equals(c.clusterId()))
        .flatMap(s -> s.libraryStatuses().stream()).toList())
        .extracting(LibraryFullStatus::status).containsExactly(LibraryInstallStatus.INSTALLED);

    assertThatThrownBy(() -> w.libraries().install(InstallLibraries.builder().clusterId("0000-000000-missing0")
        .libraries(List.of(PYPI)).build())).isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> w.libraries().install(InstallLibraries.builder().clusterId(c.clusterId()).build()))
        .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("libraries");
  }

  @Test
  void aRestartAppliesPendingUninstalls() {
    ClusterDetails c = running("libs-restart");
    w.libraries().install(InstallLibraries.builder().clusterId(c.clusterId()).libraries(List.of(PYPI, JAR)).build());
    w.libraries().uninstall(UninstallLibraries.builder().clusterId(c.clusterId()).libraries(List.of(JAR)).build());
    w.clusters().restartAndWait(RestartCluster.builder().clusterId(c.clusterId()).build(), WAIT);
    assertThat(w.libraries().clusterStatus(c.clusterId()).stream().toList())
        .extracting(LibraryFullStatus::library).containsExactly(PYPI);
  }
}
