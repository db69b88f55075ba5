package io.databricks4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.auth.AttributeSpec;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.auth.CredentialsResolver;
import io.databricks4j.core.internal.PluginView;
import io.databricks4j.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attributes a plug-in declares ({@link VaultAttributes}, registered for these tests with
 * ServiceLoader) resolve like built-in ones: argument, then environment, then profile; they are
 * checked by kind, counted by auth group, and a sensitive one never prints.
 */
class DeclaredAttributesTest {
  private static final String CANARY = "hvs.CANARY-vault-token-31";

  @TempDir
  Path home;

  private DatabricksConfig.Builder config(Map<String, String> env) {
    return DatabricksConfig.builder().environment(Environment.of(env, home));
  }

  private void profile(String text) throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), text);
  }

  @Test
  void declaredAttributesAreFoundByServiceLoaderAfterTheBuiltIns() {
    ConfigAttribute path = ConfigAttribute.byKey("vault_path").orElseThrow();
    assertThat(path.builtIn()).isFalse();
    assertThat(path.declaredBy()).isEqualTo(VaultAttributes.class.getName());
    assertThat(path.envVars()).containsExactly("DATABRICKS_VAULT_PATH");
    assertThat(path.authGroup()).contains("vault");
    assertThat(path.description()).isEqualTo("the secret's path in Vault");
    assertThat(ConfigAttribute.HOST.declaredBy()).isEqualTo("databricks4j");
    List<ConfigAttribute> all = ConfigAttribute.values();
    assertThat(all.indexOf(path)).isGreaterThan(all.indexOf(ConfigAttribute.USE_SYSTEM_PROPERTIES_HTTP));
  }

  @Test
  void argumentBeatsEnvironmentBeatsProfile() throws Exception {
    profile("[DEFAULT]\nhost = https://p.cloud.databricks.com\nvault_path = from-profile\nvault_role = profile-role\n"
        + "vault_ns = profile-ns\nvault_token = " + CANARY + "\n");
    DatabricksConfig c = config(Map.of("DATABRICKS_VAULT_PATH", "from-env", "VAULT_ROLE", "env-role"))
        .set("vault_path", "from-argument").build().resolve();

    assertThat(c.attribute("vault_path")).contains("from-argument");
    assertThat(c.source(ConfigAttribute.byKey("vault_path").orElseThrow()).orElseThrow()).hasToString("argument");
    assertThat(c.attribute("vault_role")).contains("env-role");
    assertThat(c.source(ConfigAttribute.byKey("vault_role").orElseThrow()).orElseThrow()).hasToString("env VAULT_ROLE");
    assertThat(c.attribute("vault_namespace")).contains("profile-ns");
    assertThat(c.attribute("vault_ns")).as("the profile key names the attribute too").contains("profile-ns");
    assertThat(c.attribute("vault_token")).contains(CANARY);
    assertThat(c.source(ConfigAttribute.byKey("vault_token").orElseThrow()).orElseThrow().toString())
        .startsWith("profile DEFAULT");
  }

  @Test
  void theFirstEnvironmentVariableDeclaredWins() {
    DatabricksConfig c = config(Map.of("DATABRICKS_VAULT_ROLE", "first", "VAULT_ROLE", "second")).host("h").build().resolve();
    assertThat(c.attribute("vault_role")).contains("first");
  }

  @Test
  void theBuilderTakesDeclaredKeysAndStillRejectsUnknownOnes() {
    assertThat(config(Map.of()).set("vault_ns", "ns").build().attribute("vault_namespace")).contains("ns");
    assertThatThrownBy(() -> config(Map.of()).set("vault_paht", "x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration attribute \"vault_paht\"")
        .hasMessageContaining("vault_path");
  }

  @Test
  void valuesAreCheckedByTheDeclaredKindNamingTheSource() throws Exception {
    assertThatThrownBy(() -> config(Map.of("DATABRICKS_VAULT_TTL_SECONDS", "soon")).host("h").build().resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("vault_ttl_seconds must be a whole number, got \"soon\"")
        .hasMessageContaining("env DATABRICKS_VAULT_TTL_SECONDS");
    profile("[DEFAULT]\nvault_ttl_seconds = later\n");
    assertThatThrownBy(() -> config(Map.of()).build().resolve())
        .hasMessageContaining("vault_ttl_seconds must be a whole number, got \"later\"")
        .hasMessageContaining("profile DEFAULT");
  }

  @Test
  void aSensitiveDeclaredAttributeNeverPrints() throws Exception {
    profile("[DEFAULT]\nhost = https://p.cloud.databricks.com\nvault_token = " + CANARY + "\nvault_path = kv/db\n");
    DatabricksConfig c = config(Map.of()).build().resolve();
    assertThat(c.toString()).contains("vault_token=***").contains("vault_path=kv/db").doesNotContain(CANARY);
    assertThat(c.debugString(true)).contains("vault_token=***").doesNotContain(CANARY);
    assertThat(c.describe()).contains("vault_token=*** (profile DEFAULT").doesNotContain(CANARY);
    // nothing applies (no vault strategy here): the error lists the attributes seen, redacted
    Throwable e = catchThrowable(() -> CredentialsResolver.create().resolve(c));
    assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("vault_token=***");
    assertThat(e.getMessage()).doesNotContain(CANARY);
  }

  @Test
  void anInvalidSensitiveValueIsNotEchoed() {
    ConfigAttribute secretNumber = ConfigAttribute.declare(Map.of("com.acme.Pin",
        List.of(AttributeSpec.builder("acme_pin").kind(AttributeSpec.Kind.INT).sensitive(true).build()))).get(0);
    assertThat(secretNumber.validate(CANARY)).hasValueSatisfying(m -> assertThat(m).contains("***").doesNotContain(CANARY));
  }

  @Test
  void attributesOfTwoAuthGroupsAreMoreThanOneMethodUnlessAuthTypeChooses() {
    DatabricksConfig both = config(Map.of("DATABRICKS_VAULT_TOKEN", CANARY)).host("https://h.cloud.databricks.com")
        .token("dapi-CANARY").build();
    Throwable e = catchThrowable(() -> CredentialsResolver.create().resolve(both));
    assertThat(e).isInstanceOf(ConfigException.class)
        .hasMessageContaining("more than one authorization method configured: pat and vault")
        .hasMessageContaining("vault_token=***");
    assertThat(e.getMessage()).doesNotContain(CANARY).doesNotContain("dapi-CANARY");
    assertThat(CredentialsResolver.create().resolve(both.toBuilder().authType("pat").build()).authType()).isEqualTo("pat");
  }

  @Test
  void pluginsReadDeclaredAttributesAndAMissingOneNamesItsOwnVariables() {
    PluginView view = new PluginView(config(Map.of("VAULT_ROLE", "ci")).host("h").build(), null);
    assertThat(view.attribute("vault_role")).contains("ci");
    assertThatThrownBy(() -> view.require("vault_path"))
        .isInstanceOf(CredentialsException.class)
        .hasMessage("vault_path is not set: set it as an argument, in DATABRICKS_VAULT_PATH or in the profile");
  }

  @Test
  void aDeclaredNameEqualToABuiltInOneIsRejected() {
    assertThatThrownBy(() -> ConfigAttribute.declare(Map.of("com.acme.Tokens", List.of(AttributeSpec.builder("token").build()))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration attribute collision: com.acme.Tokens declares attribute token, but token is already"
            + " the name of the built-in attribute token; a plug-in cannot redefine or shadow a built-in attribute:"
            + " rename it in com.acme.Tokens");
  }

  @Test
  void aDeclaredProfileKeyEqualToABuiltInNameIsRejected() {
    assertThatThrownBy(() -> ConfigAttribute.declare(Map.of("com.acme.Hosts",
        List.of(AttributeSpec.builder("acme_host").profileKey("host").build()))))
        .hasMessageContaining("com.acme.Hosts declares attribute acme_host with profile key host, but host is already"
            + " the name of the built-in attribute host");
  }

  @Test
  void aDeclaredEnvironmentVariableEqualToABuiltInOneIsRejected() {
    assertThatThrownBy(() -> ConfigAttribute.declare(Map.of("com.acme.Vault",
        List.of(AttributeSpec.builder("vault_token").envVars("VAULT_TOKEN", "DATABRICKS_TOKEN").build()))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration attribute collision: com.acme.Vault declares attribute vault_token with environment"
            + " variable DATABRICKS_TOKEN, but DATABRICKS_TOKEN is already an environment variable of the built-in"
            + " attribute token; a plug-in cannot redefine or shadow a built-in attribute: rename it in com.acme.Vault");
  }

  @Test
  void twoProvidersDeclaringTheSameNameAreRejectedNamingBoth() {
    Map<String, List<AttributeSpec>> providers = new LinkedHashMap<>();
    providers.put("com.acme.VaultA", List.of(AttributeSpec.builder("vault_path").build()));
    providers.put("com.other.VaultB", List.of(AttributeSpec.builder("vault_path").build()));
    assertThatThrownBy(() -> ConfigAttribute.declare(providers))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration attribute collision: com.other.VaultB declares attribute vault_path, but vault_path"
            + " is already the name of attribute vault_path of com.acme.VaultA; rename one of them, or keep one of the"
            + " two plug-ins off the class path");
  }

  @Test
  void twoProvidersSharingAnEnvironmentVariableAreRejected() {
    Map<String, List<AttributeSpec>> providers = new LinkedHashMap<>();
    providers.put("com.acme.VaultA", List.of(AttributeSpec.builder("acme_vault").envVars("VAULT_ADDR").build()));
    providers.put("com.other.VaultB", List.of(AttributeSpec.builder("other_vault").envVars("vault_addr").build()));
    assertThatThrownBy(() -> ConfigAttribute.declare(providers))
        .hasMessageContaining("com.other.VaultB declares attribute other_vault with environment variable vault_addr,"
            + " but vault_addr is already an environment variable of attribute acme_vault of com.acme.VaultA");
  }

  @Test
  void oneProviderDeclaringANameTwiceIsToldToDeclareItOnce() {
    assertThatThrownBy(() -> ConfigAttribute.declare(Map.of("com.acme.Vault",
        List.of(AttributeSpec.builder("vault_path").build(), AttributeSpec.builder("vault_path").build()))))
        .hasMessageEndingWith("; declare it once");
  }

  @Test
  void providersWithoutCollisionsFollowTheBuiltInsInOrder() {
    Map<String, List<AttributeSpec>> providers = new LinkedHashMap<>();
    providers.put("com.acme.A", List.of(AttributeSpec.builder("acme_one").build(), AttributeSpec.builder("acme_two").build()));
    providers.put("com.acme.B", List.of(AttributeSpec.builder("other_one").build()));
    List<ConfigAttribute> declared = ConfigAttribute.declare(providers);
    assertThat(declared).extracting(ConfigAttribute::key).containsExactly("acme_one", "acme_two", "other_one");
    assertThat(declared).extracting(ConfigAttribute::declaredBy).containsExactly("com.acme.A", "com.acme.A", "com.acme.B");
    assertThat(ConfigAttribute.ORDER.compare(ConfigAttribute.USE_SYSTEM_PROPERTIES_HTTP, declared.get(0))).isNegative();
  }
}
