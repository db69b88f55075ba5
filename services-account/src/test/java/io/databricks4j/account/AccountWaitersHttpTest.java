package io.databricks4j.account;

import io.databricks4j.service.testing.WireConformance;
import io.databricks4j.service.testing.WireRequests;
import io.databricks4j.service.testing.WireServer;
import io.databricks4j.service.testing.WireServer.Answer;
import io.databricks4j.service.testing.WireServer.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.service.provisioning.CreateWorkspaceRequest;
import io.databricks4j.service.provisioning.Workspace;
import io.databricks4j.service.provisioning.WorkspaceStatus;
import io.databricks4j.wait.WaitFailedException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account waiter (workspaces create) polls the workspace the response names until a target or failure state. */
class AccountWaitersHttpTest {
  private static final String PROVISIONING = "{\"workspace_id\":42,\"workspace_status\":\"PROVISIONING\"}";

  private WireServer server;
  private AccountClient a;

  @BeforeEach
  void start() {
    server = new WireServer();
    a = LocalAccount.client(server.url());
  }

  @AfterEach
  void stop() {
    a.close();
    server.close();
  }

  @Test
  void createAndWaitPollsTheNewWorkspaceUntilRunning() {
    server.respondInTurn(PROVISIONING, PROVISIONING, "{\"workspace_id\":42,\"workspace_status\":\"RUNNING\"}");

    Workspace ws = a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName("w").build(),
        Duration.ofSeconds(30));

    assertThat(ws.workspaceStatus()).isEqualTo(WorkspaceStatus.RUNNING);
    assertThat(server.drain()).extracting(Recorded::toString).containsExactly(
        "POST /api/2.0/accounts/acc-1/workspaces",
        "GET /api/2.0/accounts/acc-1/workspaces/42",
        "GET /api/2.0/accounts/acc-1/workspaces/42");
  }

  @Test
  void createAndWaitFailsWithTheStatusMessageWhenTheWorkspaceFails() {
    server.respondInTurn(PROVISIONING,
        "{\"workspace_id\":42,\"workspace_status\":\"FAILED\",\"workspace_status_message\":\"quota exceeded\"}");

    assertThatThrownBy(() -> a.workspaces().createAndWait(CreateWorkspaceRequest.builder().workspaceName("w").build(),
        Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(WaitFailedException.class, e -> {
          assertThat(e.state()).isEqualTo("FAILED");
          assertThat(e).hasMessageContaining("workspaceId=42").hasMessageContaining("quota exceeded");
        });
    assertThat(server.drain()).hasSize(2);
  }
}
