package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.MapConfigView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthM2mStrategyContractTest extends CredentialsStrategyContract {
  private static final String SECRET = "secret-" + CANARY;
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProvider() {
    idp = FakeIdentityProvider.start("m2m-" + CANARY).client("sp", SECRET);
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new OAuthM2mStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", idp.base(), "client_id", "sp", "client_secret", SECRET);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer m2m-" + CANARY);
  }

  @Test
  void sendsClientCredentialsInBasicAuthWithSortedScopes() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s");
    try (own) {
      new OAuthM2mStrategy().configure(MapConfigView.of("host", own.base(), "client_id", "sp", "client_secret", "s",
          "scopes", "sql,clusters:read  all-apis")).orElseThrow().headers();
      FakeIdentityProvider.TokenCall call = own.calls().get(0);
      assertThat(call.path()).isEqualTo("/oidc/v1/token");
      assertThat(call.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("sp:s".getBytes(StandardCharsets.UTF_8)));
      assertThat(call.form()).containsEntry("grant_type", "client_credentials").containsEntry("scope", "all-apis clusters:read sql");
      assertThat(own.discoveryRequests()).isEqualTo(1);
    }
  }

  @Test
  void doesNotTouchTheNetworkUntilTheFirstRequest() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s");
    try (own) {
      new OAuthM2mStrategy().configure(MapConfigView.of("host", own.base(), "client_id", "sp", "client_secret", "s"));
      assertThat(own.discoveryRequests()).isZero();
      assertThat(own.tokenRequests()).isZero();
    }
  }

  @Test
  void accountHostUsesTheAccountTokenEndpointWithoutDiscovery() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s");
    try (own) {
      ConfigView account = TestConfigs.asAccountHost(MapConfigView.of("host", own.base(), "account_id", "acc-1",
          "client_id", "sp", "client_secret", "s"));
      assertThat(new OAuthM2mStrategy().configure(account).orElseThrow().headers()).containsEntry("Authorization", "Bearer t-1");
      assertThat(own.calls().get(0).path()).isEqualTo("/oidc/accounts/acc-1/v1/token");
      assertThat(own.discoveryRequests()).isZero();
    }
  }

  @Test
  void discoveryUrlOverridesTheHostsMetadata() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s");
    try (own) {
      HeaderFactory headers = new OAuthM2mStrategy().configure(MapConfigView.of("host", "https://elsewhere.invalid",
          "discovery_url", own.base() + "/oidc/.well-known/oauth-authorization-server",
          "client_id", "sp", "client_secret", "s")).orElseThrow();
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-1");
    }
  }

  @Test
  void saysOAuthIsNotSupportedWhenTheHostHasNoMetadata() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t");
    try (own) {
      own.handle("/oidc/.well-known/oauth-authorization-server", ex -> FakeIdentityProvider.json(ex, 404, "{}"));
      HeaderFactory headers = new OAuthM2mStrategy().configure(MapConfigView.of("host", own.base(),
          "client_id", "sp", "client_secret", SECRET)).orElseThrow();
      assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
          .hasMessageStartingWith("oauth-m2m:").hasMessageContaining("databricks OAuth is not supported for this host")
          .hasMessageNotContaining(CANARY);
    }
  }

  @Test
  void aWrongSecretIsAnErrorThatDoesNotPrintIt() {
    HeaderFactory headers = new OAuthM2mStrategy().configure(MapConfigView.of("host", idp.base(),
        "client_id", "sp", "client_secret", "wrong-" + CANARY)).orElseThrow();
    assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("oauth-m2m:").hasMessageContaining("HTTP 401").hasMessageContaining("invalid_client")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void refreshesOnlyWhenTheTokenIsWithinFortySecondsOfExpiry() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s").expiresIn(100);
    try (own) {
      MutableClock clock = new MutableClock();
      HeaderFactory headers = new OAuthM2mStrategy(clock).configure(MapConfigView.of("host", own.base(),
          "client_id", "sp", "client_secret", "s")).orElseThrow();
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-1");
      clock.advance(Duration.ofSeconds(59));
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-1");
      clock.advance(Duration.ofSeconds(2));
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-2");
      assertThat(own.tokenRequests()).isEqualTo(2);
      assertThat(own.discoveryRequests()).isEqualTo(1);
    }
  }

  @Test
  void thirtyTwoThreadsCauseExactlyOneTokenRequestPerExpiry() throws Exception {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s").expiresIn(60);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (own) {
      MutableClock clock = new MutableClock();
      HeaderFactory headers = new OAuthM2mStrategy(clock).configure(MapConfigView.of("host", own.base(),
          "client_id", "sp", "client_secret", "s")).orElseThrow();
      for (int round = 1; round <= 3; round++) {
        List<String> seen = hammer(pool, headers, 32);
        assertThat(own.tokenRequests()).as("token requests after round %d", round).isEqualTo(round);
        assertThat(seen).hasSize(32).containsOnly("Bearer t-" + round);
        clock.advance(Duration.ofSeconds(21)); // a 60 s token is refreshed 40 s early
      }
      assertThat(own.discoveryRequests()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> hammer(ExecutorService pool, HeaderFactory headers, int threads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return headers.headers().get("Authorization");
      }));
    }
    List<String> seen = new ArrayList<>();
    for (Future<String> f : futures) {
      seen.add(f.get());
    }
    return seen;
  }

  @Test
  void aFailedRefreshNamesTheStrategyAndTheNextCallRetries() {
    FakeIdentityProvider own = FakeIdentityProvider.start("t").client("sp", "s").expiresIn(60);
    try (own) {
      MutableClock clock = new MutableClock();
      HeaderFactory headers = new OAuthM2mStrategy(clock).configure(MapConfigView.of("host", own.base(),
          "client_id", "sp", "client_secret", "s")).orElseThrow();
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-1");
      clock.advance(Duration.ofSeconds(30));
      own.failNext(1);
      assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
          .hasMessageStartingWith("oauth-m2m:").hasMessageContaining("HTTP 500");
      assertThat(headers.headers()).containsEntry("Authorization", "Bearer t-2");
      assertThat(own.tokenRequests()).isEqualTo(3);
    }
  }
}
