package io.databricks4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.testing.LocalHttpServer;
import io.databricks4j.it.support.Clients;
import io.databricks4j.it.support.Report;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What no retry can heal fails at once, with the default retry budget (300 s) and a message that
 * says what to check: a certificate the JVM does not trust, and a host name that does not resolve.
 */
class FailFastTest {

  /** The first call of a new client with the default settings, and how long the call took. */
  private record Outcome(Throwable failure, Duration took) {}

  private static Outcome firstCall(String transport, String host) {
    try (WorkspaceClient w = new WorkspaceClient(Clients.isolated(transport).host(host).token("dapi-not-a-secret")
        .authType("pat").build())) {
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> w.clusters().get("0123-456789-abcdef"));
      return new Outcome(failure, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void aCertificateThatDoesNotVerifyFailsAtOnceNamingTheHostAndTheTrustSettings(String transport) {
    try (LocalHttpServer selfSigned = LocalHttpServer.https()) {
      Outcome outcome = firstCall(transport, selfSigned.localhostOrigin());
      Throwable failure = outcome.failure();
      Duration took = outcome.took();

      Report.line("bad certificate, " + transport + ": failed in " + took.toMillis() + " ms: " + failure.getMessage());
      assertThat(failure).isInstanceOf(DatabricksException.class)
          .hasMessageContaining("localhost")
          .hasMessageContaining("certificate")
          .hasMessageContaining("truststore")
          .hasMessageContaining("skip_verify");
      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(selfSigned.seen()).as("no request got through the handshake").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void anUnknownHostFailsAtOnceNamingTheHostAndWhereItWasSet(String transport) {
    Outcome outcome = firstCall(transport, "https://no-such-workspace.invalid");
    Throwable failure = outcome.failure();
    Duration took = outcome.took();

    Report.line("unknown host, " + transport + ": failed in " + took.toMillis() + " ms: " + failure.getMessage());
    assertThat(failure).isInstanceOf(DatabricksException.class)
        .hasMessageContaining("no-such-workspace.invalid")
        .hasMessageContaining("host from");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }
}
