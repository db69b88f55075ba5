package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * {@code auth_type = github-oidc}: in a GitHub Actions job with {@code permissions: id-token: write},
 * asks GitHub for an ID token (ACTIONS_ID_TOKEN_REQUEST_URL, authenticated with
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN) for the audience token_audience (default: the account id on an
 * accounts host, else the token endpoint) and exchanges it for a Databricks token. Applies when host
 * and both variables are set.
 */
public final class GithubOidcStrategy extends OAuthStrategy {
  static final String NAME = "github-oidc";
  static final String REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
  static final String REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

  public GithubOidcStrategy() {
    this(Clock.systemUTC());
  }

  GithubOidcStrategy(Clock clock) {
    super(NAME, 60, "needs host and a GitHub Actions job with id-token: write (" + REQUEST_URL + " and "
        + REQUEST_TOKEN + ")", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Map<String, String> env = config.environment();
    String url = env.get(REQUEST_URL);
    String token = env.get(REQUEST_TOKEN);
    if (config.host().isEmpty() || url == null || url.isBlank() || token == null || token.isBlank()) {
      return Optional.empty();
    }
    return bearer(new IdTokenExchange(NAME, config, audience -> requestIdToken(url, token, audience, config.http()),
        clock));
  }

  private static String requestIdToken(String url, String bearer, String audience, HttpSender sender) {
    URI uri;
    try {
      uri = URI.create(url + (url.contains("?") ? "&" : "?") + "audience="
          + URLEncoder.encode(audience, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(NAME + ": " + REQUEST_URL + " is not a valid URL", e);
    }
    HTTPRequest request = Http.get(uri);
    request.setAuthorization("Bearer " + bearer);
    HTTPResponse response = Http.send(NAME, request, sender, true);
    if (response.getStatusCode() != 200) {
      throw new CredentialsException(NAME + ": GitHub answered HTTP " + response.getStatusCode() + " to the ID token "
          + "request at " + Http.withoutQuery(uri) + "; does the job have permissions: id-token: write?");
    }
    JSONObject json = Http.json(NAME, response, uri, "{\"value\": <ID token>}");
    try {
      return JSONObjectUtils.getNonBlankString(json, "value");
    } catch (ParseException e) {
      throw new CredentialsException(NAME + ": the answer of " + Http.withoutQuery(uri) + " has no ID token in \"value\"", e);
    }
  }
}
