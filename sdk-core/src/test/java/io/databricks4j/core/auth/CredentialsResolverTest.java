package io.databricks4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.pat.BasicStrategy;
import io.databricks4j.auth.pat.PatStrategy;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsResolverTest {
  private static final String CANARY = "secret-canary-0c1e";

  private static DatabricksConfig.Builder config(Map<String, String> env) {
    return DatabricksConfig.builder().environment(Environment.of(env, Path.of("/nonexistent-home")));
  }

  /** A strategy that claims everything, with a given priority. */
  private static CredentialsStrategy fixed(String type, int priority, boolean applies) {
    return new CredentialsStrategy() {
      @Override
      public String authType() {
        return type;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        return applies ? Optional.of(() -> Map.of("Authorization", "X " + type)) : Optional.empty();
      }
    };
  }

  @Test
  void discoversPatAndBasicThroughServiceLoader() {
    assertThat(StrategyRegistry.discovered().strategies()).extracting(CredentialsStrategy::authType).contains("pat", "basic");
  }

  @Test
  void picksTheFirstApplicableByPriorityThenName() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(fixed("zeta", 5, true), fixed("alpha", 5, true), fixed("first", 1, false))));
    assertThat(r.resolve(config(Map.of()).host("h").build()).authType()).isEqualTo("alpha");
  }

  @Test
  void explicitStrategyObjectWinsOverAuthType() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy())));
    Credentials c = r.resolve(config(Map.of()).host("h").token("t").authType("pat").credentialsStrategy(fixed("mine", 99, true)).build());
    assertThat(c.authType()).isEqualTo("mine");
    assertThat(c.headers()).containsEntry("Authorization", "X mine");
  }

  @Test
  void authTypeWhosePluginIsMissingNamesTheArtifact() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy())));
    assertThatThrownBy(() -> r.resolve(config(Map.of()).host("h").authType("azure-msi").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auth type \"azure-msi\" not found")
        .hasMessageContaining("io.databricks4j:auth-azure");
  }

  @Test
  void unknownAuthTypeListsWhatIsAvailable() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy(), new BasicStrategy())));
    assertThatThrownBy(() -> r.resolve(config(Map.of()).host("h").authType("patt").build()))
        .hasMessageContaining("available: pat, basic");
  }

  @Test
  void nothingAppliesExplainsEachCandidateAndEachAttributeSource() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy(), new BasicStrategy())));
    assertThatThrownBy(() -> r.resolve(config(Map.of("DATABRICKS_USERNAME", "me")).host("h.cloud.databricks.com").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(CredentialsResolver.DEFAULT_AUTH_ERROR)
        .hasMessageContaining("pat: needs host and token")
        .hasMessageContaining("basic: needs host, username and password")
        .hasMessageContaining("host=https://h.cloud.databricks.com (argument)")
        .hasMessageContaining("username=me (env DATABRICKS_USERNAME)");
  }

  @Test
  void conflictingMethodsAreRejectedUnlessAuthTypeChooses() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy(), new BasicStrategy())));
    DatabricksConfig.Builder b = config(Map.of()).host("h").token(CANARY).username("u").password(CANARY);
    assertThatThrownBy(() -> r.resolve(b.build()))
        .hasMessageContaining("more than one authorization method configured: basic and pat")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    assertThat(r.resolve(b.authType("basic").build()).authType()).isEqualTo("basic");
  }

  @Test
  void strategyFailureNamesTheStrategyAndKeepsSecretsOut() {
    CredentialsStrategy failing = new CredentialsStrategy() {
      @Override
      public String authType() {
        return "broken";
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        throw new CredentialsException("the identity provider said no");
      }
    };
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(failing)));
    assertThatThrownBy(() -> r.resolve(config(Map.of()).host("h").clientSecret(CANARY).build()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("default auth: broken: the identity provider said no")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
  }

  /** sdk-core's test class path has auth-pat and none of the other auth modules. */
  @Test
  void everyOfficialWordWhoseModuleIsAbsentNamesItsArtifactAndTheBom() {
    StrategyRegistry.artifacts().forEach((word, artifact) -> {
      if (artifact.equals("io.databricks4j:auth-pat")) {
        return;
      }
      assertThatThrownBy(() -> CredentialsResolver.create().resolve(config(Map.of()).host("h").authType(word).build()))
          .as(word)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("auth type \"" + word + "\" not found: its plug-in is not on the class path; add the"
              + " dependency " + artifact + " (version from io.databricks4j:databricks4j-bom); available: ");
    });
  }

  @Test
  void theWordsOfTheOfficialSdksAreAllMapped() {
    assertThat(StrategyRegistry.artifacts()).containsKeys("pat", "basic", "oauth-m2m", "external-browser", "databricks-cli",
        "metadata-service", "github-oidc", "azure-devops-oidc", "env-oidc", "file-oidc", "runtime", "model-serving",
        "github-oidc-azure", "azure-client-secret", "azure-cli", "azure-msi", "google-credentials", "google-id");
  }

  @Test
  void whenNothingAppliesTheWellKnownTypesOfAbsentModulesAreListed() {
    assertThatThrownBy(() -> CredentialsResolver.create().resolve(config(Map.of()).host("https://adb-1.2.azuredatabricks.net").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\n  - pat: needs host and token")
        .hasMessageContaining("\n  - azure-cli: module io.databricks4j:auth-azure is not on the class path")
        .hasMessageContaining("\n  - github-oidc-azure: module io.databricks4j:auth-azure is not on the class path")
        .hasMessageContaining("\n  - model-serving: module io.databricks4j:auth-oauth is not on the class path")
        .hasMessageContaining("\n  - google-id: module io.databricks4j:auth-gcp is not on the class path")
        .hasMessageContaining("Add the module of the method you use (version from io.databricks4j:databricks4j-bom).")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pat: module").doesNotContain("basic: module"));
  }

  @Test
  void aRegistryOfChosenStrategiesDoesNotClaimModulesAreAbsent() {
    CredentialsResolver r = new CredentialsResolver(StrategyRegistry.of(List.of(new PatStrategy())));
    assertThatThrownBy(() -> r.resolve(config(Map.of()).host("h").build()))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("is not on the class path"));
  }
}
