package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.LocalServer;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.MapConfigView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataServiceStrategyContractTest extends CredentialsStrategyContract {
  private static final String HOST = "https://ws.cloud.databricks.com";
  private static final MutableClock CLOCK = new MutableClock();
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static volatile int status = 200;
  private static LocalServer service;

  @BeforeAll
  static void startMetadataService() {
    service = LocalServer.start().route("GET", "/metadata/token", r -> {
      int n = REQUESTS.incrementAndGet();
      if (!"1".equals(r.headers.get("X-Databricks-Metadata-Version"))) {
        return Reply.json(400, "{\"error\":\"version\"}");
      } else if (!HOST.equals(r.headers.get("X-Databricks-Host"))) {
        return Reply.json(404, "{\"error\":\"unknown host\"}");
      }
      return Reply.json(status, "{\"access_token\":\"ms-" + CANARY + "-" + n
          + "\",\"token_type\":\"Bearer\",\"expires_on\":" + CLOCK.instant().plusSeconds(300).getEpochSecond() + "}");
    });
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @BeforeEach
  void reset() {
    status = 200;
  }

  private static String url() {
    return "http://localhost:" + service.port() + "/metadata/token";
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new MetadataServiceStrategy(CLOCK);
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", HOST, "metadata_service_url", url());
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer ms-" + CANARY);
  }

  @Test
  void refetchesWhenTheTokenIsAboutToExpire() {
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    String first = headers.headers().get("Authorization");
    CLOCK.advance(Duration.ofSeconds(200));
    assertThat(headers.headers().get("Authorization")).isEqualTo(first);
    CLOCK.advance(Duration.ofSeconds(61));
    assertThat(headers.headers().get("Authorization")).isNotEqualTo(first);
  }

  @Test
  void onlyLocalhostUrlsAreAllowed() {
    assertThatThrownBy(() -> strategy().configure(MapConfigView.of("host", HOST, "metadata_service_url", "http://example.com/t")))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("only localhost URLs are allowed");
  }

  @Test
  void aMalformedUrlIsAnError() {
    assertThatThrownBy(() -> strategy().configure(MapConfigView.of("host", HOST, "metadata_service_url", "#$%^&*")))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("invalid auth server URL");
  }

  @Test
  void anHttpErrorNamesTheStatus() {
    status = 418;
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("metadata-service:").hasMessageContaining("HTTP 418");
  }

  @Test
  void needsAHost() {
    assertThat(strategy().configure(MapConfigView.of("metadata_service_url", url()))).isEmpty();
  }
}
