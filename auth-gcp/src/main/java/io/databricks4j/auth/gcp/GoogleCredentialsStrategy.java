package io.databricks4j.auth.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.gcp.internal.CredentialsJson;
import io.databricks4j.auth.gcp.internal.GoogleHeaders;
import io.databricks4j.auth.gcp.internal.GoogleHttp;
import io.databricks4j.auth.gcp.internal.GoogleTokenSource;
import io.databricks4j.auth.gcp.internal.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code auth_type = google-credentials}: a Google service account key ({@code google_credentials},
 * the JSON or the path of its file). Sends a Google ID token whose audience is the host; to the
 * accounts console it also sends the service account's access token in
 * {@code X-Databricks-GCP-SA-Access-Token}, which account-level operations on GCP resources need.
 *
 * <p>Token requests go through {@link ConfigView#http()}; the library's own retries are switched off,
 * the sender's apply.
 */
public final class GoogleCredentialsStrategy implements CredentialsStrategy {
  /** The scopes of the service account access token, as the official Databricks SDKs ask for. */
  static final List<String> SA_SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform",
      "https://www.googleapis.com/auth/compute");

  public GoogleCredentialsStrategy() {}

  @Override
  public String authType() {
    return "google-credentials";
  }

  @Override
  public int priority() {
    return 80;
  }

  @Override
  public String requirement() {
    return "needs a Google Cloud host and google_credentials (service account key JSON, or the path of its file)";
  }

  @Override
  public String toString() {
    return "GoogleCredentialsStrategy";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> value = config.attribute("google_credentials");
    Optional<String> host = config.host();
    if (value.isEmpty() || host.isEmpty() || config.cloud() != Cloud.GCP) {
      return Optional.empty();
    }
    CredentialsJson json = CredentialsJson.read(authType(), "google_credentials", value.get(), config);
    Secrets secrets = json.secrets();
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(json.bytes()), GoogleHttp.transport(config))
          .createWithCustomRetryStrategy(false);
    } catch (IOException | RuntimeException e) {
      throw new CredentialsException(authType() + ": " + json.origin() + " is not valid Google credentials JSON: "
          + secrets.redact(e.getMessage()), secrets.sanitize(e));
    }
    if (!(credentials instanceof IdTokenProvider)) {
      throw new CredentialsException(authType() + ": " + json.origin() + " holds "
          + credentials.getClass().getSimpleName() + ", which cannot mint ID tokens: use a service account key"
          + " (\"type\": \"service_account\"), or auth_type google-id to impersonate a service account");
    }
    IdTokenCredentials idTokens = IdTokenCredentials.newBuilder()
        .setIdTokenProvider((IdTokenProvider) credentials).setTargetAudience(host.get()).build();
    CachedToken id = GoogleTokenSource.cached(authType(), "an ID token for " + host.get(), idTokens::refreshAccessToken,
        secrets);
    CachedToken access = null;
    if (config.isAccountClient()) {
      GoogleCredentials scoped = credentials.createScoped(SA_SCOPES);
      access = GoogleTokenSource.cached(authType(), "a service account access token", scoped::refreshAccessToken,
          secrets);
    }
    return Optional.of(new GoogleHeaders(authType(), host.get(), id, access));
  }
}
