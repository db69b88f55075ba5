package io.databricks4j.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.ConfigException;
import io.databricks4j.service.provisioning.Workspace;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account services put the configured account id in the path and send no workspace id header. */
class AccountServicesHttpTest {
  private HttpServer server;
  private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
          + " ws=" + ex.getRequestHeaders().getFirst("X-Databricks-Workspace-Id"));
      byte[] out = "{\"workspace_id\":42,\"workspace_name\":\"w\",\"workspace_status\":\"RUNNING\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ApiClient client(String accountId) {
    CredentialsStrategy fixed = new CredentialsStrategy() {
      @Override
      public String authType() {
        return "test";
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        return Optional.of(() -> Map.of("Authorization", "Bearer t"));
      }
    };
    return ApiClient.create(DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:" + server.getAddress().getPort())
        .accountId(accountId)
        .credentialsStrategy(fixed)
        .build());
  }

  @Test
  void getPutsTheAccountIdInThePath() {
    try (AccountClient a = new AccountClient(client("acc-1"), Map.of())) {
      Workspace ws = a.workspaces().get(42L);

      assertThat(ws.workspaceName()).isEqualTo("w");
      assertThat(seen).containsExactly("GET /api/2.0/accounts/acc-1/workspaces/42 ws=null");
    }
  }

  @Test
  void aMissingAccountIdSaysWhatToSet() {
    try (AccountClient a = new AccountClient(client(null), Map.of())) {
      assertThatThrownBy(() -> a.workspaces().get(42L))
          .isInstanceOf(ConfigException.class).hasMessageContaining("account_id");
      assertThat(seen).isEmpty();
    }
  }
}
