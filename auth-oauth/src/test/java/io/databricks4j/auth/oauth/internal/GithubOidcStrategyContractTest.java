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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GithubOidcStrategyContractTest extends CredentialsStrategyContract {
  static final String REQUEST_TOKEN = "gh-request-" + CANARY;
  static final String ID_TOKEN = "eyJ.gh-" + CANARY + ".sig";
  private static final AtomicReference<String> AUDIENCE = new AtomicReference<>();
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProviderAndGithub() {
    idp = FakeIdentityProvider.start("wif-" + CANARY).acceptIdToken(ID_TOKEN);
    idp.handle("/github/token", ex -> {
      Map<String, String> q = FakeIdentityProvider.query(ex.getRequestURI());
      AUDIENCE.set(q.get("audience"));
      boolean ok = ("Bearer " + REQUEST_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))
          && "2.0".equals(q.get("api-version"));
      FakeIdentityProvider.json(ex, ok ? 200 : 403, ok ? "{\"count\":1,\"value\":\"" + ID_TOKEN + "\"}" : "{}");
    });
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  private static Map<String, String> actionsEnv(String requestToken) {
    return Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", idp.base() + "/github/token?api-version=2.0",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken);
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new GithubOidcStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(actionsEnv(REQUEST_TOKEN), Path.of("."), "host", idp.base(), "client_id", "fed-sp");
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer wif-" + CANARY);
  }

  @Test
  void asksGithubForTheTokenEndpointAudienceByDefault() {
    strategy().configure(applicableConfig()).orElseThrow().headers();
    assertThat(AUDIENCE.get()).isEqualTo(idp.base() + "/oidc/v1/token");
  }

  @Test
  void asksGithubForTokenAudienceWhenSet() {
    ConfigView config = TestConfigs.of(actionsEnv(REQUEST_TOKEN), Path.of("."), "host", idp.base(),
        "token_audience", "my-audience");
    assertHeaders(strategy().configure(config).orElseThrow().headers());
    assertThat(AUDIENCE.get()).isEqualTo("my-audience");
  }

  @Test
  void asksForTheAccountIdOnAnAccountsHost() {
    ConfigView config = TestConfigs.asAccountHost(TestConfigs.of(actionsEnv(REQUEST_TOKEN), Path.of("."),
        "host", idp.base(), "account_id", "acc-9"));
    try {
      strategy().configure(config).orElseThrow().headers();
    } catch (CredentialsException expected) {
      // the fake has no account token endpoint for the exchange's client; only the audience matters here
    }
    assertThat(AUDIENCE.get()).isEqualTo("acc-9");
  }

  @Test
  void doesNotApplyOutsideGithubActions() {
    assertThat(strategy().configure(TestConfigs.of(Map.of(), Path.of("."), "host", idp.base()))).isEmpty();
  }

  @Test
  void aRefusedIdTokenRequestDoesNotPrintTheRequestToken() {
    ConfigView config = TestConfigs.of(actionsEnv("wrong-" + CANARY), Path.of("."), "host", idp.base());
    assertThatThrownBy(() -> strategy().configure(config).orElseThrow().headers())
        .isInstanceOf(CredentialsException.class).hasMessageStartingWith("github-oidc:")
        .hasMessageContaining("HTTP 403").hasMessageNotContaining(CANARY);
  }
}
