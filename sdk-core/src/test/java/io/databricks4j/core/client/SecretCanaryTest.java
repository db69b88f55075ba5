package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token, a password, a client secret and a plug-in's sensitive attribute set to recognisable
 * values never appear in a log line, a {@code toString} or an exception message, across a
 * succeeding and a failing call, with DEBUG logging and debug headers on (surefire sends every
 * test's DEBUG log to target/test-debug.log).
 */
class SecretCanaryTest {
  private static final String TOKEN = "dapi-CANARY-token-77";
  private static final String PASSWORD = "CANARY-password-77";
  private static final String SECRET = "CANARY-client-secret-77";
  /** The value of a sensitive attribute a plug-in declares (vault_token, see VaultAttributes). */
  private static final String DECLARED = "CANARY-declared-vault-token-77";

  @Test
  void secretsStayOutOfLogsStringsAndErrors() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      boolean fail = ex.getRequestURI().getPath().contains("fail");
      // the service echoes a secret back in both answers, as real APIs do (token create, secrets get)
      byte[] out = (fail
          ? "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"nope\"}"
          : "{\"token_value\":\"" + TOKEN + "\",\"string_value\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(fail ? 403 : 200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    try {
      DatabricksConfig config = DatabricksConfig.builder()
          .environment(Environment.of(Map.of("DATABRICKS_PASSWORD", PASSWORD, "DATABRICKS_CLIENT_SECRET", SECRET,
              "DATABRICKS_VAULT_TOKEN", DECLARED), Path.of("/nonexistent")))
          .host("http://127.0.0.1:" + server.getAddress().getPort())
          .token(TOKEN)
          .authType("pat")
          .debugHeaders(true)
          .disableRetries(true)
          .build();
      StringBuilder seen = new StringBuilder();
      try (ApiClient api = ApiClient.create(config)) {
        seen.append(api).append(api.config()).append(api.config().describe()).append(api.credentials());
        String body = "{\"password\":\"" + PASSWORD + "\",\"client_secret\":\"" + SECRET + "\",\"name\":\"x\"}";
        try (HttpResponse ok = api.execute(HttpRequest.builder("POST", "/api/2.0/token/create")
            .body(RequestBody.of(body.getBytes(StandardCharsets.UTF_8), RequestBody.JSON)).build())) {
          assertThat(ok.bodyAsString()).contains(TOKEN); // the caller gets the secret; nobody else does
          seen.append(ok);
        }
        Throwable failure = catchThrowable(() -> api.execute(HttpRequest.builder("GET", "/api/2.0/fail").build()));
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        seen.append(trace);
      }
      Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-debug.log"));
      String logText = Files.exists(log) ? Files.readString(log) : "";
      assertThat(logText).as("the DEBUG log of the calls").contains("> POST /api/2.0/token/create").contains("< 403");
      assertThat(seen.toString()).as("the declared secret was resolved, and printed redacted").contains("vault_token=***");
      for (String canary : new String[] {TOKEN, PASSWORD, SECRET, DECLARED}) {
        assertThat(seen.toString()).doesNotContain(canary);
        assertThat(logText).doesNotContain(canary);
      }
    } finally {
      server.stop(0);
    }
  }
}
