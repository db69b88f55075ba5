package io.databricks4j.auth.azure.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The ID token of a GitHub Actions job (a job with {@code permissions: id-token: write}) for the
 * audience Microsoft Entra ID expects of a federated credential, {@code api://AzureADTokenExchange}:
 * asked of {@code ACTIONS_ID_TOKEN_REQUEST_URL} with {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN},
 * through the configuration's sender, anew for every token request (it lives a few minutes).
 */
public final class GithubIdToken {
  public static final String REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
  public static final String REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
  static final String AUDIENCE = "api://AzureADTokenExchange";

  private final String strategy;
  private final ConfigView config;
  private final String url;
  private final String bearer;

  private GithubIdToken(String strategy, ConfigView config, String url, String bearer) {
    this.strategy = strategy;
    this.config = config;
    this.url = url;
    this.bearer = bearer;
  }

  /** The job's token source, or empty outside a GitHub Actions job that may ask for ID tokens. */
  public static Optional<GithubIdToken> of(String strategy, ConfigView config) {
    String url = config.environment().get(REQUEST_URL);
    String bearer = config.environment().get(REQUEST_TOKEN);
    if (url == null || url.isBlank() || bearer == null || bearer.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new GithubIdToken(strategy, config, url.strip(), bearer.strip()));
  }

  /** A fresh ID token. */
  public String get() {
    String full = url + (url.contains("?") ? "&" : "?") + "audience=" + AUDIENCE;
    String where = withoutQuery(full);
    HttpResponse response;
    try {
      response = config.http().send(HttpRequest.builder("GET", full)
          .header("Authorization", "Bearer " + bearer)
          .header("Accept", "application/json").build());
    } catch (DatabricksException e) {
      throw new CredentialsException(strategy + ": cannot reach GitHub's ID token endpoint " + where + " ("
          + e.getMessage() + ")", e);
    }
    String body = response.bodyAsString();
    if (response.status() != 200) {
      throw new CredentialsException(strategy + ": GitHub answered HTTP " + response.status() + " to the ID token"
          + " request at " + where + "; does the job have permissions: id-token: write?");
    }
    Map<String, Object> json = AzureWorkspaceLookup.parse(body);
    if (!(json.get("value") instanceof String token) || token.isBlank()) {
      throw new CredentialsException(strategy + ": the answer of " + where + " has no ID token in \"value\"");
    }
    return token;
  }

  private static String withoutQuery(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return "(" + REQUEST_URL + ", not an absolute URL)";
      }
      // host and port only: user information in the URL would be a credential in the message
      return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort())
          + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (IllegalArgumentException e) {
      return "(" + REQUEST_URL + ", not a valid URL)";
    }
  }

  @Override
  public String toString() {
    return "GithubIdToken{strategy=" + strategy + "}";
  }
}
