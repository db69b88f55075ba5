package io.databricks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plug-ins' way to the network: own budget, answers returned whatever their status. */
class PluginSenderTest {

  @Test
  void aServerThatAcceptsAndNeverAnswersFailsWithinTheLimits() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        HttpPipeline p = HttpPipeline.builder().build()) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepted, never answered
          }
        } catch (java.io.IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      HttpSender probe = p.sender().withLimits(Duration.ofMillis(1500), Duration.ofMillis(2500));
      long start = System.nanoTime();
      assertThatThrownBy(() -> probe.send(HttpRequest.builder("GET", "http://127.0.0.1:" + silent.getLocalPort()
          + "/common/discovery").idempotent(true).build()))
          .isInstanceOf(DatabricksException.class)
          .hasMessageContaining("http://127.0.0.1:" + silent.getLocalPort() + "/common/discovery");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aFinalErrorStatusComesBackAsAnAnswer() {
    try (LocalServer server = LocalServer.start(); HttpPipeline p = HttpPipeline.builder().build()) {
      server.always(LocalServer.Reply.of(400, "{\"error\":\"invalid_client\"}", "Content-Type", "application/json"));
      HttpResponse r = p.sender().send(HttpRequest.builder("POST", server.baseUrl() + "/oidc/v1/token").build());
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.bodyAsString()).contains("invalid_client");
    }
  }
}
