package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.azure.internal.AzureHttp;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.RoutingSender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request Azure Identity, MSAL and this module make arrives at the local servers through the
 * configuration's sender: the servers answered exactly as many requests as the sender sent. A
 * request over an HTTP client of azure-core's or MSAL's own would be one the sender never saw (and
 * with no azure-core HTTP client on the class path, it would fail).
 */
class EveryRequestThroughTheSenderTest {
  static final String SECRET = "secret-canary-7f3a9c";
  static final String RESOURCE_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure(SECRET);

  private static List<String> paths() {
    return AZURE.http.requests().stream().map(r -> r.method() + " " + r.origin().orElse("") + r.path())
        .collect(Collectors.toList());
  }

  @Test
  void clientSecretWithTenantDiscovery() {
    new AzureClientSecretStrategy().configure(AZURE.config("host", FakeAzure.WORKSPACE,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET)).orElseThrow().headers();

    assertThat(AZURE.http.count()).isEqualTo(AZURE.served());
    // MSAL's instance discovery is cached for the JVM: only the first test of a run sees it
    assertThat(paths()).filteredOn(p -> !p.endsWith("/common/discovery/instance")).containsExactly(
        "GET " + FakeAzure.WORKSPACE + "/aad/auth",
        "POST https://login.microsoftonline.com/" + FakeAzure.TENANT + "/oauth2/v2.0/token",
        "POST https://login.microsoftonline.com/" + FakeAzure.TENANT + "/oauth2/v2.0/token");
  }

  @Test
  void managedIdentityWithTheBoundsOfTheMetadataEndpoint() {
    new AzureMsiStrategy().configure(AZURE.config("host", FakeAzure.WORKSPACE, "azure_use_msi", "true"))
        .orElseThrow().headers();

    assertThat(AZURE.http.count()).isEqualTo(AZURE.served()).isEqualTo(2);
    assertThat(AZURE.http.sent()).allSatisfy(s -> {
      assertThat(s.request().origin()).contains("http://169.254.169.254");
      assertThat(s.limits()).isEqualTo(new RoutingSender.Limits(AzureHttp.IMDS_CONNECT, AzureHttp.IMDS_BUDGET));
    });
  }

  @Test
  void workspaceLookUpWithTheBoundsOfDiscovery() {
    AZURE.arm.route("GET", RESOURCE_ID, r -> Reply.json(200, "{\"properties\":{\"workspaceUrl\":\"adb-1.2.azuredatabricks.net\"}}"));

    AzureWorkspaceHost.resolve(AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_client_id",
        FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT));

    assertThat(AZURE.http.count()).isEqualTo(AZURE.served());
    assertThat(paths()).filteredOn(p -> !p.endsWith("/common/discovery/instance")).containsExactly(
        "POST https://login.microsoftonline.com/" + FakeAzure.TENANT + "/oauth2/v2.0/token",
        "GET https://management.azure.com" + RESOURCE_ID);
    assertThat(AZURE.http.sent()).allSatisfy(s -> assertThat(s.limits())
        .isEqualTo(new RoutingSender.Limits(AzureHttp.DISCOVERY_CONNECT, AzureHttp.DISCOVERY_BUDGET)));
  }

  @Test
  void azureCoreDoesNotRetryAboveTheSender() {
    AZURE.aad.route("POST", "/" + FakeAzure.TENANT + "/oauth2/v2.0/token",
        // 429 with Retry-After 0: azure-core's default policy retries it (MSAL does not), at once
        r -> new Reply(429, Map.of("Content-Type", "application/json", "Retry-After", "0"),
            "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS900144: throttled\"}"));

    assertThatThrownBy(() -> new AzureClientSecretStrategy().configure(AZURE.config("host", FakeAzure.WORKSPACE,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT))
        .orElseThrow().headers()).isInstanceOf(CredentialsException.class).hasMessageContaining("AADSTS900144");

    // azure-core's default policy would have sent the throttled request 4 times
    assertThat(AZURE.aad.count(r -> r.path.endsWith("/token"))).isEqualTo(1);
    assertThat(AZURE.http.count()).isEqualTo(AZURE.served());
  }
}
