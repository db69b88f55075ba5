package io.databricks4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolutionTest {
  private static final String CANARY = "dapi-canary-5be1";

  @TempDir
  Path home;

  private DatabricksConfig resolve(Map<String, String> env, DatabricksConfig.Builder b) {
    return b.environment(Environment.of(env, home)).build().resolve();
  }

  @Test
  void explicitBeatsEnvironmentBeatsProfile() throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://p.cloud.databricks.com\ncluster_id = from-profile\nwarehouse_id = w-profile\n");
    DatabricksConfig c = resolve(Map.of("DATABRICKS_CLUSTER_ID", "from-env", "DATABRICKS_WAREHOUSE_ID", "w-env"),
        DatabricksConfig.builder().warehouseId("w-arg").profile("DEFAULT"));
    assertThat(c.host()).contains("https://p.cloud.databricks.com");
    assertThat(c.clusterId()).contains("from-env");
    assertThat(c.warehouseId()).contains("w-arg");
    assertThat(c.source(ConfigAttribute.WAREHOUSE_ID).orElseThrow().toString()).isEqualTo("argument");
    assertThat(c.source(ConfigAttribute.CLUSTER_ID).orElseThrow().toString()).isEqualTo("env DATABRICKS_CLUSTER_ID");
    assertThat(c.source(ConfigAttribute.HOST).orElseThrow().toString()).isEqualTo("profile DEFAULT in " + home.resolve(".databrickscfg"));
  }

  @Test
  void unknownProfileNamesTheFileAndTheProfilesItHas() throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = h\n[dev]\nhost = d\n");
    assertThatThrownBy(() -> resolve(Map.of(), DatabricksConfig.builder().profile("STAGING")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(home.resolve(".databrickscfg") + " has no STAGING profile configured")
        .hasMessageContaining("Profiles in that file: DEFAULT, dev");
  }

  @Test
  void namedProfileWithMissingFileIsAnError() {
    assertThatThrownBy(() -> resolve(Map.of("DATABRICKS_CONFIG_FILE", home.resolve("nope.cfg").toString()),
        DatabricksConfig.builder().profile("dev")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope.cfg does not exist, so profile dev cannot be loaded");
  }

  @Test
  void malformedFileNamesTheLineAndNeverPrintsIt() throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = h\ntoken " + CANARY + "\n");
    assertThatThrownBy(() -> resolve(Map.of(), DatabricksConfig.builder()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 3")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
  }

  @Test
  void badNumbersAreTypedErrorsNamingTheSource() {
    assertThatThrownBy(() -> resolve(Map.of("DATABRICKS_HTTP_TIMEOUT_SECONDS", "soon"), DatabricksConfig.builder()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http_timeout_seconds must be a whole number")
        .hasMessageContaining("env DATABRICKS_HTTP_TIMEOUT_SECONDS");
  }

  @Test
  void invalidHostIsATypedError() {
    assertThatThrownBy(() -> DatabricksConfig.builder().host("https://exa mple.com").build())
        .isInstanceOf(ConfigException.class).hasMessageContaining("is not a valid URL");
  }

  @Test
  void hostIsNormalisedAndClassified() {
    DatabricksConfig c = resolve(Map.of(), DatabricksConfig.builder().host("accounts.cloud.databricks.com/some/path/"));
    assertThat(c.host()).contains("https://accounts.cloud.databricks.com");
    assertThat(c.isAccountClient()).isTrue();
    DatabricksConfig local = resolve(Map.of(), DatabricksConfig.builder().host("http://127.0.0.1:8080/"));
    assertThat(local.host()).contains("http://127.0.0.1:8080");
  }

  @Test
  void defaultsApplyWhenUnset() {
    DatabricksConfig c = resolve(Map.of(), DatabricksConfig.builder());
    assertThat(c.httpTimeoutSeconds()).isEqualTo(60);
    assertThat(c.retryTimeoutSeconds()).isEqualTo(300);
    assertThat(c.debugTruncateBytes()).isEqualTo(96);
    assertThat(c.scopes()).containsExactly("all-apis");
  }

  @Test
  void secretsNeverAppearInToStringOrDescriptions() {
    DatabricksConfig c = resolve(Map.of("DATABRICKS_CLIENT_SECRET", CANARY, "DATABRICKS_PASSWORD", CANARY),
        DatabricksConfig.builder().host("h").token(CANARY).googleCredentials("{\"private_key\":\"" + CANARY + "\"}"));
    assertThat(c.toString()).doesNotContain(CANARY).contains("token=***");
    assertThat(c.describe()).doesNotContain(CANARY);
    assertThat(c.debugString(true)).doesNotContain(CANARY);
    assertThat(c.toBuilder().build().toString()).doesNotContain(CANARY);
  }

  @Test
  void resolvedConfigurationIsImmutableAndToBuilderCopies() {
    DatabricksConfig c = resolve(Map.of(), DatabricksConfig.builder().host("a.cloud.databricks.com").token("t"));
    DatabricksConfig d = c.toBuilder().host("b.cloud.databricks.com").build().resolve();
    assertThat(c.host()).contains("https://a.cloud.databricks.com");
    assertThat(d.host()).contains("https://b.cloud.databricks.com");
    assertThat(d.attribute("token")).contains("t");
  }
}
