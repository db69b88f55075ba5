package io.databricks4j.auth.oauth;

import io.databricks4j.auth.oauth.internal.CodeFlow;
import io.databricks4j.auth.oauth.internal.DefaultSender;
import io.databricks4j.auth.oauth.internal.Hosts;
import io.databricks4j.auth.oauth.internal.OidcEndpoints;
import io.databricks4j.auth.oauth.internal.Scopes;
import io.databricks4j.error.ConfigException;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Starts user logins for a web application registered as an OAuth app (a custom app integration)
 * in Databricks.
 *
 * <pre>{@code
 * OAuthClient oauth = OAuthClient.builder()
 *     .host("https://my.cloud.databricks.com").clientId("my-app").clientSecret(secret)
 *     .redirectUrl("https://app.example.com/callback").build();
 * // login: remember the consent in the (server-side) session and redirect the user
 * Consent consent = oauth.initiateConsent();
 * session.put("consent", consent.toMap());
 * response.sendRedirect(consent.authUrl().toString());
 * // callback: exchange the query parameters for credentials
 * SessionCredentials credentials = Consent.fromMap(session.get("consent"), secret)
 *     .exchangeCallbackParameters(queryParameters);
 * session.put("credentials", credentials.toMap());
 * }</pre>
 *
 * <p>The scopes asked for always include {@code offline_access}, so that the credentials can refresh
 * themselves.
 *
 * <p>Every request (discovery, code exchange, refreshes) goes through an {@link HttpSender}: the one
 * given to {@link Builder#http(HttpSender)}, else the one registered as an {@code HttpSender}
 * service. The consent and the credentials made from this client keep using it.
 */
public final class OAuthClient {
  static final String NAME = "oauth-u2m";
  private final String host;
  private final String clientId;
  private final String clientSecret;
  private final URI redirectUrl;
  private final List<String> scopes;
  private final String accountId;
  private final HttpSender http;

  private OAuthClient(Builder b) {
    if (b.host == null || b.clientId == null || b.redirectUrl == null) {
      throw new ConfigException("OAuthClient needs host, clientId and redirectUrl");
    }
    try {
      this.host = Hosts.normalize(b.host);
      this.redirectUrl = URI.create(b.redirectUrl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("OAuthClient: " + e.getMessage(), e);
    }
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.scopes = List.copyOf(b.scopes);
    this.accountId = b.accountId;
    this.http = b.http;
    if (Hosts.isAccountHost(host) && accountId == null) {
      throw new ConfigException("OAuthClient: " + host + " is an accounts host; set accountId");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a login: discovers the host's endpoints (one HTTP request on a workspace) and makes a
   * new random state and PKCE verifier.
   */
  public Consent initiateConsent() {
    OidcEndpoints endpoints = OidcEndpoints.resolve(NAME, host, Hosts.isAccountHost(host), accountId, null,
        http != null ? http : DefaultSender.find(NAME));
    String state = CodeFlow.newState();
    String verifier = CodeFlow.newVerifier();
    URI authUrl = new CodeFlow(NAME, clientId, clientSecret, Clock.systemUTC())
        .authorizationUrl(endpoints.authorizationEndpoint(), redirectUrl, Scopes.withOfflineAccess(scopes), state, verifier);
    return Consent.fromMap(Map.of(
        Consent.HOST, host,
        Consent.CLIENT_ID, clientId,
        Consent.REDIRECT_URL, redirectUrl.toString(),
        Consent.TOKEN_ENDPOINT, endpoints.tokenEndpoint().toString(),
        Consent.AUTH_URL, authUrl.toString(),
        Consent.STATE, state,
        Consent.VERIFIER, verifier), clientSecret, http);
  }

  @Override
  public String toString() {
    return "OAuthClient{host=" + host + ", clientId=" + clientId + ", redirectUrl=" + redirectUrl
        + (clientSecret == null ? "" : ", clientSecret=***") + "}";
  }

  /** Builds an {@link OAuthClient}; host, clientId and redirectUrl are required. */
  public static final class Builder {
    private String host;
    private String clientId;
    private String clientSecret;
    private String redirectUrl;
    private List<String> scopes = List.of("all-apis");
    private String accountId;
    private HttpSender http;

    private Builder() {}

    /** The workspace or accounts host, for example {@code https://my.cloud.databricks.com}. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The secret of a confidential app; leave unset for a public one. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Where Databricks sends the user back; must be registered with the app. */
    public Builder redirectUrl(String redirectUrl) {
      this.redirectUrl = redirectUrl;
      return this;
    }

    /** The scopes to ask for, {@code all-apis} by default; {@code offline_access} is always added. */
    public Builder scopes(List<String> scopes) {
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /** Needed on an accounts host. */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * Where this client's requests go: the HTTP sender of the application's Databricks client, so
     * that they use its proxy, TLS settings, retries and redacting log. Unset, the sender registered
     * as an {@code io.databricks4j.http.HttpSender} service is used.
     */
    public Builder http(HttpSender http) {
      this.http = http;
      return this;
    }

    public OAuthClient build() {
      return new OAuthClient(this);
    }
  }
}
