package io.databricks4j.auth.gcp.internal;

import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.HeaderFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Authorization: Bearer <Google ID token for the host>}, plus the service account's access
 * token in {@code X-Databricks-GCP-SA-Access-Token} when there is one.
 */
public final class GoogleHeaders implements HeaderFactory {
  public static final String SA_ACCESS_TOKEN = "X-Databricks-GCP-SA-Access-Token";

  private final String strategy;
  private final String audience;
  private final CachedToken idToken;
  private final CachedToken accessToken;

  /** {@code accessToken} may be null: the header is then left out. */
  public GoogleHeaders(String strategy, String audience, CachedToken idToken, CachedToken accessToken) {
    this.strategy = strategy;
    this.audience = audience;
    this.idToken = idToken;
    this.accessToken = accessToken;
  }

  @Override
  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", idToken.token().authorizationHeader());
    if (accessToken != null) {
      h.put(SA_ACCESS_TOKEN, accessToken.token().accessToken());
    }
    return h;
  }

  @Override
  public String toString() {
    return "GoogleHeaders{strategy=" + strategy + ", audience=" + audience + ", saAccessToken=" + (accessToken != null) + "}";
  }
}
