package io.databricks4j.auth.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GoogleCredentialsStrategyContractTest extends CredentialsStrategyContract {
  static final String WORKSPACE = "https://1234567890.1.gcp.databricks.com";
  static final String ACCOUNTS = "https://accounts.gcp.databricks.com";
  static final String EMAIL = "databricks@proj.iam.gserviceaccount.com";
  @RegisterExtension
  static final FakeGoogle GOOGLE = new FakeGoogle();
  static final String KEY_JSON = GOOGLE.serviceAccount(EMAIL);

  @Override
  protected CredentialsStrategy strategy() {
    return new GoogleCredentialsStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return GOOGLE.config("host", WORKSPACE, "google_credentials", KEY_JSON);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers).containsOnlyKeys("Authorization");
    String idToken = headers.get("Authorization").substring("Bearer ".length());
    assertThat(FakeGoogle.field(FakeGoogle.claims(idToken), "aud")).isEqualTo(WORKSPACE);
  }

  @Test
  void asksTheTokenUriOfTheKeyForAnIdTokenWhoseAudienceIsTheHost() {
    strategy().configure(applicableConfig()).orElseThrow().headers();

    assertThat(GOOGLE.oauth.requests()).singleElement().satisfies(r -> {
      assertThat(r.path).isEqualTo("/token");
      assertThat(FakeGoogle.field(FakeGoogle.claims(r.param("assertion")), "target_audience")).isEqualTo(WORKSPACE);
    });
  }

  @Test
  void sendsTheServiceAccountAccessTokenToTheAccountsConsole() {
    ConfigView config = GOOGLE.config("host", ACCOUNTS, "google_credentials", KEY_JSON);

    Map<String, String> headers = strategy().configure(config).orElseThrow().headers();

    assertThat(FakeGoogle.field(FakeGoogle.claims(headers.get("Authorization").substring(7)), "aud")).isEqualTo(ACCOUNTS);
    assertThat(headers.get("X-Databricks-GCP-SA-Access-Token")).matches("ya29\\.sa-\\d+-cloud-platform\\+compute");
  }

  @Test
  void readsTheKeyFromAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("sa.json"), KEY_JSON);

    Map<String, String> headers = strategy()
        .configure(GOOGLE.config("host", WORKSPACE, "google_credentials", file.toString())).orElseThrow().headers();

    assertThat(headers.get("Authorization")).startsWith("Bearer ey");
  }

  @Test
  void aMissingFileIsNamedAndTheFixIsSaid() {
    assertThatThrownBy(() -> strategy().configure(GOOGLE.config("host", WORKSPACE, "google_credentials", "/nope/sa.json")))
        .isInstanceOf(CredentialsException.class)
        .hasMessage("google-credentials: google_credentials is neither JSON nor an existing file: /nope/sa.json."
            + " Set it to the service account key JSON or to the path of its file");
  }

  @Test
  void doesNotApplyOutsideGoogleCloud() {
    assertThat(strategy().configure(GOOGLE.config("host", "https://x.cloud.databricks.com", "google_credentials", KEY_JSON)))
        .isEmpty();
    assertThat(strategy().configure(GOOGLE.config("google_credentials", KEY_JSON))).isEmpty();
    assertThat(GOOGLE.oauth.requests()).isEmpty();
  }

  @Test
  void reusesTheIdTokenUntilItNearsExpiry() {
    HeaderFactory factory = strategy().configure(applicableConfig()).orElseThrow();
    for (int i = 0; i < 10; i++) {
      factory.headers();
    }
    assertThat(GOOGLE.oauth.requests()).hasSize(1);
  }

  @Test
  void thirtyTwoThreadsSharingAnExpiringIdTokenMakeOneRequestPerExpiry() throws Exception {
    GOOGLE.lifetimeSeconds = 42;
    HeaderFactory factory = strategy().configure(applicableConfig()).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      for (int round = 1; round <= 2; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Set<String>>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          results.add(pool.submit(() -> {
            start.await();
            Set<String> seen = new HashSet<>();
            for (int call = 0; call < 10; call++) {
              seen.add(factory.headers().get("Authorization"));
            }
            return seen;
          }));
        }
        start.countDown();
        Set<String> seen = new HashSet<>();
        for (Future<Set<String>> f : results) {
          seen.addAll(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(seen).as("round %d", round).hasSize(1);
        assertThat(GOOGLE.oauth.requests()).as("token requests after round %d", round).hasSize(round);
        Thread.sleep(2_300);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theKeyNeverShowsInMessagesToStringsOrLogs() {
    String keyMaterial = FakeGoogle.keyMaterial(KEY_JSON);
    GOOGLE.oauth.route("POST", "/token", r -> Reply.json(400,
        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = new LogCapture("com.google", "com.google.api.client.http.HttpTransport", "io.databricks4j")) {
      for (String host : List.of(WORKSPACE, ACCOUNTS)) {
        CredentialsStrategy s = strategy();
        HeaderFactory factory = s.configure(GOOGLE.config("host", host, "google_credentials", KEY_JSON)).orElseThrow();
        texts.add(s.toString());
        texts.add(factory.toString());
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(factory::headers);
        assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("invalid_grant");
        for (Throwable t = failure; t != null; t = t.getCause()) {
          texts.add(t.toString());
          texts.add(String.valueOf(t.getMessage()));
        }
      }
      // a malformed key: the parser's complaint must not echo the document either
      String broken = KEY_JSON.replace("\"type\": \"service_account\"", "\"type\": \"service_account\", oops");
      Throwable bad = org.assertj.core.api.Assertions.catchThrowable(
          () -> strategy().configure(GOOGLE.config("host", WORKSPACE, "google_credentials", broken)));
      assertThat(bad).isInstanceOf(CredentialsException.class)
          .hasMessageStartingWith("google-credentials: google_credentials (inline JSON) is not valid Google credentials JSON");
      for (Throwable t = bad; t != null; t = t.getCause()) {
        texts.add(t.toString());
      }
      texts.addAll(logs.lines());
      assertThat(logs.lines()).as("the capture was reading log records").isNotEmpty();
    }
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(CANARY).doesNotContain(keyMaterial));
  }
}
