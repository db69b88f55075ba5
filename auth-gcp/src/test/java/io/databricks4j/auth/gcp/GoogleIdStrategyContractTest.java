package io.databricks4j.auth.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LocalServer.Request;
import io.databricks4j.auth.testing.LogCapture;
import io.databricks4j.auth.testing.MapConfigView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GoogleIdStrategyContractTest extends CredentialsStrategyContract {
  static final String WORKSPACE = "https://1234567890.1.gcp.databricks.com";
  static final String ACCOUNTS = "https://accounts.gcp.databricks.com";
  static final String SOURCE = "adc@proj.iam.gserviceaccount.com";
  static final String TARGET = "databricks@proj.iam.gserviceaccount.com";
  static final String IAM_PATH = "/v1/projects/-/serviceAccounts/" + TARGET;
  @RegisterExtension
  static final FakeGoogle GOOGLE = new FakeGoogle();
  static final String ADC_JSON = GOOGLE.serviceAccount(SOURCE);
  static final Path HOME = tempDir();
  static final Path ADC_FILE = write(HOME.resolve("adc.json"), ADC_JSON);
  static final AtomicInteger ISSUED = new AtomicInteger();

  @BeforeEach
  void routeImpersonation() {
    GOOGLE.iam.route("POST", IAM_PATH + ":generateIdToken", r -> {
      if (!isSourceToken(r)) {
        return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\"}}");
      }
      return Reply.json(200, "{\"token\":\"" + GOOGLE.idToken(FakeGoogle.field(r.body, "audience"), TARGET) + "\"}");
    });
    GOOGLE.iam.route("POST", IAM_PATH + ":generateAccessToken", r -> isSourceToken(r)
        ? Reply.json(200, "{\"accessToken\":\"ya29.impersonated-" + ISSUED.incrementAndGet() + "\",\"expireTime\":\""
            + Instant.now().plusSeconds(3600) + "\"}")
        : Reply.json(401, "{\"error\":{\"code\":401}}"));
  }

  private static boolean isSourceToken(Request r) {
    return String.valueOf(r.headers.get("Authorization")).matches("Bearer ya29\\.sa-\\d+-cloud-platform");
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new GoogleIdStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return config(WORKSPACE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", ADC_FILE.toString()), HOME);
  }

  private static ConfigView config(String host, Map<String, String> env, Path home) {
    return new MapConfigView(Map.of("host", host, "google_service_account", TARGET), env, home, GOOGLE.http);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers).containsOnlyKeys("Authorization");
    String claims = FakeGoogle.claims(headers.get("Authorization").substring("Bearer ".length()));
    assertThat(FakeGoogle.field(claims, "aud")).isEqualTo(WORKSPACE);
    assertThat(FakeGoogle.field(claims, "email")).isEqualTo(TARGET);
  }

  @Test
  void impersonatesTheServiceAccountWithTheApplicationDefaultCredentials() {
    strategy().configure(applicableConfig()).orElseThrow().headers();

    assertThat(GOOGLE.oauth.requests()).singleElement()
        .satisfies(r -> assertThat(FakeGoogle.field(FakeGoogle.claims(r.param("assertion")), "iss")).isEqualTo(SOURCE));
    assertThat(GOOGLE.iam.requests()).singleElement().satisfies(r -> {
      assertThat(r.path).isEqualTo(IAM_PATH + ":generateIdToken");
      assertThat(FakeGoogle.field(r.body, "audience")).isEqualTo(WORKSPACE);
      assertThat(FakeGoogle.field(r.body, "includeEmail")).isEqualTo("true");
    });
  }

  @Test
  void sendsTheImpersonatedAccessTokenToTheAccountsConsole() {
    Map<String, String> headers = strategy()
        .configure(config(ACCOUNTS, Map.of("GOOGLE_APPLICATION_CREDENTIALS", ADC_FILE.toString()), HOME))
        .orElseThrow().headers();

    assertThat(headers.get("X-Databricks-GCP-SA-Access-Token")).matches("ya29\\.impersonated-\\d+");
    assertThat(GOOGLE.iam.requests()).filteredOn(r -> r.path.endsWith(":generateAccessToken")).singleElement()
        .satisfies(r -> assertThat(r.body).contains("https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/compute", "3600s"));
  }

  @Test
  void findsGcloudApplicationDefaultCredentialsInTheConfiguredHome(@TempDir Path home) throws IOException {
    Path gcloud = Files.createDirectories(home.resolve(".config/gcloud"));
    Files.writeString(gcloud.resolve("application_default_credentials.json"), ADC_JSON);

    Map<String, String> headers = strategy().configure(config(WORKSPACE, Map.of(), home)).orElseThrow().headers();

    assertThat(headers.get("Authorization")).startsWith("Bearer ey");
  }

  @Test
  void withoutApplicationDefaultCredentialsTheErrorSaysHowToGetThem(@TempDir Path emptyHome) {
    HeaderFactory factory = strategy().configure(config(WORKSPACE, Map.of(), emptyHome)).orElseThrow();

    // the metadata server is the last resort; the test transport refuses it, so nothing leaves the machine
    assertThatThrownBy(factory::headers)
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("google-id: cannot get an ID token for " + WORKSPACE + " as " + TARGET)
        .hasMessageContaining("the Google Cloud metadata server")
        .hasMessageContaining("run gcloud auth application-default login");
  }

  @Test
  void aMissingGoogleApplicationCredentialsFileIsNamed() {
    assertThatThrownBy(() -> strategy().configure(
        config(WORKSPACE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/nope/adc.json"), HOME)))
        .isInstanceOf(CredentialsException.class)
        .hasMessage("google-id: GOOGLE_APPLICATION_CREDENTIALS names /nope/adc.json, which is not a file");
  }

  @Test
  void doesNotApplyWithoutAServiceAccountOrOutsideGoogleCloud() {
    assertThat(strategy().configure(new MapConfigView(Map.of("host", WORKSPACE), Map.of(), HOME, GOOGLE.http))).isEmpty();
    assertThat(strategy().configure(config("https://x.cloud.databricks.com", Map.of(), HOME))).isEmpty();
    assertThat(GOOGLE.oauth.requests()).isEmpty();
    assertThat(GOOGLE.iam.requests()).isEmpty();
  }

  @Test
  void theSourceKeyNeverShowsInMessagesToStringsOrLogs() {
    GOOGLE.iam.route("POST", IAM_PATH + ":generateIdToken", r -> Reply.json(403,
        "{\"error\":{\"code\":403,\"message\":\"Permission 'iam.serviceAccounts.getOpenIdToken' denied\","
            + "\"status\":\"PERMISSION_DENIED\"}}"));
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = new LogCapture("com.google", "com.google.api.client.http.HttpTransport", "io.databricks4j")) {
      CredentialsStrategy s = strategy();
      HeaderFactory factory = s.configure(applicableConfig()).orElseThrow();
      texts.add(s.toString());
      texts.add(factory.toString());
      Throwable failure = catchThrowable(factory::headers);
      assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("getOpenIdToken");
      for (Throwable t = failure; t != null; t = t.getCause()) {
        texts.add(t.toString());
      }
      texts.addAll(logs.lines());
    }
    String keyMaterial = FakeGoogle.keyMaterial(ADC_JSON);
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(CANARY).doesNotContain(keyMaterial));
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("google-id-test");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path path, String content) {
    try {
      Files.writeString(path, content);
      path.toFile().deleteOnExit();
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
