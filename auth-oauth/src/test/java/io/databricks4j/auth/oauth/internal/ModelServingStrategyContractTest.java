package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file of a model serving endpoint, at a path of the test's. */
class ModelServingStrategyContractTest extends CredentialsStrategyContract {
  private static final String TOKEN = "eyJ.serving-" + CANARY + ".sig";
  private static final Map<String, String> SERVING = Map.of("IS_IN_DB_MODEL_SERVING_ENV", "true",
      "DATABRICKS_MODEL_SERVING_HOST_URL", "https://serving-host.cloud.databricks.com");
  @TempDir
  Path dir;
  private Path file;
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void mountTheTokenFile() throws Exception {
    file = dir.resolve("model-dependencies-oauth-token");
    write(TOKEN);
  }

  private void write(String token) throws Exception {
    Files.writeString(file, "{\"OAUTH_TOKEN\":[{\"oauthTokenValue\":\"" + token + "\"}]}");
  }

  private ModelServingStrategy strategy(Duration retryDelay) {
    return new ModelServingStrategy(file, retryDelay, clock);
  }

  @Override
  protected CredentialsStrategy strategy() {
    return strategy(Duration.ofMillis(1));
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(SERVING, Path.of("."));
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers).containsExactly(Map.entry("Authorization", "Bearer " + TOKEN));
  }

  @Test
  void theFileIsReadAgainAfterFiveMinutes() throws Exception {
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertHeaders(headers.headers());
    write("eyJ.rotated");
    clock.advance(Duration.ofMinutes(4));
    assertHeaders(headers.headers());
    clock.advance(Duration.ofMinutes(1));
    assertThat(headers.headers()).containsEntry("Authorization", "Bearer eyJ.rotated");
  }

  @Test
  void appliesOnlyWithTheFlagAndTheFile() throws Exception {
    assertThat(strategy().configure(TestConfigs.of(Map.of("IS_IN_DB_MODEL_SERVING_ENV", "false"), Path.of(".")))).isEmpty();
    assertThat(strategy().configure(TestConfigs.of(Map.of("IS_IN_DATABRICKS_MODEL_SERVING_ENV", "true"), Path.of("."))))
        .isPresent();
    Files.delete(file);
    assertThat(strategy().configure(applicableConfig())).isEmpty();
  }

  @Test
  void theHostOfAClientWithoutOneIsTheServingHostVariable() {
    assertThat(new ModelServingHostResolver(file).resolveHost(applicableConfig()))
        .contains("https://serving-host.cloud.databricks.com");
    assertThat(new ModelServingHostResolver(file).resolveHost(TestConfigs.of(Map.of("IS_IN_DB_MODEL_SERVING_ENV", "true",
        "DB_MODEL_SERVING_HOST_URL", "https://legacy.cloud.databricks.com"), Path.of("."))))
        .contains("https://legacy.cloud.databricks.com");
    assertThat(new ModelServingHostResolver(file).resolveHost(TestConfigs.of(Map.of(), Path.of(".")))).isEmpty();
  }

  @Test
  void aFileWithoutTokenIsAnErrorNamingTheFileNotItsContent() throws Exception {
    Files.writeString(file, "{\"OAUTH_TOKEN\":[],\"other\":\"" + CANARY + "\"}");
    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("model-serving: the token file " + file)
        .hasMessageContaining("OAUTH_TOKEN[0].oauthTokenValue")
        .hasMessageNotContaining(CANARY);
    Files.writeString(file, "not json " + CANARY);
    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .hasMessageContaining("cannot read the token file").hasMessageNotContaining(CANARY);
  }

  @Test
  void aReadThatMeetsTheRewriteOfTheFileIsTriedOnceMore() throws Exception {
    Files.writeString(file, "{\"OAUTH_TOK");
    Thread rewriter = new Thread(() -> {
      try {
        Thread.sleep(100);
        write(TOKEN);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    rewriter.start();
    HeaderFactory headers = strategy(Duration.ofSeconds(1)).configure(applicableConfig()).orElseThrow();
    rewriter.join();
    assertHeaders(headers.headers());
  }
}
