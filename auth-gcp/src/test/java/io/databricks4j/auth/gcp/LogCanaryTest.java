package io.databricks4j.auth.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import io.databricks4j.auth.gcp.internal.SenderTransport;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LogCapture;
import io.databricks4j.auth.testing.RoutingSender;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google credentials flows with every java.util.logging logger at ALL (System.Logger included):
 * neither the private key nor the tokens appear in any log record. google-http-client logs request
 * and answer bodies at CONFIG on {@value #HTTP_LOGGER}; the Google Auth Library switches that off on
 * each of its requests, and the documented setting (that logger at INFO or above) silences it for
 * any request that does not.
 */
class LogCanaryTest {
  static final String SECRET = "CANARY-secret-123";
  static final String HTTP_LOGGER = "com.google.api.client.http.HttpTransport";
  static final String WORKSPACE = "https://1234567890.1.gcp.databricks.com";
  static final String ACCOUNTS = "https://accounts.gcp.databricks.com";
  @RegisterExtension
  static final FakeGoogle GOOGLE = new FakeGoogle();

  @Test
  void noSecretInAnyLogRecordOfAGoogleCredentialsFlow() {
    String key = GOOGLE.serviceAccount("sa@proj.iam.gserviceaccount.com", SECRET);
    String keyMaterial = FakeGoogle.keyMaterial(key);
    List<String> exceptions = new ArrayList<>();
    try (LogCapture logs = new LogCapture("com.google", HTTP_LOGGER, "io.databricks4j")) {
      GOOGLE.tokenSuffix = "-" + SECRET;
      java.util.Map<String, String> headers = new GoogleCredentialsStrategy()
          .configure(GOOGLE.config("host", ACCOUNTS, "google_credentials", key)).orElseThrow().headers();
      assertThat(headers.get("X-Databricks-GCP-SA-Access-Token")).endsWith(SECRET);
      GOOGLE.oauth.route("POST", "/token", r -> Reply.json(400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
      Throwable refused = catchThrowable(() -> new GoogleCredentialsStrategy()
          .configure(GOOGLE.config("host", WORKSPACE, "google_credentials", key)).orElseThrow().headers());
      assertThat(refused).hasMessageContaining("invalid_grant");
      for (Throwable t = refused; t != null; t = t.getCause()) {
        exceptions.add(t.toString());
      }

      assertThat(logs.lines()).as("the capture reads log records").isNotEmpty();
      assertThat(logs.lines()).as("the Google Auth Library turns google-http-client's logging off per request")
          .noneMatch(l -> l.startsWith(HTTP_LOGGER));
      assertThat(logs.linesContaining(SECRET, keyMaterial)).isEmpty();
    }
    assertThat(exceptions).isNotEmpty().noneMatch(t -> t.contains(SECRET) || t.contains(keyMaterial));
  }

  /** A request of google-http-client with its logging left on, as a library that did not switch it off would send. */
  private static String sendWithLoggingOn() throws Exception {
    GOOGLE.oauth.route("POST", "/echo", r -> Reply.json(200, "{\"access_token\":\"ya29." + SECRET + "\"}"));
    HttpRequest request = new SenderTransport(new RoutingSender()).createRequestFactory().buildPostRequest(
        new GenericUrl(GOOGLE.oauth.url() + "/echo"),
        ByteArrayContent.fromString("application/x-www-form-urlencoded", "assertion=" + SECRET));
    request.getHeaders().setAuthorization("Bearer " + SECRET);
    return request.execute().parseAsString();
  }

  @Test
  void atAllGoogleHttpClientPrintsWhatALibraryLeavesLoggingOnFor() throws Exception {
    try (LogCapture logs = new LogCapture(HTTP_LOGGER)) {
      assertThat(sendWithLoggingOn()).contains(SECRET);

      assertThat(logs.linesContaining(SECRET)).isNotEmpty().allMatch(l -> l.startsWith(HTTP_LOGGER));
    }
  }

  @Test
  void theDocumentedSettingSilencesGoogleHttpClientWithEverythingElseAtAll() throws Exception {
    Logger http = Logger.getLogger(HTTP_LOGGER); // held: java.util.logging forgets the level of a collected logger
    Level before = http.getLevel();
    try (LogCapture logs = new LogCapture()) {
      http.setLevel(Level.INFO); // = com.google.api.client.http.HttpTransport.level = INFO in logging.properties
      assertThat(sendWithLoggingOn()).contains(SECRET);

      assertThat(logs.lines()).as("the capture reads log records").isNotEmpty();
      assertThat(logs.lines()).noneMatch(l -> l.startsWith(HTTP_LOGGER));
      assertThat(logs.linesContaining(SECRET)).isEmpty();
    } finally {
      http.setLevel(before);
    }
  }
}
