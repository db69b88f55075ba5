package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.iam.ListAccountUsersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.iam.User;
import io.databricks4j.service.provisioning.CreateWorkspaceRequest;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account client, and credentials other than the PAT, through the SDK. */
class SdkAccountAndAuthTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2)
      .clusterStartDelay(Duration.ofMillis(100)));

  @Test
  void accountWorkspacesAndUsers(LocalWorkspace ws) {
    try (AccountClient a = ws.accountClient()) {
      Workspace created = a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName("sdk-ws")
          .awsRegion("us-west-2").build(), Duration.ofSeconds(30));
      assertThat(created.workspaceStatus().value()).isEqualTo("RUNNING");
      assertThat(a.workspaces().list()).extracting(Workspace::workspaceName).contains("sdk-ws");

      for (int i = 0; i < 4; i++) {
        a.users().create(User.builder().userName("account-user-" + i + "@example.com").build());
      }
      List<String> names = new ArrayList<>();
      a.users().list(ListAccountUsersRequest.builder().build()).forEach(u -> names.add(u.userName()));
      assertThat(names).contains("account-user-0@example.com", "account-user-3@example.com").doesNotHaveDuplicates();
    }
  }

  @Test
  void oauthMachineToMachineThroughTheSdk(LocalWorkspace ws) {
    ws.oauthClient("sdk-sp", "sdk-secret");
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().token(null).authType("oauth-m2m")
        .clientId("sdk-sp").clientSecret("sdk-secret").build())) {
      assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).as("the owner of the token")
          .isEqualTo("sdk-sp");
    }
    try (WorkspaceClient wrong = new WorkspaceClient(ws.configBuilder().token(null).authType("oauth-m2m")
        .clientId("sdk-sp").clientSecret("not-it").build())) {
      // the token endpoint's refusal reaches the caller as the endpoint said it, not as a failure of the SDK
      assertThatThrownBy(() -> wrong.currentUser().me(MeRequest.builder().build()))
          .isInstanceOf(DatabricksException.class)
          .hasMessageContaining("invalid_client")
          .hasNoSuppressedExceptions();
    }
  }

  @Test
  void aWrongTokenIsRefused(LocalWorkspace ws) {
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().token("dapi-wrong").build())) {
      assertThatThrownBy(() -> w.currentUser().me(MeRequest.builder().build()))
          .isInstanceOf(DatabricksException.class)
          .hasMessageContaining("Invalid access token");
    }
  }
}
