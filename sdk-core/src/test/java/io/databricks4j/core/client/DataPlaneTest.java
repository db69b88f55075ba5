package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.RequestBody;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serving data plane: the client's OAuth token exchanged for a data-plane token, cached, sent instead. */
class DataPlaneTest {
  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      seen.add(ex.getRequestMethod() + " " + path + " auth=" + ex.getRequestHeaders().getFirst("Authorization")
          + " body=" + URLDecoder.decode(body, StandardCharsets.UTF_8));
      byte[] out = path.equals("/oidc/v1/token")
          ? "{\"access_token\":\"dp-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}".getBytes(StandardCharsets.UTF_8)
          : "{\"predictions\":[1]}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
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

  private ApiClient client(Optional<Token> oauth) {
    CredentialsStrategy strategy = new CredentialsStrategy() {
      @Override
      public String authType() {
        return oauth.isPresent() ? "oauth-test" : "pat-test";
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        return Optional.of(new HeaderFactory() {
          @Override
          public Map<String, String> headers() {
            return Map.of("Authorization", "Bearer control-plane");
          }

          @Override
          public Optional<Token> oauthToken() {
            return oauth;
          }
        });
      }
    };
    return ApiClient.create(DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:" + server.getAddress().getPort())
        .credentialsStrategy(strategy)
        .build());
  }

  private HttpRequest query() {
    return HttpRequest.builder("POST", "http://127.0.0.1:" + server.getAddress().getPort()
        + "/serving-endpoints/e1/invocations").body(RequestBody.json("{\"inputs\":[1]}")).idempotent(true).build();
  }

  @Test
  void aDataPlaneCallExchangesTheOAuthTokenOnceAndSendsTheDataPlaneToken() {
    try (ApiClient api = client(Optional.of(Token.of("control-plane", Instant.now().plusSeconds(3600))))) {
      for (int i = 0; i < 2; i++) {
        String answer = api.dataPlane(query(), "[{\"type\":\"workspace_permission\"}]",
            r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(answer).contains("predictions");
      }
    }
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0)).startsWith("POST /oidc/v1/token auth=null")
        .contains("grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer").contains("assertion=control-plane")
        .contains("authorization_details=[{\"type\":\"workspace_permission\"}]");
    assertThat(seen.subList(1, 3)).allSatisfy(s -> assertThat(s).startsWith("POST /serving-endpoints/e1/invocations "
        + "auth=Bearer dp-token"));
  }

  @Test
  void credentialsThatAreNotDatabricksOAuthSayWhatTheOperationNeeds() {
    try (ApiClient api = client(Optional.empty())) {
      assertThatThrownBy(() -> api.dataPlane(query(), "[]", r -> null))
          .isInstanceOf(CredentialsException.class)
          .hasMessageContaining("needs a Databricks OAuth credential")
          .hasMessageContaining("pat-test");
    }
    assertThat(seen).isEmpty();
  }
}
