package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.core.auth.StrategyRegistry;
import org.junit.jupiter.api.Test;

/**
 * Every auth_type word of the official SDKs is mapped to an artifact, and that artifact really
 * provides it: the cli's class path holds every auth module, and the strategy of each word is
 * loaded from the jar (or the classes directory) of the artifact the map names.
 */
class OfficialAuthTypesTest {

  @Test
  void everyMappedWordIsProvidedByTheArtifactItIsMappedTo() {
    assertThat(StrategyRegistry.artifacts()).hasSize(18);
    StrategyRegistry.artifacts().forEach((word, artifact) -> {
      CredentialsStrategy s = StrategyRegistry.discovered().byAuthType(word).orElseThrow(
          () -> new AssertionError(word + " is mapped to " + artifact + " but no strategy on the class path provides it"));
      String location = s.getClass().getProtectionDomain().getCodeSource().getLocation().getPath();
      String artifactId = artifact.substring(artifact.indexOf(':') + 1);
      assertThat(location).as(word + " comes from " + artifact)
          .matches(".*/(" + artifactId + "/target/classes/|" + artifactId + "-[^/]+\\.jar)$");
    });
  }

  @Test
  void everyStrategyOfTheBundledModulesIsMapped() {
    assertThat(StrategyRegistry.discovered().strategies()).extracting(CredentialsStrategy::authType)
        .allSatisfy(word -> assertThat(StrategyRegistry.artifactFor(word)).as(word).isPresent());
  }
}
