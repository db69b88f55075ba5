package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.config.Environment;
import io.databricks4j.http.HttpRequest;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client derived from another for a configuration with the same HTTP settings uses the other's
 * transport (its connection pool): counted by a transport provider of the test's, which wraps the
 * default one. The loopback server answers every request.
 */
class DerivedClientTest {
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    CountingTransports.reset();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      byte[] out = "{}".getBytes();
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

  private DatabricksConfig account() {
    return DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:" + server.getAddress().getPort())
        .token("t").authType("pat").accountId("acc-1")
        .set("http_transport", CountingTransports.NAME)
        .build();
  }

  private static void call(ApiClient api) {
    api.call(HttpRequest.builder("GET", "/api/2.0/ping").build());
  }

  @Test
  void aClientDerivedForTheSameHttpSettingsOpensNoPoolOfItsOwn() {
    try (ApiClient parent = ApiClient.create(account())) {
      call(parent);
      try (ApiClient derived = parent.derive(parent.config().toBuilder().workspaceId("42").build())) {
        call(derived);
        assertThat(derived.config().workspaceId()).contains("42");
      }
      assertThat(CountingTransports.CLOSED).as("the parent still uses the pool").hasValue(0);
      call(parent);
    }
    assertThat(CountingTransports.CREATED).hasValue(1);
    assertThat(CountingTransports.CLOSED).hasValue(1);
    assertThat(requests).hasValue(3);
  }

  @Test
  void theParentMayBeClosedFirstThePoolClosesWithTheLastClient() {
    ApiClient parent = ApiClient.create(account());
    ApiClient derived = parent.derive(parent.config().toBuilder().workspaceId("7").build());
    call(parent);
    parent.close();
    call(derived);
    assertThat(CountingTransports.CLOSED).hasValue(0);
    derived.close();
    derived.close(); // closing twice releases the pool once
    assertThat(CountingTransports.CREATED).hasValue(1);
    assertThat(CountingTransports.CLOSED).hasValue(1);
  }

  @Test
  void otherHttpSettingsOrAClosedParentGetAPoolOfTheirOwn() {
    try (ApiClient parent = ApiClient.create(account())) {
      call(parent);
      try (ApiClient slower = parent.derive(parent.config().toBuilder().httpTimeoutSeconds(5).build());
           ApiClient otherOptions = parent.derive(parent.config().toBuilder()
               .httpOptions(HttpOptions.builder().maxConnections(2).build()).build())) {
        call(slower);
        call(otherOptions);
        assertThat(CountingTransports.CREATED).hasValue(3);
      }
      assertThat(CountingTransports.CLOSED).hasValue(2);
      parent.close();
      try (ApiClient late = parent.derive(parent.config())) {
        call(late);
      }
    }
    assertThat(CountingTransports.CREATED).hasValue(4);
    assertThat(CountingTransports.CLOSED).hasValue(4);
  }
}
