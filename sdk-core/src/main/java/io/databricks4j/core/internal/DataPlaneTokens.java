package io.databricks4j.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.core.Json;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.RequestBody;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tokens of the serving data plane: the client's Databricks OAuth token exchanged at the
 * workspace's {@code /oidc/v1/token} (grant {@code urn:ietf:params:oauth:grant-type:jwt-bearer},
 * with the {@code authorization_details} the endpoint's {@code data_plane_info} gives), one per
 * set of details, cached until it is about to expire.
 */
public final class DataPlaneTokens {
  private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final String host;
  private final HttpSender http;
  private final Supplier<Token> controlPlane;
  private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

  /**
   * @param controlPlane the client's current Databricks OAuth token; throws when the credentials have none
   */
  public DataPlaneTokens(String host, HttpSender http, Supplier<Token> controlPlane) {
    this.host = host;
    this.http = http;
    this.controlPlane = controlPlane;
  }

  /** A token for {@code authorizationDetails} (the JSON the endpoint's data_plane_info carries). */
  public Token token(String authorizationDetails) {
    return cache.computeIfAbsent(authorizationDetails, d -> CachedToken.of("data-plane", () -> exchange(d))).token();
  }

  private Token exchange(String details) {
    String form = "grant_type=" + enc(GRANT) + "&assertion=" + enc(controlPlane.get().accessToken())
        + "&authorization_details=" + enc(details);
    HttpResponse r = http.send(HttpRequest.builder("POST", host + "/oidc/v1/token").header("Accept", "application/json")
        .body(RequestBody.of(form, "application/x-www-form-urlencoded")).build());
    JsonNode json;
    try {
      json = Json.mapper().readTree(r.bodyAsBytes());
    } catch (IOException e) {
      throw new CredentialsException("data plane: " + host + "/oidc/v1/token answered HTTP " + r.status()
          + " without JSON; check the host");
    }
    if (r.status() != 200 || json == null || !json.hasNonNull("access_token")) {
      String error = json == null ? "" : json.path("error").asText("") + " " + json.path("error_description").asText("");
      throw new CredentialsException("data plane: the token exchange at " + host + "/oidc/v1/token was refused (HTTP "
          + r.status() + (error.isBlank() ? "" : ": " + error.strip()) + "); the credentials must be a Databricks "
          + "OAuth token allowed to query the endpoint");
    }
    long expiresIn = json.path("expires_in").asLong(3600);
    return Token.of(json.get("access_token").asText(), json.path("token_type").asText("Bearer"),
        Instant.now().plusSeconds(expiresIn), null);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
