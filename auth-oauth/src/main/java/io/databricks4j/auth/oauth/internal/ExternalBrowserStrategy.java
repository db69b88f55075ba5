package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.TokenSource;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code auth_type = external-browser}: the user logs in in a browser (authorization code grant
 * with PKCE, redirect to a loopback listener, {@code offline_access} asked for); tokens are kept in
 * {@code <home>/.databricks/token-cache.json} per host and client id and refreshed with the refresh
 * token, so the browser opens again only when that fails. Client id {@code databricks-cli} unless
 * client_id is set (client_secret then optional). Used only when auth_type names it.
 */
public final class ExternalBrowserStrategy extends OAuthStrategy {
  static final String NAME = "external-browser";
  static final String DEFAULT_CLIENT_ID = "databricks-cli";
  static final String DEFAULT_REDIRECT = "http://localhost:8020";
  private static final System.Logger LOG = System.getLogger(ExternalBrowserStrategy.class.getName());
  private final Browser browser;
  private final Duration loginTimeout;

  public ExternalBrowserStrategy() {
    this(Browser.system(), Clock.systemUTC(), Duration.ofMinutes(5));
  }

  ExternalBrowserStrategy(Browser browser, Clock clock, Duration loginTimeout) {
    // the default priority of CredentialsStrategy: explicit-only, it is never ranked
    super(NAME, 100, "needs host, auth_type = external-browser and a user at a browser (client_id defaults to "
        + DEFAULT_CLIENT_ID + ", redirect_url to " + DEFAULT_REDIRECT + ")", clock);
    this.browser = browser;
    this.loginTimeout = loginTimeout;
  }

  @Override
  public boolean explicitOnly() {
    return true;
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> host = config.host();
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String clientId = config.attribute("client_id").orElse(DEFAULT_CLIENT_ID);
    String key = host.get() + (config.isAccountClient() ? "/oidc/accounts/" + config.attribute("account_id").orElse("") : "")
        + "#" + clientId;
    URI redirect;
    try {
      redirect = URI.create(config.attribute("redirect_url").orElse(DEFAULT_REDIRECT));
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(NAME + ": redirect_url is not a valid URL", e);
    }
    if (!"http".equalsIgnoreCase(redirect.getScheme()) || !Hosts.isLoopback(redirect.getHost())) {
      throw new CredentialsException(NAME + ": redirect_url must be a loopback http URL such as " + DEFAULT_REDIRECT);
    }
    Login login = new Login(key, redirect, Scopes.withOfflineAccess(config.scopes()),
        new CodeFlow(NAME, clientId, config.attribute("client_secret").orElse(null), clock), config.http(),
        new LazyEndpoints(NAME, config), TokenCacheFile.inHome(config.homeDirectory()));
    return bearer(login);
  }

  /** Cached token, else refresh, else browser; called by {@link CachedToken} under its lock. */
  private final class Login implements TokenSource {
    private final String key;
    private final URI redirect;
    private final Scope scope;
    private final CodeFlow flow;
    private final HttpSender sender;
    private final LazyEndpoints endpoints;
    private final TokenCacheFile cache;

    Login(String key, URI redirect, Scope scope, CodeFlow flow, HttpSender sender, LazyEndpoints endpoints,
        TokenCacheFile cache) {
      this.key = key;
      this.redirect = redirect;
      this.scope = scope;
      this.flow = flow;
      this.sender = sender;
      this.endpoints = endpoints;
      this.cache = cache;
    }

    @Override
    public Token token() {
      Optional<Token> cached = cache.load(key);
      if (cached.isPresent() && cached.get().isValidAt(clock.instant(), CachedToken.DEFAULT_REFRESH_MARGIN_SECONDS)) {
        return cached.get();
      }
      Optional<String> refreshToken = cached.flatMap(Token::refreshToken);
      if (refreshToken.isPresent()) {
        try {
          return saved(flow.refresh(sender, endpoints.get().tokenEndpoint(), refreshToken.get()));
        } catch (TokenEndpoint.RefusedException e) {
          if (!e.grantRefused()) {
            throw e; // the server is failing: a browser login would not help
          }
          // an expired or revoked refresh token: log in again
          LOG.log(System.Logger.Level.DEBUG, () -> NAME + ": refresh refused (" + e.error() + "), opening the browser");
        }
      }
      return saved(browserLogin());
    }

    private Token browserLogin() {
      OidcEndpoints oidc = endpoints.get();
      try (LoopbackListener listener = LoopbackListener.start(NAME, redirect)) {
        String state = CodeFlow.newState();
        String verifier = CodeFlow.newVerifier();
        browser.open(flow.authorizationUrl(oidc.authorizationEndpoint(), listener.redirect(), scope, state, verifier));
        AuthorizationCode code = flow.code(listener.redirect(), listener.await(NAME, loginTimeout), state);
        return flow.exchange(sender, oidc.tokenEndpoint(), code, listener.redirect(), verifier);
      }
    }

    private Token saved(Token token) {
      try {
        cache.save(key, token);
      } catch (CredentialsException e) {
        // the login still worked; the next process will have to log in again
        LOG.log(System.Logger.Level.WARNING, e.getMessage());
      }
      return token;
    }
  }
}
