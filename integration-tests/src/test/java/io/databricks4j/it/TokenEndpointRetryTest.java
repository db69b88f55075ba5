package io.databricks4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.it.support.Clients;
import io.databricks4j.it.support.Recorder;
import io.databricks4j.it.support.Report;
import io.databricks4j.testkit.FaultPlan.Fault;
import io.databricks4j.testkit.FaultRule;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OAuth M2M against the testkit's token endpoint: a 503 before the token does not fail the call. */
class TokenEndpointRetryTest {

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"apache, UNAVAILABLE", "apache, UNAVAILABLE_WITH_RETRY_AFTER", "jdk, UNAVAILABLE",
      "jdk, UNAVAILABLE_WITH_RETRY_AFTER"})
  void aTokenEndpointAnsweringUnavailableThenATokenLetsTheCallSucceed(String transport, Fault unavailable) {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      ws.oauthClient("it-service-principal", "it-client-secret");
      ws.faults().add(FaultRule.forPaths("/oidc/v1/token").methods("POST").fault(unavailable, 100)
          .retryAfter(Duration.ofSeconds(1)).limit(1).build());
      Recorder recorder = Recorder.keeping();
      long start = System.nanoTime();
      try (WorkspaceClient w = new WorkspaceClient(Clients.isolated(transport).host(ws.host())
          .clientId("it-service-principal").clientSecret("it-client-secret").authType("oauth-m2m")
          .httpOptions(Clients.fastRetries(recorder).build()).build())) {

        assertThat(w.currentUser().me(io.databricks4j.service.iam.MeRequest.builder().build()).userName()).isNotBlank();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(ws.faults().injected(unavailable)).isEqualTo(1);
      assertThat(recorder.sent()).filteredOn(s -> s.url().endsWith("/oidc/v1/token"))
          .extracting(Recorder.Sent::attempt).containsExactly(1, 2);
      Report.line("token endpoint 503 then 200, " + transport + ", " + unavailable + ": call succeeded in "
          + took.toMillis() + " ms after " + recorder.sent().size() + " attempts");
    }
  }
}
