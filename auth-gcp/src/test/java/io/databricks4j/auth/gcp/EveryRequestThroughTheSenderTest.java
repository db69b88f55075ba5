package io.databricks4j.auth.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.gcp.internal.GoogleHttp;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.RoutingSender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the Google Auth Library makes arrives at the local servers through the
 * configuration's sender: the servers answered exactly as many requests as the sender sent, so no
 * request took a transport of the library's own.
 */
class EveryRequestThroughTheSenderTest {
  static final String WORKSPACE = "https://1234567890.1.gcp.databricks.com";
  static final String ACCOUNTS = "https://accounts.gcp.databricks.com";
  static final String TARGET = "databricks@proj.iam.gserviceaccount.com";
  static final String IAM_PATH = "/v1/projects/-/serviceAccounts/" + TARGET;
  @RegisterExtension
  static final FakeGoogle GOOGLE = new FakeGoogle();
  static final String KEY_JSON = GOOGLE.serviceAccount("sa@proj.iam.gserviceaccount.com");
  @TempDir
  Path home;

  private void serveIam() {
    GOOGLE.iam.route("POST", IAM_PATH + ":generateIdToken",
        r -> Reply.json(200, "{\"token\":\"" + GOOGLE.idToken(WORKSPACE, TARGET) + "\"}"));
    GOOGLE.iam.route("POST", IAM_PATH + ":generateAccessToken", r -> Reply.json(200,
        "{\"accessToken\":\"ya29.impersonated\",\"expireTime\":\"" + Instant.now().plusSeconds(3600) + "\"}"));
  }

  @Test
  void googleCredentialsOnTheAccountsConsole() {
    new GoogleCredentialsStrategy().configure(GOOGLE.config("host", ACCOUNTS, "google_credentials", KEY_JSON))
        .orElseThrow().headers();

    assertThat(GOOGLE.http.count()).isEqualTo(GOOGLE.served()).isEqualTo(2); // the ID token and the access token
    assertThat(GOOGLE.http.requests()).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/token");
      assertThat(r.idempotent()).isTrue();
      assertThat(r.header("Accept-Encoding")).as("left to the pipeline").isEmpty();
      assertThat(r.body().orElseThrow().contentType()).startsWith("application/x-www-form-urlencoded");
    });
  }

  @Test
  void googleIdWithAKeyFile() throws IOException {
    serveIam();
    Path adc = Files.writeString(home.resolve("adc.json"), KEY_JSON);

    new GoogleIdStrategy().configure(GOOGLE.config(Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString()), home,
        "host", ACCOUNTS, "google_service_account", TARGET)).orElseThrow().headers();

    assertThat(GOOGLE.http.count()).isEqualTo(GOOGLE.served()).isEqualTo(3); // source token, ID token, access token
    assertThat(GOOGLE.http.requests()).extracting(r -> r.origin().orElseThrow() + r.path()).contains(
        "https://iamcredentials.googleapis.com" + IAM_PATH + ":generateIdToken",
        "https://iamcredentials.googleapis.com" + IAM_PATH + ":generateAccessToken");
  }

  @Test
  void googleIdWithTheMetadataServerAndItsOwnBounds() {
    serveIam();
    GOOGLE.serveMetadata();

    new GoogleIdStrategy().configure(GOOGLE.config(Map.of(), home, "host", WORKSPACE, "google_service_account", TARGET))
        .orElseThrow().headers();

    assertThat(GOOGLE.http.count()).isEqualTo(GOOGLE.served());
    assertThat(GOOGLE.metadata.requests()).isNotEmpty();
    assertThat(GOOGLE.http.sent()).filteredOn(s -> s.request().path().startsWith("/computeMetadata/"))
        .isNotEmpty().allSatisfy(s -> assertThat(s.limits())
            .isEqualTo(new RoutingSender.Limits(GoogleHttp.METADATA_CONNECT, GoogleHttp.METADATA_BUDGET)));
  }

  @Test
  void theLibraryDoesNotRetryAboveTheSender() {
    GOOGLE.oauth.route("POST", "/token", r -> Reply.json(503, "{\"error\":\"unavailable\"}"));

    assertThatThrownBy(() -> new GoogleCredentialsStrategy().configure(GOOGLE.config("host", WORKSPACE,
        "google_credentials", KEY_JSON)).orElseThrow().headers()).isInstanceOf(CredentialsException.class);

    // the library's default would have sent it 4 times, 1 + 2 + 4 s apart
    assertThat(GOOGLE.oauth.requests()).hasSize(1);
    assertThat(GOOGLE.http.count()).isEqualTo(1);
  }

  @Test
  void aSenderFailureReachesTheCallerWithTheSendersMessage() {
    GOOGLE.http.fail("http://127.0.0.1:" + GOOGLE.oauth.port(), "connection refused (test)");

    assertThatThrownBy(() -> new GoogleCredentialsStrategy().configure(GOOGLE.config("host", WORKSPACE,
        "google_credentials", KEY_JSON)).orElseThrow().headers())
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("google-credentials: cannot get an ID token for " + WORKSPACE)
        .hasMessageContaining("connection refused (test)");
    assertThat(GOOGLE.http.count()).isEqualTo(1);
    assertThat(GOOGLE.served()).isZero();
  }
}
