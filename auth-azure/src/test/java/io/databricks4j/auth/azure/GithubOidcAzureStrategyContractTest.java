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

/** A GitHub Actions job's ID token as the client assertion of an Entra ID app, against local GitHub and Entra ID. */
class GithubOidcAzureStrategyContractTest extends CredentialsStrategyContract {
  static final String REQUEST_TOKEN = "gh-request-" + CANARY;
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure("unused-secret");

  private static Map<String, String> job(String requestToken) {
    return Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", FakeAzure.GITHUB + "/job-1/idtoken?api-version=2.0",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken);
  }

  @Override
  protected CredentialsStrategy strategy() {
    AZURE.githubRequestToken = REQUEST_TOKEN;
    return new GithubOidcAzureStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return AZURE.config(job(REQUEST_TOKEN), "host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_tenant_id", FakeAzure.TENANT);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).matches("Bearer aad-federated-databricks-\\d+");
    assertThat(headers).doesNotContainKeys("X-Databricks-Azure-SP-Management-Token", "X-Databricks-Azure-Workspace-Resource-Id");
  }

  @Test
  void theJobsIdTokenForEntraIdIsTheClientAssertionOfTheApp() {
    strategy().configure(applicableConfig()).orElseThrow().headers();

    // Azure Identity asks its assertion supplier more than once per token: each ask is a fresh ID token
    assertThat(AZURE.github.requests()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.param("audience")).isEqualTo("api://AzureADTokenExchange");
      assertThat(r.param("api-version")).isEqualTo("2.0");
    });
    assertThat(AZURE.aad.requests()).filteredOn(r -> r.path.endsWith("/token")).singleElement().satisfies(r -> {
      assertThat(r.path).isEqualTo("/" + FakeAzure.TENANT + "/oauth2/v2.0/token");
      assertThat(r.param("client_id")).isEqualTo(FakeAzure.CLIENT_ID);
      assertThat(r.param("client_assertion")).isEqualTo(FakeAzure.GITHUB_ID_TOKEN);
      assertThat(r.param("scope")).startsWith("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default");
      assertThat(r.param("client_secret")).isNull();
    });
  }

  @Test
  void everyRequestGoesThroughTheConfigurationsSender() {
    strategy().configure(applicableConfig()).orElseThrow().headers();
    assertThat(AZURE.http.count()).isEqualTo(AZURE.served());
    assertThat(AZURE.http.requests()).extracting(r -> r.origin().orElse(""))
        .contains(FakeAzure.GITHUB, "https://login.microsoftonline.com");
  }

  @Test
  void discoversTheTenantFromTheWorkspaceWhenNotSet() {
    ConfigView config = AZURE.config(job(REQUEST_TOKEN), "host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID);
    assertHeaders(strategy().configure(config).orElseThrow().headers());
    assertThat(AZURE.workspace.count(r -> r.path.equals("/aad/auth"))).isEqualTo(1);
  }

  @Test
  void doesNotApplyOutsideGithubActionsWithoutAClientIdOrOutsideAzure() {
    assertThat(strategy().configure(AZURE.config(Map.of(), "host", FakeAzure.WORKSPACE, "azure_client_id",
        FakeAzure.CLIENT_ID))).isEmpty();
    assertThat(strategy().configure(AZURE.config(job(REQUEST_TOKEN), "host", FakeAzure.WORKSPACE))).isEmpty();
    assertThat(strategy().configure(AZURE.config(job(REQUEST_TOKEN), "host", "https://x.cloud.databricks.com",
        "azure_client_id", FakeAzure.CLIENT_ID))).isEmpty();
  }

  @Test
  void aRefusedIdTokenRequestSaysWhatTheJobNeedsAndKeepsTheRequestTokenOut() {
    HeaderFactory headers = strategy().configure(AZURE.config(job("wrong-" + CANARY), "host", FakeAzure.WORKSPACE,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_tenant_id", FakeAzure.TENANT)).orElseThrow();
    assertThatThrownBy(headers::headers)
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("github-oidc-azure:")
        .hasMessageContaining("GitHub answered HTTP 403")
        .hasMessageContaining("id-token: write")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void userInformationInTheRequestUrlStaysOutOfTheMessage() {
    String withUser = FakeAzure.GITHUB.replace("://", "://job:" + CANARY + "@") + "/job-1/idtoken?api-version=2.0";
    HeaderFactory headers = strategy().configure(AZURE.config(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", withUser,
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "wrong"), "host", FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID,
        "azure_tenant_id", FakeAzure.TENANT)).orElseThrow();
    assertThatThrownBy(headers::headers)
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("github-oidc-azure:")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void anAppWithoutAFederatedCredentialIsEntraIdsAnswer() {
    AZURE.aad.route("POST", "/" + FakeAzure.TENANT + "/oauth2/v2.0/token", r -> LocalServer.Reply.json(401,
        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213: No matching federated identity record"
            + " found for presented assertion.\",\"error_codes\":[700213]}"));
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertThatThrownBy(headers::headers)
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("github-oidc-azure: cannot get a token for")
        .hasMessageContaining("AADSTS700213");
  }
}
