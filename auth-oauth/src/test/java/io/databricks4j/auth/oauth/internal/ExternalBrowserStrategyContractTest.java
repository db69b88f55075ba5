package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider.AuthorizeMode;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalBrowserStrategyContractTest extends CredentialsStrategyContract {
  private static FakeIdentityProvider idp;
  @TempDir
  Path home;
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger browserOpened = new AtomicInteger();

  @BeforeAll
  static void startIdentityProvider() {
    idp = FakeIdentityProvider.start("u2m-" + CANARY);
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  @AfterEach
  void grantAgain() {
    idp.authorizeMode(AuthorizeMode.GRANT);
  }

  /** Plays the user: follows the authorization URL to the identity provider and its redirect to the listener. */
  private Browser user() {
    return url -> {
      browserOpened.incrementAndGet();
      try {
        HttpURLConnection page = (HttpURLConnection) url.toURL().openConnection(); // follows the redirect
        page.setConnectTimeout(5000);
        page.setReadTimeout(5000);
        assertThat(page.getResponseCode()).isEqualTo(200);
        assertThat(new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Login complete");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Browser nobody() {
    return url -> {
      throw new AssertionError("the browser should not have been opened");
    };
  }

  private ExternalBrowserStrategy strategy(Browser browser, MutableClock clock) {
    return new ExternalBrowserStrategy(browser, clock, Duration.ofSeconds(10));
  }

  @Override
  protected CredentialsStrategy strategy() {
    return strategy(user(), clock);
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(Map.of(), home, "host", idp.base(), "auth_type", "external-browser");
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer u2m-" + CANARY);
  }

  @Test
  void isOnlyUsedWhenAuthTypeNamesIt() {
    assertThat(strategy().explicitOnly()).isTrue();
  }

  @Test
  void logsInWithPkceAndOfflineAccessAsTheCliClient() {
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertHeaders(headers.headers());
    Map<String, String> authorize = idp.lastAuthorizeParams();
    assertThat(authorize).containsEntry("client_id", "databricks-cli").containsEntry("scope", "all-apis offline_access")
        .containsEntry("code_challenge_method", "S256").containsKey("state");
    assertThat(authorize.get("redirect_uri")).startsWith("http://localhost:");
    FakeIdentityProvider.TokenCall exchange = idp.calls().get(idp.calls().size() - 1);
    assertThat(exchange.form()).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
        .containsEntry("client_id", "databricks-cli").containsEntry("redirect_uri", authorize.get("redirect_uri"));
    assertThat(browserOpened).hasValue(1);
  }

  @Test
  void cachesTokensInAFileOnlyTheOwnerCanRead() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    strategy().configure(applicableConfig()).orElseThrow().headers();
    Path file = home.resolve(".databricks/token-cache.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(Files.readString(file)).contains("\"" + idp.base() + "#databricks-cli\"").contains("refresh_token");
  }

  @Test
  void aNewProcessReusesTheCachedTokenWithoutABrowser() {
    assertHeaders(strategy().configure(applicableConfig()).orElseThrow().headers());
    int requests = idp.tokenRequests();
    assertHeaders(strategy(nobody(), new MutableClock()).configure(applicableConfig()).orElseThrow().headers());
    assertThat(idp.tokenRequests()).isEqualTo(requests);
  }

  @Test
  void anExpiredTokenIsRefreshedWithTheRefreshTokenWithoutABrowser() {
    strategy().configure(applicableConfig()).orElseThrow().headers();
    MutableClock later = new MutableClock();
    later.advance(Duration.ofHours(2));
    assertHeaders(strategy(nobody(), later).configure(applicableConfig()).orElseThrow().headers());
    assertThat(idp.calls().get(idp.calls().size() - 1).form()).containsEntry("grant_type", "refresh_token");
  }

  @Test
  void aRevokedRefreshTokenOpensTheBrowserAgain() {
    strategy().configure(applicableConfig()).orElseThrow().headers();
    idp.revokeRefreshTokens();
    MutableClock later = new MutableClock();
    later.advance(Duration.ofHours(2));
    assertHeaders(strategy(user(), later).configure(applicableConfig()).orElseThrow().headers());
    assertThat(browserOpened).hasValue(2);
  }

  @Test
  void aForgedStateIsRejectedAndNothingIsCached() {
    idp.authorizeMode(AuthorizeMode.WRONG_STATE);
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("external-browser:").hasMessageContaining("state");
    assertThat(home.resolve(".databricks/token-cache.json")).doesNotExist();
  }

  @Test
  void aDeniedLoginIsAnError() {
    idp.authorizeMode(AuthorizeMode.DENY);
    HeaderFactory headers = strategy().configure(applicableConfig()).orElseThrow();
    assertThatThrownBy(headers::headers).isInstanceOf(CredentialsException.class)
        .hasMessageContaining("access_denied").hasMessageContaining("The user said no");
  }

  @Test
  void fallsBackToAFreePortWhen8020IsTaken() throws IOException {
    ServerSocket squatter = null;
    try {
      squatter = new ServerSocket(8020, 1, InetAddress.getLoopbackAddress());
    } catch (BindException alreadyTaken) {
      // someone else holds it: just as good
    }
    try {
      assertHeaders(strategy().configure(applicableConfig()).orElseThrow().headers());
      assertThat(URI.create(idp.lastAuthorizeParams().get("redirect_uri")).getPort()).isNotEqualTo(8020);
    } finally {
      if (squatter != null) {
        squatter.close();
      }
    }
  }

  @Test
  void keepsTheOtherEntriesOfTheCache() throws IOException {
    Path file = home.resolve(".databricks/token-cache.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"version\":1,\"tokens\":{\"https://other\":{\"access_token\":\"x\",\"token_type\":\"Bearer\"}}}");
    strategy().configure(applicableConfig()).orElseThrow().headers();
    assertThat(Files.readString(file)).contains("https://other").contains(idp.base() + "#databricks-cli");
  }

  @Test
  void aRedirectUrlOffThisMachineIsRefused() {
    ConfigView config = TestConfigs.of(Map.of(), home, "host", idp.base(), "redirect_url", "http://attacker.example:8020");
    assertThatThrownBy(() -> strategy().configure(config)).isInstanceOf(CredentialsException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void usesTheConfiguredClientId() {
    ConfigView config = TestConfigs.of(Map.of(), home, "host", idp.base(), "client_id", "my-app");
    strategy().configure(config).orElseThrow().headers();
    assertThat(idp.lastAuthorizeParams()).containsEntry("client_id", "my-app");
  }
}
