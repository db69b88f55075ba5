package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzureClientSecretStrategyContractTest extends CredentialsStrategyContract {
  static final String SECRET = "secret-" + CANARY;
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure(SECRET);

  @Override
  protected CredentialsStrategy strategy() {
    return new AzureClientSecretStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return AZURE.config("host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).matches("Bearer aad-databricks-\\d+");
    assertThat(headers.get("X-Databricks-Azure-SP-Management-Token")).matches("aad-management-\\d+");
    assertThat(headers).doesNotContainKey("X-Databricks-Azure-Workspace-Resource-Id");
  }

  @Test
  void sendsClientCredentialsToTheTenantOfTheServicePrincipal() {
    strategy().configure(applicableConfig()).orElseThrow().headers();

    assertThat(AZURE.aad.requests()).filteredOn(r -> r.path.endsWith("/token")).hasSize(2).allSatisfy(r -> {
      assertThat(r.path).isEqualTo("/" + FakeAzure.TENANT + "/oauth2/v2.0/token");
      assertThat(r.param("grant_type")).isEqualTo("client_credentials");
    });
    assertThat(AZURE.aad.requests()).extracting(r -> r.param("scope")).filteredOn(s -> s != null)
        .anySatisfy(s -> assertThat(s).contains("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default"))
        .anySatisfy(s -> assertThat(s).contains("https://management.core.windows.net//.default"));
  }

  @Test
  void discoversTheTenantFromTheWorkspaceWhenNotSet() {
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_client_secret", SECRET);

    Map<String, String> headers = strategy().configure(config).orElseThrow().headers();

    assertThat(headers.get("Authorization")).startsWith("Bearer aad-databricks-");
    assertThat(AZURE.workspace.count(r -> r.path.equals("/aad/auth"))).isEqualTo(1);
    assertThat(AZURE.aad.requests()).anySatisfy(
        r -> assertThat(r.path).isEqualTo("/" + FakeAzure.TENANT + "/oauth2/v2.0/token"));
  }

  @Test
  void saysToSetTheTenantWhenTheWorkspaceDoesNotGiveItAway() {
    AZURE.workspace.route("GET", "/aad/auth", r -> LocalServer.Reply.json(404, "{}"));
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_client_secret", SECRET);

    assertThatThrownBy(() -> strategy().configure(config))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("azure-client-secret: azure_tenant_id is not set")
        .hasMessageContaining(FakeAzure.WORKSPACE + "/aad/auth")
        .hasMessageContaining("set azure_tenant_id");
  }

  @Test
  void sendsTheWorkspaceResourceIdWhenSet() {
    String resourceId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_workspace_resource_id", resourceId,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);

    assertThat(strategy().configure(config).orElseThrow().headers())
        .containsEntry("X-Databricks-Azure-Workspace-Resource-Id", resourceId);
  }

  @Test
  void appliesToAResourceIdWithoutAzureHost() {
    ConfigView config = AZURE.config("host", "https://adb-1.2.example.net",
        "azure_workspace_resource_id", "/subscriptions/s/x", "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);

    assertThat(strategy().configure(config)).isPresent();
  }

  @Test
  void doesNotApplyOutsideAzure() {
    ConfigView config = AZURE.config("host", "https://x.cloud.databricks.com", "azure_client_id",
        FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);

    assertThat(strategy().configure(config)).isEmpty();
    assertThat(AZURE.aad.requests()).isEmpty();
  }

  @Test
  void usesTheLoginHostAndManagementEndpointOfTheAzureEnvironment() {
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_environment", "usgovernment",
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);

    strategy().configure(config).orElseThrow().headers();

    assertThat(AZURE.aad.requests()).isEmpty();
    assertThat(AZURE.aadGov.requests()).extracting(r -> r.param("scope")).filteredOn(s -> s != null)
        .anySatisfy(s -> assertThat(s).contains("https://management.core.usgovcloudapi.net//.default"));
  }

  @Test
  void aRequestThePipelineCouldNotSendFailsWithThePipelinesMessageNotOnlyItsCause() {
    // what the client's sender throws for a token host that does not resolve: its message says what
    // failed and what to check; the cause alone is only the host name
    io.databricks4j.http.HttpSender unresolved = new io.databricks4j.http.HttpSender() {
      @Override
      public io.databricks4j.http.HttpResponse send(io.databricks4j.http.HttpRequest request) {
        throw new io.databricks4j.error.DatabricksException(request.method() + " " + request.origin().orElse("")
            + request.path() + ": cannot resolve host login.microsoftonline.com: UnknownHostException (call 1a2b). "
            + "Check the host for a typo, and that this machine resolves it (DNS, VPN, proxy).",
            new java.net.UnknownHostException("login.microsoftonline.com"));
      }

      @Override
      public io.databricks4j.http.HttpSender withLimits(java.time.Duration connect, java.time.Duration budget) {
        return this;
      }
    };
    ConfigView config = io.databricks4j.auth.testing.MapConfigView.of("host", FakeAzure.WORKSPACE, "azure_client_id",
        FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT).withHttp(unresolved);
    HeaderFactory headers = strategy().configure(config).orElseThrow();

    assertThatThrownBy(headers::headers)
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("azure-client-secret: cannot get a token for ")
        .hasMessageContaining("cannot resolve host login.microsoftonline.com")
        .hasMessageContaining("Check the host");
  }

  @Test
  void aRejectedSecretFailsWithTheServiceMessageButNeverTheSecret() {
    AZURE.clientSecret = "another-secret";
    try {
      HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();

      assertThatThrownBy(headers::headers)
          .isInstanceOf(CredentialsException.class)
          .hasMessageStartingWith("azure-client-secret: ")
          .hasMessageContaining("AADSTS7000215")
          .satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
              assertThat(String.valueOf(t.getMessage())).doesNotContain(CANARY);
            }
          });
    } finally {
      AZURE.clientSecret = SECRET;
    }
  }

  @Test
  void thirtyTwoThreadsSharingAnExpiringTokenMakeOneTokenRequestPerExpiry() throws Exception {
    // 42 s tokens are refreshed 40 s early: each is good for about two seconds
    AZURE.lifetimeSeconds = 42;
    HeaderFactory factory = strategy().configure(applicableConfig()).orElseThrow();
    int threads = 32;
    int rounds = 3;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (int round = 1; round <= rounds; round++) {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<java.util.Set<String>>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(pool.submit(() -> {
            start.await();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int call = 0; call < 10; call++) {
              seen.add(factory.headers().get("Authorization"));
            }
            return seen;
          }));
        }
        start.countDown();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (java.util.concurrent.Future<java.util.Set<String>> f : results) {
          seen.addAll(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertThat(seen).as("round %d", round).hasSize(1);
        assertThat(tokenRequests("databricks")).as("Databricks token requests after round %d", round).isEqualTo(round);
        assertThat(tokenRequests("management")).as("management token requests after round %d", round).isEqualTo(round);
        Thread.sleep(2_300);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long tokenRequests(String kind) {
    return AZURE.aad.count(r -> r.path.endsWith("/oauth2/v2.0/token") && FakeAzure.kind(r.param("scope")).equals(kind));
  }
}
