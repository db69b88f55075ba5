package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.testing.JdkSender;
import io.databricks4j.auth.testing.LogCapture;
import io.databricks4j.auth.testing.MapConfigView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An M2M flow (discovery, token, a refresh, a refused secret, a failing token endpoint) with every
 * java.util.logging logger at ALL, System.Logger included: the client secret and the tokens never
 * appear in a log record, plainly or base64-encoded as in the Basic header. The sender below the
 * strategy logs nothing of its own, so every line read comes from Nimbus, this module or the JDK.
 */
class M2mLogCanaryTest {
  private static final String SECRET = "CANARY-secret-123";

  @Test
  void noSecretInAnyLogRecord() {
    List<String> exceptionTexts = new ArrayList<>();
    try (FakeIdentityProvider idp = FakeIdentityProvider.start("tok-" + SECRET).client("sp", SECRET).expiresIn(60);
        LogCapture logs = new LogCapture("io.databricks4j", "com.nimbusds")) {
      MutableClock clock = new MutableClock();
      JdkSender http = new JdkSender();
      HeaderFactory headers = new OAuthM2mStrategy(clock).configure(MapConfigView.of("host", idp.base(),
          "client_id", "sp", "client_secret", SECRET).withHttp(http)).orElseThrow();
      assertThat(headers.headers().get("Authorization")).contains(SECRET); // the token carries the canary
      clock.advance(Duration.ofSeconds(30));
      headers.headers();
      idp.failNext(1);
      clock.advance(Duration.ofSeconds(60));
      exceptionTexts.add(String.valueOf(catchThrowable(headers::headers)));
      Throwable refused = catchThrowable(() -> new OAuthM2mStrategy(clock).configure(MapConfigView.of("host", idp.base(),
          "client_id", "sp", "client_secret", "wrong-" + SECRET).withHttp(http)).orElseThrow().headers());
      exceptionTexts.add(String.valueOf(refused));

      assertThat(http.sent()).as("two discoveries, four token requests").isEqualTo(6);
      assertThat(logs.lines()).as("System.Logger DEBUG lines of this module are captured")
          .anyMatch(l -> l.startsWith(TokenEndpoint.class.getName()) && l.contains("got a token"));
      String basic = Base64.getEncoder().encodeToString(("sp:" + SECRET).getBytes(StandardCharsets.UTF_8));
      String basicWrong = Base64.getEncoder().encodeToString(("sp:wrong-" + SECRET).getBytes(StandardCharsets.UTF_8));
      assertThat(logs.linesContaining(SECRET, basic, basicWrong)).isEmpty();
    }
    assertThat(exceptionTexts).hasSize(2).noneMatch(t -> t.contains(SECRET));
  }

  /**
   * The check above can fail: over an HttpURLConnection (what Nimbus used on its own, and what
   * PlainSender uses) the JDK's FINE-level connection logger prints the Basic header.
   */
  @Test
  void theCaptureSeesTheSecretWhenATransportLogsIt() {
    try (FakeIdentityProvider idp = FakeIdentityProvider.start("tok").client("sp", SECRET);
        LogCapture logs = new LogCapture("sun.net.www.protocol.http.HttpURLConnection")) {
      new OAuthM2mStrategy().configure(MapConfigView.of("host", idp.base(), "client_id", "sp", "client_secret", SECRET)
          .withHttp(new io.databricks4j.auth.testing.PlainSender())).orElseThrow().headers();
      String basic = Base64.getEncoder().encodeToString(("sp:" + SECRET).getBytes(StandardCharsets.UTF_8));
      assertThat(logs.linesContaining(basic)).isNotEmpty();
    }
  }
}
