package io.databricks4j.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.service.workspace.SecretMetadata;
import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.junit.EmulatorHost;
import io.databricks4j.testkit.junit.EmulatorToken;
import io.databricks4j.testkit.junit.Fault;
import io.databricks4j.testkit.junit.LocalWorkspaceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// The example test of the README's "Testing your code: the local workspace", as it is printed there.
@LocalWorkspaceTest
class SecretsReadmeTest {
  @Test
  void storesASecret(WorkspaceClient w) {
    w.secrets().createScope(CreateScope.builder().scope("app").build());
    w.secrets().putSecret(PutSecret.builder().scope("app").key("db-password").stringValue("s3cr3t").build());

    assertThat(w.secrets().listSecrets("app").stream().map(SecretMetadata::key)).containsExactly("db-password");
  }

  @Test
  void startsFromAFreshWorkspace(WorkspaceClient w) {
    assertThat(w.secrets().listScopes().stream()).isEmpty();
  }

  @Test
  @Fault(path = "/api/2\\.0/secrets/scopes/list", tooManyRequests = 100, retryAfterSeconds = 0, limit = 2)
  void retriesThroughRateLimits(WorkspaceClient w, LocalWorkspace ws) {
    assertThat(w.secrets().listScopes().stream()).isEmpty();
    assertThat(ws.faults().injected(FaultPlan.Fault.TOO_MANY_REQUESTS)).isEqualTo(2);
  }

  @Test
  void servesAnyHttpClient(@EmulatorHost String host, @EmulatorToken String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(host + "/api/2.0/secrets/scopes/list"))
            .header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
