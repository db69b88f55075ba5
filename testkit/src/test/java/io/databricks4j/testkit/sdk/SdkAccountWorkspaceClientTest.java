package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.provisioning.CreateWorkspaceRequest;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From an account client to one of its workspaces: the testkit serves every workspace of the
 * account on its one port, so the derived client keeps the account host ({@code
 * http://127.0.0.1:<port>}) and names the workspace with {@code X-Databricks-Workspace-Id}, which
 * the testkit checks against the account's workspaces.
 */
class SdkAccountWorkspaceClientTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private LocalWorkspace ws;
  private AccountClient a;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(100)).start();
    a = ws.accountClient();
  }

  @AfterEach
  void stop() {
    a.close();
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private Workspace created(String name) {
    return a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName(name).awsRegion("us-west-2").build(), WAIT);
  }

  @Test
  void aWorkspaceCreatedInTheAccountIsCalledThroughTheDerivedClient() {
    Workspace created = created("derived-ws");
    try (WorkspaceClient w = a.workspaceClient(created)) {
      assertThat(w.config().host()).contains(ws.host());
      assertThat(w.config().workspaceId()).contains(Long.toString(created.workspaceId()));
      assertThat(w.config().isAccountClient()).isFalse();
      assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(ws.userName());
      ClusterDetails cluster = w.clusters().createAndWait(CreateCluster.builder().clusterName("through-the-account")
          .sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge").numWorkers(1L).build(), WAIT);
      assertThat(w.clusters().get(cluster.clusterId()).clusterName()).isEqualTo("through-the-account");
      assertThat(w.apiClient().authType()).isEqualTo("pat");
    }
  }

  @Test
  void aWorkspaceTheAccountNoLongerHasIsRefused() {
    Workspace created = created("short-lived");
    try (WorkspaceClient w = a.workspaceClient(created)) {
      assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(ws.userName());
      a.workspaces().delete(created.workspaceId());
      assertThatThrownBy(() -> w.currentUser().me(MeRequest.builder().build()))
          .isInstanceOf(PermissionDenied.class)
          .hasMessageContaining("Workspace " + created.workspaceId())
          .hasMessageContaining("is not a workspace of account " + ws.accountId());
    }
  }

  @Test
  void aWorkspaceOfAnotherAccountIsRefused() {
    Workspace stranger = Workspace.builder().workspaceId(123L).deploymentName("stranger").build();
    try (WorkspaceClient w = a.workspaceClient(stranger)) {
      assertThatThrownBy(() -> w.clusters().list(ListClustersRequest.builder().build()).iterator().hasNext()).isInstanceOf(PermissionDenied.class)
          .hasMessageContaining("Workspace 123");
    }
  }
}
