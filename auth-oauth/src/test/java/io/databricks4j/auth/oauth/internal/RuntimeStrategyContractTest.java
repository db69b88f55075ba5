package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.dbutils_v1.DBUtilsHolder$;
import com.databricks.dbutils_v1.FakeDbUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notebook context is read by reflection from the runtime's dbutils; the test puts a stand-in
 * with the runtime's layout ({@link DBUtilsHolder$}) on the class path and installs a dbutils for
 * the test's thread.
 */
class RuntimeStrategyContractTest extends CredentialsStrategyContract {
  private static final String WORKSPACE = "https://adb-123.4.azuredatabricks.net";
  private static final String TOKEN = "dkea-notebook-" + CANARY;
  private static final Map<String, String> IN_RUNTIME = Map.of("DATABRICKS_RUNTIME_VERSION", "15.4");
  private FakeDbUtils dbutils;

  @BeforeEach
  void installDbUtils() {
    dbutils = new FakeDbUtils(WORKSPACE, TOKEN);
    DBUtilsHolder$.install(dbutils);
  }

  @AfterEach
  void removeDbUtils() {
    DBUtilsHolder$.install(null);
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new RuntimeStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(IN_RUNTIME, Path.of("."));
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers).containsExactly(Map.entry("Authorization", "Bearer " + TOKEN));
  }

  @Test
  void theHostOfAClientWithoutOneIsTheContextsWorkspace() {
    assertThat(new RuntimeHostResolver().resolveHost(applicableConfig())).contains(WORKSPACE);
    assertThat(new RuntimeHostResolver().resolveHost(TestConfigs.of(Map.of(), Path.of(".")))).isEmpty();
  }

  @Test
  void theTokenIsReadForEveryRequestBecauseTheRuntimeRenewsIt() {
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    dbutils.renew("dkea-renewed");
    assertThat(headers.headers()).containsEntry("Authorization", "Bearer dkea-renewed");
  }

  @Test
  void doesNotApplyOutsideTheRuntimeOrOnAThreadWithoutDbUtils() {
    assertThat(strategy().configure(TestConfigs.of(Map.of(), Path.of(".")))).isEmpty();
    DBUtilsHolder$.install(null);
    assertThat(strategy().configure(applicableConfig())).isEmpty();
    assertThat(strategy().requirement()).startsWith("only inside the Databricks Runtime");
  }

  @Test
  void aContextWithoutWorkspaceUrlAppliesOnlyWithAConfiguredHost() {
    DBUtilsHolder$.install(new FakeDbUtils(null, TOKEN));
    assertThat(strategy().configure(applicableConfig())).isEmpty();
    assertHeaders(strategy().configure(TestConfigs.of(IN_RUNTIME, Path.of("."), "host", WORKSPACE)).orElseThrow().headers());
  }

  @Test
  void aDbUtilsOfAnotherLayoutIsAnErrorThatSaysWhatToDoInstead() {
    DBUtilsHolder$.install(new Object());
    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("runtime: this Databricks Runtime's notebook context cannot be read (NoSuchFieldException")
        .hasMessageEndingWith("set host and token (or another auth_type) instead");
  }

  @Test
  void aContextWithoutTokenIsAnError() {
    DBUtilsHolder$.install(new FakeDbUtils(WORKSPACE, null));
    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("the notebook context has no API token");
  }
}
