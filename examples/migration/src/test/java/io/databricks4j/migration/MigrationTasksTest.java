package io.databricks4j.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.LocalWorkspace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each task of the guide, with either SDK, against one emulated workspace: same effect, same answer. */
class MigrationTasksTest {
  private static LocalWorkspace ws;
  private static com.databricks.sdk.WorkspaceClient official;
  private static io.databricks4j.WorkspaceClient ours;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(300)).runDuration(Duration.ofMillis(300)).start();
    official = OfficialTasks.client(ws.host(), ws.token());
    ours = Databricks4jTasks.client(ws.host(), ws.token());
    // the Files API serves existing volumes only, as the service does
    ours.volumes().create(io.databricks4j.service.catalog.CreateVolumeRequestContent.builder().catalogName("main")
        .schemaName("default").name("migration").volumeType(io.databricks4j.service.catalog.VolumeType.MANAGED).build());
  }

  @AfterAll
  static void stop() {
    ours.close();
    ws.close();
  }

  @Test
  void accountClientsListTheSameWorkspaces() {
    try (io.databricks4j.account.AccountClient a = ws.accountClient()) {
      a.workspaces().create(io.databricks4j.service.provisioning.CreateWorkspaceRequest.builder()
          .workspaceName("migration").build()).response();
    }
    assertThat(Databricks4jTasks.accountWorkspaces(ws.host(), ws.accountId(), ws.token()))
        .isNotEmpty().isEqualTo(OfficialTasks.accountWorkspaces(ws.host(), ws.accountId(), ws.token()));
  }

  @Test
  void currentUser() {
    assertThat(Databricks4jTasks.whoAmI(ours)).isEqualTo(OfficialTasks.whoAmI(official)).isEqualTo(ws.userName());
  }

  @Test
  void clustersCreatedByEitherAreListedAlikeByBoth() throws Exception {
    String a = OfficialTasks.createClusterAndWait(official, "made-by-official");
    String b = Databricks4jTasks.createClusterAndWait(ours, "made-by-databricks4j");
    assertThat(a).endsWith(" RUNNING");
    assertThat(b).endsWith(" RUNNING");

    assertThat(Databricks4jTasks.clusterNames(ours)).isEqualTo(OfficialTasks.clusterNames(official))
        .contains("made-by-official RUNNING", "made-by-databricks4j RUNNING");
  }

  @Test
  void aMissingClusterIsResourceDoesNotExistInBoth() throws Exception {
    String id = Databricks4jTasks.createClusterAndWait(ours, "exists").split(" ")[0];
    assertThat(OfficialTasks.clusterExists(official, id)).isTrue();
    assertThat(Databricks4jTasks.clusterExists(ours, id)).isTrue();
    assertThat(OfficialTasks.clusterExists(official, "0000-000000-missing")).isFalse();
    assertThat(Databricks4jTasks.clusterExists(ours, "0000-000000-missing")).isFalse();
  }

  @Test
  void jobsRunToTheSameResultAndTheLatestRunsAgree() throws Exception {
    String clusterId = Databricks4jTasks.createClusterAndWait(ours, "for-jobs").split(" ")[0];
    assertThat(OfficialTasks.runJobAndWait(official, clusterId)).isEqualTo("SUCCESS");
    assertThat(Databricks4jTasks.runJobAndWait(ours, clusterId)).isEqualTo("SUCCESS");

    assertThat(Databricks4jTasks.latestRuns(ours, 2)).hasSize(2).isEqualTo(OfficialTasks.latestRuns(official, 2));
  }

  @Test
  void aFileWrittenByOneIsReadByTheOther() throws Exception {
    byte[] bytes = "written by the official SDK\n".getBytes(StandardCharsets.UTF_8);
    OfficialTasks.uploadAndDownload(official, "/Volumes/main/default/migration/a.txt", bytes);
    assertThat(Databricks4jTasks.uploadAndDownload(ours, "/Volumes/main/default/migration/a.txt", bytes)).isEqualTo(bytes);
  }

  @Test
  void notebooksRoundTrip() {
    String source = "# Databricks notebook source\nprint('hello')\n";
    assertThat(OfficialTasks.importAndExportNotebook(official, "/Shared/migration-official", source)).contains("print('hello')");
    assertThat(Databricks4jTasks.importAndExportNotebook(ours, "/Shared/migration-ours", source)).contains("print('hello')");
  }

  @Test
  void secretsAreStoredAndListedByKey() {
    assertThat(OfficialTasks.storeSecret(official, "official-scope", "jdbc-password", "s3cr3t")).containsExactly("jdbc-password");
    assertThat(Databricks4jTasks.storeSecret(ours, "our-scope", "jdbc-password", "s3cr3t")).containsExactly("jdbc-password");
  }
}
