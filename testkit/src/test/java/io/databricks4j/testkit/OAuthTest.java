package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private MutableClock clock;
  private LocalWorkspace ws;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().clock(clock).oauthTokenLifetime(Duration.ofMinutes(10)).start()
        .oauthClient("sp-app", "sp-secret");
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  private HttpResponse<String> token(Map<String, String> form, String basic) throws Exception {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (basic != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> form(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void metadataIsPublishedForTheWorkspaceAndTheAccount() {
    Api anonymous = new Api(ws.host(), null);
    JsonNode workspace = anonymous.getOk("/oidc/.well-known/oauth-authorization-server");
    assertThat(workspace.get("token_endpoint").asText()).isEqualTo(ws.host() + "/oidc/v1/token");
    assertThat(workspace.get("authorization_endpoint").asText()).isEqualTo(ws.host() + "/oidc/v1/authorize");
    assertThat(workspace.get("code_challenge_methods_supported").get(0).asText()).isEqualTo("S256");
    JsonNode account = anonymous.getOk("/oidc/accounts/" + ws.accountId() + "/.well-known/oauth-authorization-server");
    assertThat(account.get("token_endpoint").asText()).isEqualTo(ws.host() + "/oidc/accounts/" + ws.accountId() + "/v1/token");
    assertThat(anonymous.get("/oidc/accounts/other/.well-known/oauth-authorization-server").status()).isEqualTo(404);
  }

  @Test
  void clientCredentialsIssueTokensThatAuthenticateUntilTheyExpire() throws Exception {
    HttpResponse<String> r = token(form("grant_type", "client_credentials", "scope", "all-apis"), "sp-app:sp-secret");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(r.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(600);
    Api withToken = new Api(ws.host(), body.get("access_token").asText());
    assertThat(withToken.get("/api/2.1/clusters/list").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(11));
    assertThat(withToken.get("/api/2.1/clusters/list").status()).isEqualTo(403);

    HttpResponse<String> post = token(form("grant_type", "client_credentials", "client_id", "sp-app",
        "client_secret", "sp-secret"), null);
    assertThat(post.statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = token(form("grant_type", "client_credentials"), "sp-app:nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(Json.parse(wrong.body()).get("error").asText()).isEqualTo("invalid_client");
    HttpResponse<String> unsupported = token(form("grant_type", "password"), "sp-app:sp-secret");
    assertThat(Json.parse(unsupported.body()).get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  private String authorize(String challenge, String state) throws Exception {
    String url = ws.host() + "/oidc/v1/authorize?response_type=code&client_id=databricks-cli"
        + "&redirect_uri=" + URLEncoder.encode("http://localhost:8020/callback", StandardCharsets.UTF_8)
        + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256&scope=all-apis+offline_access";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://localhost:8020/callback?code=").endsWith("&state=" + state);
    return location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
  }

  private static String s256(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void authorizationCodeWithPkceIsCheckedAndRefreshRotates() throws Exception {
    String verifier = "a-long-enough-code-verifier-of-forty-three-characters-x";
    String code = authorize(s256(verifier), "st4te");
    HttpResponse<String> wrong = token(form("grant_type", "authorization_code", "code", code, "client_id", "databricks-cli",
        "redirect_uri", "http://localhost:8020/callback", "code_verifier", "not-the-verifier"), null);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Json.parse(wrong.body()).get("error").asText()).isEqualTo("invalid_grant");

    String code2 = authorize(s256(verifier), "again");
    HttpResponse<String> ok = token(form("grant_type", "authorization_code", "code", code2, "client_id", "databricks-cli",
        "redirect_uri", "http://localhost:8020/callback", "code_verifier", verifier), null);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode tokens = Json.parse(ok.body());
    assertThat(new Api(ws.host(), tokens.get("access_token").asText()).getOk("/api/2.0/preview/scim/v2/Me")
        .get("userName").asText()).isEqualTo(ws.userName());
    HttpResponse<String> reused = token(form("grant_type", "authorization_code", "code", code2, "client_id",
        "databricks-cli", "code_verifier", verifier), null);
    assertThat(Json.parse(reused.body()).get("error").asText()).isEqualTo("invalid_grant");

    String refresh = tokens.get("refresh_token").asText();
    HttpResponse<String> refreshed = token(form("grant_type", "refresh_token", "refresh_token", refresh,
        "client_id", "databricks-cli"), null);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(Json.parse(refreshed.body()).get("refresh_token").asText()).isNotEqualTo(refresh);
    assertThat(token(form("grant_type", "refresh_token", "refresh_token", refresh), null).statusCode()).isEqualTo(400);
  }

  @Test
  void tokenExchangeAcceptsOnlyRegisteredIdTokens() throws Exception {
    ws.trustIdToken("eyJhbGciOiJSUzI1NiJ9.github-actions.sig");
    HttpResponse<String> ok = token(form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
        "subject_token", "eyJhbGciOiJSUzI1NiJ9.github-actions.sig",
        "subject_token_type", "urn:ietf:params:oauth:token-type:jwt", "client_id", "sp-app", "scope", "all-apis"), null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new Api(ws.host(), Json.parse(ok.body()).get("access_token").asText())
        .get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
    HttpResponse<String> unknown = token(form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
        "subject_token", "forged", "subject_token_type", "urn:ietf:params:oauth:token-type:jwt"), null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Json.parse(unknown.body()).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void clientsAndIdTokensCanBeRegisteredOverHttpForTheStandaloneEmulator() throws Exception {
    Api control = new Api(ws.host(), null);
    control.postOk("/testkit/oauth/clients", Json.object("client_id", "cli-registered", "client_secret", "s"));
    assertThat(token(form("grant_type", "client_credentials"), "cli-registered:s").statusCode()).isEqualTo(200);
    control.postOk("/testkit/oauth/id-tokens", Json.object("id_token", "jwt-1"));
    assertThat(token(form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", "jwt-1"),
        null).statusCode()).isEqualTo(200);
  }

  @Test
  void aServicePrincipalSecretPassesClientCredentialsUntilDeleted() throws Exception {
    Api api = new Api(ws);
    String base = "/api/2.0/accounts/" + ws.accountId();
    Api.Response sp = api.post(base + "/scim/v2/ServicePrincipals", Json.object("displayName", "deployer"));
    String id = sp.json().get("id").asText();
    String app = sp.json().get("applicationId").asText();
    JsonNode secret = api.postOk(base + "/servicePrincipals/" + id + "/credentials/secrets", Json.object("lifetime", "3600s"));
    assertThat(secret.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(token(form("grant_type", "client_credentials"), app + ":" + secret.get("secret").asText()).statusCode())
        .isEqualTo(200);
    JsonNode list = api.getOk(base + "/servicePrincipals/" + id + "/credentials/secrets");
    assertThat(list.get("secrets")).hasSize(1);
    assertThat(list.at("/secrets/0").has("secret")).isFalse();
    assertThat(api.delete(base + "/servicePrincipals/" + id + "/credentials/secrets/" + secret.get("id").asText()).status())
        .isEqualTo(200);
    assertThat(token(form("grant_type", "client_credentials"), app + ":" + secret.get("secret").asText()).statusCode())
        .isEqualTo(401);
    assertThat(api.post(base + "/servicePrincipals/999/credentials/secrets", Json.object()).status()).isEqualTo(404);
  }
}
