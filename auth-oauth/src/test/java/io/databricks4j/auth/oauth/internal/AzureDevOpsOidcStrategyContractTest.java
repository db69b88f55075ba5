package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An Azure Pipelines job's ID token, asked of a local Azure DevOps, exchanged at a local Databricks. */
class AzureDevOpsOidcStrategyContractTest extends CredentialsStrategyContract {
  static final String ACCESS_TOKEN = "ado-access-" + CANARY;
  static final String ID_TOKEN = "eyJ.ado-" + CANARY + ".sig";
  private static final String OIDC_PATH = "/myorg/proj-1/_apis/distributedtask/hubs/build/plans/plan-7/jobs/job-3/oidctoken";
  private static final AtomicReference<String> SEEN = new AtomicReference<>();
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProviderAndAzureDevOps() {
    idp = FakeIdentityProvider.start("wif-" + CANARY).acceptIdToken(ID_TOKEN);
    idp.handle(OIDC_PATH, ex -> {
      ex.getRequestBody().readAllBytes();
      SEEN.set(ex.getRequestMethod() + " " + ex.getRequestURI());
      boolean ok = ("Bearer " + ACCESS_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))
          && ex.getRequestMethod().equals("POST");
      FakeIdentityProvider.json(ex, ok ? 200 : 401, ok ? "{\"oidcToken\":\"" + ID_TOKEN + "\"}" : "{}");
    });
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  private static Map<String, String> pipelineEnv(String accessToken) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", idp.base() + "/myorg/",
        "SYSTEM_TEAMPROJECTID", "proj-1",
        "SYSTEM_HOSTTYPE", "build",
        "SYSTEM_PLANID", "plan-7",
        "SYSTEM_JOBID", "job-3"));
    if (accessToken != null) {
      env.put("SYSTEM_ACCESSTOKEN", accessToken);
    }
    return env;
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new AzureDevOpsOidcStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(pipelineEnv(ACCESS_TOKEN), Path.of("."), "host", idp.base(), "client_id", "fed-sp");
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer wif-" + CANARY);
  }

  @Test
  void postsToTheJobsOidcTokenApiWithoutDoublingTheCollectionSlash() {
    strategy().configure(applicableConfig()).orElseThrow().headers();
    assertThat(SEEN.get()).isEqualTo("POST " + OIDC_PATH + "?api-version=7.2-preview.1");
  }

  @Test
  void doesNotApplyOutsideAPipelineOrWithoutTheMappedAccessToken() {
    assertThat(strategy().configure(TestConfigs.of(Map.of(), Path.of("."), "host", idp.base()))).isEmpty();
    assertThat(strategy().configure(TestConfigs.of(pipelineEnv(null), Path.of("."), "host", idp.base()))).isEmpty();
    assertThat(strategy().requirement()).contains("SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
  }

  @Test
  void aRefusedIdTokenRequestDoesNotPrintTheAccessToken() {
    ConfigView config = TestConfigs.of(pipelineEnv("wrong-" + CANARY), Path.of("."), "host", idp.base());
    assertThatThrownBy(() -> strategy().configure(config).orElseThrow().headers())
        .isInstanceOf(CredentialsException.class).hasMessageStartingWith("azure-devops-oidc:")
        .hasMessageContaining("HTTP 401").hasMessageNotContaining(CANARY);
  }
}
