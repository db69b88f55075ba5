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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvOidcStrategyContractTest extends CredentialsStrategyContract {
  static final String ID_TOKEN = "eyJ.id-token-" + CANARY + ".sig";
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProvider() {
    idp = FakeIdentityProvider.start("wif-" + CANARY).acceptIdToken(ID_TOKEN);
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new EnvOidcStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(Map.of("DATABRICKS_OIDC_TOKEN", ID_TOKEN), Path.of("."), "host", idp.base(), "client_id", "fed-sp");
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer wif-" + CANARY);
  }

  @Test
  void exchangesTheIdTokenWithTheTokenExchangeGrant() {
    int before = idp.calls().size();
    strategy().configure(applicableConfig()).orElseThrow().headers();
    FakeIdentityProvider.TokenCall call = idp.calls().get(before);
    assertThat(call.form())
        .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
        .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:jwt")
        .containsEntry("subject_token", ID_TOKEN)
        .containsEntry("client_id", "fed-sp")
        .containsEntry("scope", "all-apis");
    assertThat(call.authorization()).isNull();
  }

  @Test
  void readsTheVariableNamedByOidcTokenEnv() {
    ConfigView config = TestConfigs.of(Map.of("MY_TOKEN", ID_TOKEN), Path.of("."), "host", idp.base(), "oidc_token_env", "MY_TOKEN");
    assertHeaders(strategy().configure(config).orElseThrow().headers());
    assertThat(idp.calls().get(idp.calls().size() - 1).form()).doesNotContainKey("client_id");
  }

  @Test
  void doesNotApplyWithoutTheVariable() {
    assertThat(strategy().configure(TestConfigs.of(Map.of(), Path.of("."), "host", idp.base()))).isEmpty();
  }

  @Test
  void aRejectedIdTokenIsAnErrorThatDoesNotPrintIt() {
    ConfigView config = TestConfigs.of(Map.of("DATABRICKS_OIDC_TOKEN", "forged-" + CANARY), Path.of("."), "host", idp.base());
    assertThatThrownBy(() -> strategy().configure(config).orElseThrow().headers())
        .isInstanceOf(CredentialsException.class).hasMessageStartingWith("env-oidc:")
        .hasMessageContaining("invalid_grant").hasMessageNotContaining(CANARY);
  }
}
