package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import io.databricks4j.http.HttpRequest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request a strategy makes reaches the identity provider through the configuration's sender:
 * what the provider served (the browser's own visits to the authorization page aside) is exactly
 * what the sender sent, request for request. A connection of a strategy's own would show up as a
 * request the sender never saw.
 */
class EveryRequestThroughTheSenderTest {
  private FakeIdentityProvider idp;
  private final RoutingSender sender = new RoutingSender();
  private final MutableClock clock = new MutableClock();
  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    idp = FakeIdentityProvider.start("t").client("sp", "s").acceptIdToken("id-token").expiresIn(60);
    idp.handle("/github/token", ex -> FakeIdentityProvider.json(ex, 200, "{\"value\":\"id-token\"}"));
    idp.handle("/org/p/_apis/distributedtask/hubs/build/plans/pl/jobs/j/oidctoken", ex -> {
      ex.getRequestBody().readAllBytes();
      FakeIdentityProvider.json(ex, 200, "{\"oidcToken\":\"id-token\"}");
    });
    idp.handle("/metadata/token", ex -> FakeIdentityProvider.json(ex, 200, "{\"access_token\":\"ms\",\"expires_on\":"
        + clock.instant().plusSeconds(60).getEpochSecond() + "}"));
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private ConfigView config(Map<String, String> env, String... keyValues) {
    return ((MapConfigView) TestConfigs.of(env, dir, keyValues)).withHttp(sender);
  }

  /** Uses the headers twice, 40 s apart: the second use refreshes the 60 s token. */
  private void useAndRefresh(CredentialsStrategy strategy, ConfigView config) {
    HeaderFactory headers = strategy.configure(config).orElseThrow();
    headers.headers();
    clock.advance(Duration.ofSeconds(40));
    headers.headers();
  }

  private List<String> sentBySender() {
    return sender.requests().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
  }

  private List<String> servedToTheSdk() {
    return idp.served().stream().filter(s -> !s.endsWith("/oidc/v1/authorize")).collect(Collectors.toList());
  }

  private void assertEveryRequestWentThroughTheSender(int expected) {
    assertThat(sender.count()).isEqualTo(expected);
    assertThat(servedToTheSdk()).containsExactlyInAnyOrderElementsOf(sentBySender());
  }

  @Test
  void oauthM2m() {
    useAndRefresh(new OAuthM2mStrategy(clock), config(Map.of(), "host", idp.base(), "client_id", "sp", "client_secret", "s"));
    assertEveryRequestWentThroughTheSender(3); // discovery, token, refreshed token
    assertThat(sentBySender()).containsExactly("GET /oidc/.well-known/oauth-authorization-server",
        "POST /oidc/v1/token", "POST /oidc/v1/token");
  }

  @Test
  void oauthM2mOnAnAccountsHost() {
    ConfigView account = TestConfigs.asAccountHost(config(Map.of(), "host", idp.base(), "account_id", "a1",
        "client_id", "sp", "client_secret", "s"));
    useAndRefresh(new OAuthM2mStrategy(clock), account);
    assertEveryRequestWentThroughTheSender(2);
  }

  @Test
  void githubOidc() {
    useAndRefresh(new GithubOidcStrategy(clock), config(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", idp.base() + "/github/token",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh"), "host", idp.base()));
    assertEveryRequestWentThroughTheSender(5); // discovery, then twice: GitHub's ID token and the exchange
    assertThat(sender.requests()).filteredOn(r -> r.path().equals("/github/token"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer gh"));
  }

  @Test
  void azureDevOpsOidc() {
    useAndRefresh(new AzureDevOpsOidcStrategy(clock), config(Map.of("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", idp.base() + "/org/",
        "SYSTEM_TEAMPROJECTID", "p", "SYSTEM_HOSTTYPE", "build", "SYSTEM_PLANID", "pl", "SYSTEM_JOBID", "j",
        "SYSTEM_ACCESSTOKEN", "ado"), "host", idp.base()));
    assertEveryRequestWentThroughTheSender(5); // discovery, then twice: the job's ID token and the exchange
    assertThat(sender.requests()).filteredOn(r -> r.path().endsWith("/oidctoken"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer ado"));
  }

  @Test
  void envOidc() {
    useAndRefresh(new EnvOidcStrategy(clock), config(Map.of("DATABRICKS_OIDC_TOKEN", "id-token"), "host", idp.base()));
    assertEveryRequestWentThroughTheSender(3);
  }

  @Test
  void fileOidc() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "id-token");
    useAndRefresh(new FileOidcStrategy(clock), config(Map.of(), "host", idp.base(), "oidc_token_filepath", file.toString()));
    assertEveryRequestWentThroughTheSender(3);
  }

  @Test
  void metadataService() {
    useAndRefresh(new MetadataServiceStrategy(clock), config(Map.of(), "host", "https://ws.cloud.databricks.com",
        "metadata_service_url", idp.base() + "/metadata/token"));
    assertEveryRequestWentThroughTheSender(2);
    assertThat(sender.requests()).allSatisfy(r -> assertThat(r.header(MetadataServiceStrategy.HOST_HEADER))
        .contains("https://ws.cloud.databricks.com"));
  }

  @Test
  void externalBrowserLoginAndRefresh() {
    Browser user = url -> {
      try {
        ((HttpURLConnection) url.toURL().openConnection()).getResponseCode(); // the browser is not the SDK
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
    useAndRefresh(new ExternalBrowserStrategy(user, clock, Duration.ofSeconds(10)), config(Map.of(), "host", idp.base()));
    assertEveryRequestWentThroughTheSender(3); // discovery, code exchange, refresh
    assertThat(idp.calls()).extracting(c -> c.form().get("grant_type")).containsExactly("authorization_code", "refresh_token");
  }

  @Test
  void databricksCliMakesNoHttpRequest() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("databricks"), "#!/bin/sh\n").toFile().setExecutable(true);
    CommandRunner cli = (c, e, t) -> new CommandRunner.Result(0, "{\"access_token\":\"cli\",\"expiry\":\""
        + clock.instant().plusSeconds(60) + "\"}", "");
    useAndRefresh(new DatabricksCliStrategy(cli, clock), config(Map.of("PATH", bin.toString()), "host", idp.base()));
    assertEveryRequestWentThroughTheSender(0);
  }

  @Test
  void tokenRequestsThatOnlyAskForATokenMayBeRepeatedAndCodeExchangesMayNot() {
    useAndRefresh(new OAuthM2mStrategy(clock), config(Map.of(), "host", idp.base(), "client_id", "sp", "client_secret", "s"));
    useAndRefresh(new EnvOidcStrategy(clock), config(Map.of("DATABRICKS_OIDC_TOKEN", "id-token"), "host", idp.base()));
    Browser user = url -> {
      try {
        ((HttpURLConnection) url.toURL().openConnection()).getResponseCode();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
    useAndRefresh(new ExternalBrowserStrategy(user, clock, Duration.ofSeconds(10)), config(Map.of(), "host", idp.base()));

    List<HttpRequest> posts = sender.requests().stream().filter(r -> r.method().equals("POST")).collect(Collectors.toList());
    assertThat(posts).hasSize(6);
    assertThat(posts.subList(0, 4)).allSatisfy(r -> assertThat(r.idempotent()).as("client credentials, token exchange").isTrue());
    assertThat(posts.subList(4, 6)).allSatisfy(r -> assertThat(r.idempotent()).as("code exchange, refresh").isFalse());
    assertThat(sender.requests()).filteredOn(r -> r.method().equals("GET")).allSatisfy(r -> assertThat(r.idempotent()).isTrue());
  }
}
