package io.databricks4j.auth.oauth;

import static io.databricks4j.auth.testing.CredentialsStrategyContract.CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.testing.JdkSender;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthClientTest {
  private static final String SECRET = "app-secret-" + CANARY;
  private static final String CALLBACK = "https://app.example.com/callback";
  private static FakeIdentityProvider idp;

  @BeforeAll
  static void startIdentityProvider() {
    idp = FakeIdentityProvider.start("web-" + CANARY).client("web-app", SECRET);
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  private static final JdkSender HTTP = new JdkSender();

  private static OAuthClient client() {
    return OAuthClient.builder().host(idp.base()).clientId("web-app").clientSecret(SECRET).redirectUrl(CALLBACK)
        .scopes(java.util.List.of("sql", "all-apis")).http(HTTP).build();
  }

  /** The browser's visit to the authorization URL: the query of the redirect back to the app. */
  private static Map<String, String> visit(URI authUrl) throws IOException {
    HttpURLConnection c = (HttpURLConnection) authUrl.toURL().openConnection();
    c.setInstanceFollowRedirects(false);
    assertThat(c.getResponseCode()).isEqualTo(302);
    URI location = URI.create(c.getHeaderField("Location"));
    assertThat(location.toString()).startsWith(CALLBACK + "?");
    return FakeIdentityProvider.query(location);
  }

  @Test
  void aConsentRoundTripsThroughASessionAndYieldsCredentials() throws IOException {
    Consent consent = client().initiateConsent();
    Map<String, String> session = new HashMap<>(consent.toMap());
    assertThat(session.values()).noneMatch(v -> v.contains(CANARY));
    Map<String, String> callback = visit(consent.authUrl());

    SessionCredentials credentials = Consent.fromMap(session, SECRET, HTTP).exchangeCallbackParameters(callback);

    HeaderFactory headers = credentials.configure(MapConfigView.of("host", idp.base())).orElseThrow();
    assertThat(headers.headers().get("Authorization")).startsWith("Bearer web-" + CANARY);
    Map<String, String> authorize = idp.lastAuthorizeParams();
    assertThat(authorize).containsEntry("client_id", "web-app").containsEntry("redirect_uri", CALLBACK)
        .containsEntry("scope", "all-apis offline_access sql").containsEntry("code_challenge_method", "S256");
    FakeIdentityProvider.TokenCall exchange = idp.calls().get(idp.calls().size() - 1);
    assertThat(exchange.form()).containsEntry("grant_type", "authorization_code").containsKey("code_verifier");
    assertThat(exchange.authorization()).startsWith("Basic ");
  }

  @Test
  void everyConsentHasItsOwnStateAndVerifier() {
    Consent a = client().initiateConsent();
    Consent b = client().initiateConsent();
    assertThat(a.state()).isNotEqualTo(b.state()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(a.toMap().get("verifier")).isNotEqualTo(b.toMap().get("verifier")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(a.authUrl().getRawQuery()).doesNotContain(a.toMap().get("verifier"));
  }

  @Test
  void aMismatchedStateIsAnErrorNotAToken() throws IOException {
    Consent consent = client().initiateConsent();
    Map<String, String> callback = new HashMap<>(visit(consent.authUrl()));
    callback.put("state", "forged");
    int before = idp.tokenRequests();
    assertThatThrownBy(() -> consent.exchangeCallbackParameters(callback)).isInstanceOf(CredentialsException.class)
        .hasMessageContaining("state");
    assertThat(idp.tokenRequests()).isEqualTo(before);
  }

  @Test
  void anErrorParameterIsAnErrorNotAToken() {
    Consent consent = client().initiateConsent();
    Map<String, String> callback = Map.of("error", "access_denied", "error_description", "no\nthanks", "state", consent.state());
    assertThatThrownBy(() -> consent.exchangeCallbackParameters(callback)).isInstanceOf(CredentialsException.class)
        .hasMessageContaining("access_denied").hasMessageNotContaining("\n"); // no log injection
  }

  @Test
  void credentialsRoundTripThroughASessionAndRefreshThemselves() throws IOException {
    idp.expiresIn(30); // shorter than the 40 s margin: the first use refreshes
    try {
      Consent consent = client().initiateConsent();
      SessionCredentials first = consent.exchangeCallbackParameters(visit(consent.authUrl()));
      Map<String, String> stored = first.toMap();
      SessionCredentials restored = SessionCredentials.fromMap(stored, SECRET, HTTP);
      String access = restored.token().accessToken();
      assertThat(access).isNotEqualTo(stored.get("access_token"));
      assertThat(idp.calls().get(idp.calls().size() - 1).form()).containsEntry("grant_type", "refresh_token")
          .containsEntry("refresh_token", stored.get("refresh_token"));
      assertThat(restored.toMap().get("access_token")).isEqualTo(access);
      assertThat(restored.toMap().get("refresh_token")).isNotEqualTo(stored.get("refresh_token"));
    } finally {
      idp.expiresIn(3600);
    }
  }

  @Test
  void credentialsApplyOnlyToTheHostThatIssuedThem() throws IOException {
    Consent consent = client().initiateConsent();
    SessionCredentials credentials = consent.exchangeCallbackParameters(visit(consent.authUrl()));
    assertThat(credentials.authType()).isEqualTo("oauth-u2m");
    assertThat(credentials.explicitOnly()).isTrue();
    assertThatThrownBy(() -> credentials.configure(MapConfigView.of("host", "https://evil.example.com")))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("issued by");
  }

  @Test
  void nothingPrintsTheSecretOrTheTokens() throws IOException {
    OAuthClient client = client();
    Consent consent = client.initiateConsent();
    SessionCredentials credentials = consent.exchangeCallbackParameters(visit(consent.authUrl()));
    assertThat(client.toString()).doesNotContain(CANARY);
    assertThat(consent.toString()).doesNotContain(CANARY).doesNotContain(consent.state());
    assertThat(credentials.toString()).doesNotContain(CANARY);
    assertThat(credentials.requirement()).doesNotContain(CANARY);
    assertThat(credentials.configure(MapConfigView.of()).orElseThrow().toString()).doesNotContain(CANARY);
  }

  @Test
  void everyRequestOfTheWebFlowGoesThroughTheGivenSender() throws IOException {
    RoutingSender sender = new RoutingSender();
    int served = servedToTheSdk();
    OAuthClient client = OAuthClient.builder().host(idp.base()).clientId("web-app").clientSecret(SECRET)
        .redirectUrl(CALLBACK).http(sender).build();
    Consent consent = client.initiateConsent();
    SessionCredentials credentials = Consent.fromMap(consent.toMap(), SECRET, sender)
        .exchangeCallbackParameters(visit(consent.authUrl()));
    SessionCredentials.fromMap(expired(credentials.toMap()), SECRET, sender).token();

    assertThat(sender.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "GET /oidc/.well-known/oauth-authorization-server", "POST /oidc/v1/token", "POST /oidc/v1/token");
    assertThat(servedToTheSdk() - served).isEqualTo(sender.count());
  }

  @Test
  void restoredCredentialsRefreshThroughTheSenderOfTheClientTheyAreConfiguredFor() throws IOException {
    Consent consent = client().initiateConsent();
    Map<String, String> stored = expired(consent.exchangeCallbackParameters(visit(consent.authUrl())).toMap());
    SessionCredentials restored = SessionCredentials.fromMap(stored, SECRET);
    RoutingSender clientSender = new RoutingSender();

    HeaderFactory headers = restored.configure(MapConfigView.of("host", idp.base()).withHttp(clientSender)).orElseThrow();

    assertThat(headers.headers().get("Authorization")).startsWith("Bearer web-" + CANARY);
    assertThat(clientSender.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/oidc/v1/token"));
  }

  @Test
  void withoutASenderTheErrorSaysHowToGiveOne() {
    OAuthClient noSender = OAuthClient.builder().host(idp.base()).clientId("web-app").redirectUrl(CALLBACK).build();
    int served = idp.served().size();
    assertThatThrownBy(noSender::initiateConsent).isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("oauth-u2m: there is no HTTP sender").hasMessageContaining("OAuthClient.builder().http(");
    assertThatThrownBy(() -> SessionCredentials.fromMap(expired(Map.of("host", idp.base(), "client_id", "web-app",
        "token_endpoint", idp.base() + "/oidc/v1/token", "access_token", "a", "refresh_token", "r"))).token())
        .isInstanceOf(CredentialsException.class).hasMessageContaining("SessionCredentials.fromMap(map, secret, http)");
    assertThat(idp.served()).hasSize(served);
  }

  /** {@code stored} with an expiry in the past, so the next use refreshes. */
  private static Map<String, String> expired(Map<String, String> stored) {
    Map<String, String> m = new HashMap<>(stored);
    m.put("expiry", "2000-01-01T00:00:00Z");
    return m;
  }

  private static int servedToTheSdk() {
    return (int) idp.served().stream().filter(s -> !s.endsWith("/authorize")).count();
  }

  @Test
  void storedCredentialsWithoutTokensAreRejected() {
    assertThatThrownBy(() -> SessionCredentials.fromMap(Map.of("host", "https://h")))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("log the user in again");
    assertThatThrownBy(() -> Consent.fromMap(Map.of("host", "https://h")))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("start a new one");
  }
}
