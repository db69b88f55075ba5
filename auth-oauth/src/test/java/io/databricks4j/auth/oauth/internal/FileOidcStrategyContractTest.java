package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.MapConfigView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOidcStrategyContractTest extends CredentialsStrategyContract {
  static final String ID_TOKEN = "eyJ.file-token-" + CANARY + ".sig";
  @TempDir
  static Path dir;
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProvider() throws IOException {
    idp = FakeIdentityProvider.start("wif-" + CANARY).acceptIdToken(ID_TOKEN);
    Files.writeString(dir.resolve("token"), ID_TOKEN + "\n");
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new FileOidcStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", idp.base(), "oidc_token_filepath", dir.resolve("token").toString());
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer wif-" + CANARY);
  }

  @Test
  void readsTheFileAgainAtEveryRefresh() throws IOException {
    Path file = dir.resolve("rotating");
    Files.writeString(file, ID_TOKEN);
    MutableClock clock = new MutableClock();
    HeaderFactory headers = new FileOidcStrategy(clock)
        .configure(MapConfigView.of("host", idp.base(), "oidc_token_filepath", file.toString())).orElseThrow();
    headers.headers();
    Files.writeString(file, "rotated-" + CANARY);
    idp.acceptIdToken("rotated-" + CANARY);
    try {
      clock.advance(Duration.ofHours(1));
      assertHeaders(headers.headers());
      assertThat(idp.calls().get(idp.calls().size() - 1).form()).containsEntry("subject_token", "rotated-" + CANARY);
    } finally {
      idp.acceptIdToken(ID_TOKEN);
    }
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    HeaderFactory headers = strategy().configure(MapConfigView.of("host", idp.base(),
        "oidc_token_filepath", dir.resolve("missing").toString())).orElseThrow();
    assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("file-oidc:").hasMessageContaining("missing");
  }
}
