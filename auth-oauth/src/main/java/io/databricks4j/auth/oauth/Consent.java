package io.databricks4j.auth.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.oauth.internal.CodeFlow;
import io.databricks4j.auth.oauth.internal.DefaultSender;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A login in progress: the URL to send the user to, and the state and PKCE verifier to check and
 * complete the callback with. Keep it in a server-side session only (it holds the verifier), use it
 * once, and never in a cookie. The client secret and the HTTP sender are never part of
 * {@link #toMap()}: give them back to {@link #fromMap(Map, String, HttpSender)}.
 */
public final class Consent {
  static final String HOST = "host";
  static final String CLIENT_ID = "client_id";
  static final String REDIRECT_URL = "redirect_url";
  static final String TOKEN_ENDPOINT = "token_endpoint";
  static final String AUTH_URL = "auth_url";
  static final String STATE = "state";
  static final String VERIFIER = "verifier";
  private static final List<String> KEYS = List.of(HOST, CLIENT_ID, REDIRECT_URL, TOKEN_ENDPOINT, AUTH_URL, STATE, VERIFIER);

  private final Map<String, String> values;
  private final String clientSecret;
  private final HttpSender http;

  private Consent(Map<String, String> values, String clientSecret, HttpSender http) {
    this.values = values;
    this.clientSecret = clientSecret;
    this.http = http;
  }

  /** A consent of a public client, from {@link #toMap()}. */
  public static Consent fromMap(Map<String, String> map) {
    return fromMap(map, null, null);
  }

  /**
   * A consent from {@link #toMap()}, with the client secret of a confidential client; its requests go
   * through the sender registered as an {@code io.databricks4j.http.HttpSender} service.
   *
   * @param clientSecret null for a public client
   */
  public static Consent fromMap(Map<String, String> map, String clientSecret) {
    return fromMap(map, clientSecret, null);
  }

  /**
   * A consent from {@link #toMap()}, with the client secret of a confidential client, whose code
   * exchange and later refreshes go through {@code http} (the one given to
   * {@link OAuthClient.Builder#http(HttpSender)}).
   *
   * @param clientSecret null for a public client
   * @param http null for the sender registered as a service
   */
  public static Consent fromMap(Map<String, String> map, String clientSecret, HttpSender http) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = map.get(key);
      if (value == null || value.isBlank()) {
        throw new CredentialsException(OAuthClient.NAME + ": the consent has no " + key + "; start a new one");
      }
      values.put(key, value);
    }
    return new Consent(Map.copyOf(values), clientSecret, http);
  }

  /** Everything needed to finish the login, for a server-side session. */
  public Map<String, String> toMap() {
    return values;
  }

  /** Where to send the user's browser. */
  public URI authUrl() {
    return URI.create(values.get(AUTH_URL));
  }

  /** The random state the callback must carry back. */
  public String state() {
    return values.get(STATE);
  }

  /**
   * Completes the login with the query parameters of the callback request.
   *
   * @throws CredentialsException when they carry an {@code error}, a {@code state} other than this
   *     consent's, or no code, or when the code exchange fails
   */
  public SessionCredentials exchangeCallbackParameters(Map<String, String> query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    query.forEach((k, v) -> params.put(k, List.of(v)));
    URI redirect = URI.create(values.get(REDIRECT_URL));
    URI tokenEndpoint = URI.create(values.get(TOKEN_ENDPOINT));
    CodeFlow flow = new CodeFlow(OAuthClient.NAME, values.get(CLIENT_ID), clientSecret, Clock.systemUTC());
    AuthorizationCode code = flow.code(redirect, params, state());
    Token token = flow.exchange(http != null ? http : DefaultSender.find(OAuthClient.NAME), tokenEndpoint, code,
        redirect, values.get(VERIFIER));
    return SessionCredentials.create(values.get(HOST), values.get(CLIENT_ID), clientSecret, tokenEndpoint, token,
        Clock.systemUTC(), http);
  }

  @Override
  public String toString() {
    return "Consent{host=" + values.get(HOST) + ", clientId=" + values.get(CLIENT_ID) + "}";
  }
}
