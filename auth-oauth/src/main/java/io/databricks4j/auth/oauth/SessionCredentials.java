package io.databricks4j.auth.oauth;

import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.oauth.internal.BearerHeaderFactory;
import io.databricks4j.auth.oauth.internal.CodeFlow;
import io.databricks4j.auth.oauth.internal.DefaultSender;
import io.databricks4j.auth.oauth.internal.Hosts;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A user's tokens from a completed {@link Consent}: a credentials strategy ({@code oauth-u2m}) to
 * pass as an explicit strategy object to a client builder. The access token is refreshed with the
 * refresh token shortly before it expires; store {@link #toMap()} in the session again after use
 * to keep the newest tokens. It applies only to the host that issued it.
 *
 * <p>Refreshes go through the HTTP sender given to {@link #fromMap(Map, String, HttpSender)} (or
 * inherited from the {@link OAuthClient}); without one, through the sender of the client these
 * credentials were last configured for, and before that the one registered as an
 * {@code io.databricks4j.http.HttpSender} service.
 */
public final class SessionCredentials implements CredentialsStrategy {
  private static final String ACCESS_TOKEN = "access_token";
  private static final String TOKEN_TYPE = "token_type";
  private static final String REFRESH_TOKEN = "refresh_token";
  private static final String EXPIRY = "expiry";

  private final String host;
  private final String clientId;
  private final URI tokenEndpoint;
  private final CodeFlow flow;
  private final Clock clock;
  private final CachedToken cache;
  private final HttpSender explicitHttp;
  private volatile HttpSender clientHttp;
  private volatile Token current;

  private SessionCredentials(String host, String clientId, String clientSecret, URI tokenEndpoint, Token token, Clock clock,
      HttpSender http) {
    this.host = host;
    this.clientId = clientId;
    this.tokenEndpoint = tokenEndpoint;
    this.flow = new CodeFlow(OAuthClient.NAME, clientId, clientSecret, clock);
    this.clock = clock;
    this.explicitHttp = http;
    this.current = token;
    this.cache = CachedToken.of(OAuthClient.NAME, this::refreshIfNeeded, clock, CachedToken.DEFAULT_REFRESH_MARGIN_SECONDS);
  }

  static SessionCredentials create(String host, String clientId, String clientSecret, URI tokenEndpoint, Token token,
      Clock clock, HttpSender http) {
    return new SessionCredentials(host, clientId, clientSecret, tokenEndpoint, token, clock, http);
  }

  /** Credentials of a public client, from {@link #toMap()}. */
  public static SessionCredentials fromMap(Map<String, String> map) {
    return fromMap(map, null, null, Clock.systemUTC());
  }

  /**
   * Credentials from {@link #toMap()}, with the client secret of a confidential client.
   *
   * @param clientSecret null for a public client
   */
  public static SessionCredentials fromMap(Map<String, String> map, String clientSecret) {
    return fromMap(map, clientSecret, null, Clock.systemUTC());
  }

  /**
   * Credentials from {@link #toMap()}, with the client secret of a confidential client, refreshed
   * through {@code http}.
   *
   * @param clientSecret null for a public client
   * @param http null to use the sender of the client these credentials are configured for
   */
  public static SessionCredentials fromMap(Map<String, String> map, String clientSecret, HttpSender http) {
    return fromMap(map, clientSecret, http, Clock.systemUTC());
  }

  static SessionCredentials fromMap(Map<String, String> map, String clientSecret, HttpSender http, Clock clock) {
    try {
      String expiry = map.get(EXPIRY);
      Token token = Token.of(required(map, ACCESS_TOKEN), map.get(TOKEN_TYPE),
          expiry == null || expiry.isBlank() ? null : Instant.parse(expiry), map.get(REFRESH_TOKEN));
      return new SessionCredentials(required(map, Consent.HOST), required(map, Consent.CLIENT_ID), clientSecret,
          URI.create(required(map, Consent.TOKEN_ENDPOINT)), token, clock, http);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new CredentialsException(OAuthClient.NAME + ": the stored credentials are malformed ("
          + e.getClass().getSimpleName() + "); log the user in again", e);
    }
  }

  private static String required(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null || value.isBlank()) {
      throw new CredentialsException(OAuthClient.NAME + ": the stored credentials have no " + key + "; log the user in again");
    }
    return value;
  }

  /** The current tokens and where to refresh them, for a server-side session. */
  public Map<String, String> toMap() {
    Token t = current;
    Map<String, String> map = new HashMap<>();
    map.put(Consent.HOST, host);
    map.put(Consent.CLIENT_ID, clientId);
    map.put(Consent.TOKEN_ENDPOINT, tokenEndpoint.toString());
    map.put(ACCESS_TOKEN, t.accessToken());
    map.put(TOKEN_TYPE, t.tokenType());
    t.refreshToken().ifPresent(r -> map.put(REFRESH_TOKEN, r));
    t.expiry().ifPresent(e -> map.put(EXPIRY, e.toString()));
    return Map.copyOf(map);
  }

  /** A valid access token, refreshed first when it is about to expire. */
  public Token token() {
    return cache.token();
  }

  private Token refreshIfNeeded() {
    Token t = current;
    if (t.isValidAt(clock.instant(), CachedToken.DEFAULT_REFRESH_MARGIN_SECONDS)) {
      return t;
    }
    String refresh = t.refreshToken().orElseThrow(() -> new CredentialsException(OAuthClient.NAME
        + ": the access token has expired and there is no refresh token; log the user in again"));
    Token next = flow.refresh(sender(), tokenEndpoint, refresh);
    current = next;
    return next;
  }

  private HttpSender sender() {
    HttpSender s = explicitHttp != null ? explicitHttp : clientHttp;
    return s != null ? s : DefaultSender.find(OAuthClient.NAME);
  }

  @Override
  public String authType() {
    return OAuthClient.NAME;
  }

  @Override
  public boolean explicitOnly() {
    return true;
  }

  @Override
  public String requirement() {
    return "an explicit SessionCredentials object from Consent.exchangeCallbackParameters, for host " + host;
  }

  /**
   * Headers for {@code config}, which must name the host these credentials came from (or none).
   * Unless a sender was given, refreshes from now on go through {@code config}'s.
   */
  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> configured = config.host();
    if (configured.isPresent() && !Hosts.normalize(configured.get()).equalsIgnoreCase(host)) {
      throw new CredentialsException(OAuthClient.NAME + ": these credentials were issued by " + host
          + ", not by " + configured.get() + "; use the host the user logged in to");
    }
    clientHttp = config.http();
    return Optional.of(new BearerHeaderFactory(OAuthClient.NAME, cache));
  }

  @Override
  public String toString() {
    return "SessionCredentials{host=" + host + ", clientId=" + clientId + ", token=" + current + "}";
  }
}
