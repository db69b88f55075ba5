package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.core.logging.CapturingLogger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineLoggingTest {
  private final LocalServer server = LocalServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private String run(CapturingLogger log, boolean debugHeaders, HttpRequest request) {
    try (HttpPipeline p = HttpPipeline.builder().baseUrl(server.baseUrl()).logger(log).debugHeaders(debugHeaders)
        .headers(() -> Map.of("Authorization", "Bearer CANARY-auth-token",
            "X-Databricks-Azure-SP-Management-Token", "CANARY-azure-token"))
        .build();
        HttpResponse r = p.execute(request)) {
      return r.bodyAsString();
    }
  }

  @Test
  void secretsNeverReachTheLogEvenWithDebugHeaders() {
    server.always(LocalServer.Reply.of(200, "{\"scope\":\"s\",\"key\":\"k\",\"value\":\"CANARY-secret-value\","
        + "\"token_value\":\"CANARY-pat\"}", "Content-Type", "application/json"));
    CapturingLogger log = new CapturingLogger(true);
    String body = run(log, true, HttpRequest.builder("POST", "/api/2.0/secrets/put")
        .query("token", "CANARY-query-token")
        .body(RequestBody.json("{\"scope\":\"s\",\"key\":\"k\",\"string_value\":\"CANARY-string\","
            + "\"nested\":{\"client_secret\":\"CANARY-client-secret\",\"password\":\"CANARY-password\"}}"))
        .build());

    assertThat(body).contains("CANARY-secret-value");
    String logged = log.all();
    assertThat(logged)
        .contains("> POST /api/2.0/secrets/put?token=**REDACTED**")
        .contains("> * Authorization: **REDACTED**")
        .contains("> * X-Databricks-Azure-SP-Management-Token: **REDACTED**")
        .contains("\"string_value\" : \"**REDACTED**\"")
        .contains("< 200 OK")
        .contains("\"scope\" : \"s\"")
        .doesNotContain("CANARY");
  }

  @Test
  void headersAreLoggedOnlyWhenAskedFor() {
    server.always(LocalServer.Reply.of(200, "{}", "Content-Type", "application/json"));
    CapturingLogger log = new CapturingLogger(true);
    run(log, false, HttpRequest.builder("GET", "/api/2.1/clusters/get").query("cluster_id", "0123").build());
    assertThat(log.all()).contains("> GET /api/2.1/clusters/get?cluster_id=0123").contains("< 200 OK")
        .doesNotContain("Authorization").doesNotContain("CANARY");
  }

  @Test
  void longStringsAndArraysAreTruncated() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      items.append(i == 0 ? "" : ",").append("{\"cluster_id\":\"cluster-").append(i).append("\"}");
    }
    server.always(LocalServer.Reply.of(200, "{\"clusters\":[" + items + "],\"note\":\"" + "x".repeat(300) + "\"}",
        "Content-Type", "application/json"));
    CapturingLogger log = new CapturingLogger(true);
    String body = run(log, false, HttpRequest.builder("GET", "/api/2.1/clusters/list").build());
    assertThat(body).contains("cluster-99");
    assertThat(log.all()).contains("additional elements)").contains("... (204 more bytes)").doesNotContain("cluster-99");
  }

  @Test
  void aStreamingBodyIsDescribedNotRead() {
    server.always(LocalServer.Reply.of(204, null));
    CapturingLogger log = new CapturingLogger(true);
    run(log, false, HttpRequest.builder("PUT", "/api/2.0/fs/files/a.bin")
        .body(RequestBody.of(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 5,
            RequestBody.OCTET_STREAM)).build());
    assertThat(log.all()).contains("> <streaming body, 5 bytes, application/octet-stream>").contains("< 204");
    assertThat(server.received().get(0).bodyText()).isEqualTo("hello");
  }

  @Test
  void nothingIsFormattedWhenDebugIsOff() {
    server.always(LocalServer.Reply.of(200, "{\"token_value\":\"x\"}", "Content-Type", "application/json"));
    CapturingLogger log = new CapturingLogger(false);
    run(log, true, HttpRequest.builder("GET", "/api/2.0/token/list").build());
    assertThat(log.messages()).isEmpty();
  }
}
