package io.databricks4j.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.provisioning.CreateWorkspaceRequest;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client tells about its credentials, and the pool an account client shares with the
 * workspace clients it makes, against the emulated workspace. No auth_type is configured here:
 * the strategy is discovered.
 */
class SdkObservableResolutionTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder()
      .clusterStartDelay(Duration.ofMillis(100)));

  @Test
  void configAuthTypeNamesTheDiscoveredStrategyAfterTheFirstCall(LocalWorkspace ws) {
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().authType(null).build())) {
      assertThat(w.config().authType()).as("nothing resolved before the first call").isEmpty();
      w.currentUser().me(MeRequest.builder().build());
      assertThat(w.config().authType()).contains("pat");
    }
    ws.oauthClient("observable-sp", "observable-secret");
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().authType(null).token(null)
        .clientId("observable-sp").clientSecret("observable-secret").build())) {
      w.currentUser().me(MeRequest.builder().build());
      assertThat(w.config().authType()).contains("oauth-m2m");
    }
  }

  /** The workspace answers an unknown token with 403, as Databricks does. */
  @Test
  void aRefusedTokenNamesTheStrategyThatSentIt(LocalWorkspace ws) {
    try (WorkspaceClient w = new WorkspaceClient(ws.configBuilder().authType(null).token("dapi-refused-77").build())) {
      Throwable e = catchThrowable(() -> w.currentUser().me(MeRequest.builder().build()));
      assertThat(e).isInstanceOf(PermissionDenied.class).hasMessageContaining("Invalid access token")
          .hasMessageContaining("Credentials: pat");
      assertThat(e.getMessage()).doesNotContain("dapi-refused-77");
    }
  }

  @Test
  void aWorkspaceClientOfTheAccountUsesTheAccountClientsPool(LocalWorkspace ws) {
    CountingTransports.reset();
    AccountClient a = new AccountClient(ws.configBuilder().accountId(ws.accountId())
        .set("http_transport", CountingTransports.NAME).build());
    Workspace created = a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName("pooled")
        .awsRegion("us-west-2").build(), Duration.ofSeconds(15));
    WorkspaceClient w = a.workspaceClient(created);
    w.currentUser().me(MeRequest.builder().build());
    assertThat(CountingTransports.CREATED).as("one pool for both clients").hasValue(1);

    a.close();
    assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).as("still served once the account client"
        + " is closed").isEqualTo(ws.userName());
    assertThat(CountingTransports.CLOSED).hasValue(0);
    w.close();
    assertThat(CountingTransports.CLOSED).hasValue(1);
  }
}
