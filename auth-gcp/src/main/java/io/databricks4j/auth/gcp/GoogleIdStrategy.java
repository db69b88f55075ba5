package io.databricks4j.auth.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.auth.oauth2.ImpersonatedCredentials;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.gcp.internal.ApplicationDefault;
import io.databricks4j.auth.gcp.internal.GoogleHeaders;
import io.databricks4j.auth.gcp.internal.GoogleHttp;
import io.databricks4j.auth.gcp.internal.GoogleTokenSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code auth_type = google-id}: impersonates {@code google_service_account} with the application
 * default credentials (gcloud login, a key file, or the metadata server) through the IAM
 * Credentials API. Sends an ID token for the host (with the email claim); to the accounts console
 * it also sends the impersonated account's access token in {@code X-Databricks-GCP-SA-Access-Token}.
 *
 * <p>Every request (the source credentials' token, IAM Credentials, the metadata server) goes through
 * {@link ConfigView#http()}; requests to the metadata server connect within 1 s and end within 10 s.
 */
public final class GoogleIdStrategy implements CredentialsStrategy {
  private static final String IAM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  private static final int LIFETIME_SECONDS = 3600;

  public GoogleIdStrategy() {}

  @Override
  public String toString() {
    return "GoogleIdStrategy";
  }

  @Override
  public String authType() {
    return "google-id";
  }

  @Override
  public int priority() {
    return 81;
  }

  @Override
  public String requirement() {
    return "needs a Google Cloud host, google_service_account and application default credentials allowed to"
        + " impersonate it (roles/iam.serviceAccountTokenCreator)";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> account = config.attribute("google_service_account");
    Optional<String> host = config.host();
    if (account.isEmpty() || host.isEmpty() || config.cloud() != Cloud.GCP) {
      return Optional.empty();
    }
    ApplicationDefault adc = ApplicationDefault.load(authType(), config);
    GoogleCredentials source = adc.credentials();
    if (source.createScopedRequired()) {
      source = source.createScoped(List.of(IAM_SCOPE));
    }
    ImpersonatedCredentials impersonated = ImpersonatedCredentials.newBuilder()
        .setSourceCredentials(source)
        .setTargetPrincipal(account.get())
        .setScopes(GoogleCredentialsStrategy.SA_SCOPES)
        .setLifetime(LIFETIME_SECONDS)
        .setHttpTransportFactory(GoogleHttp.transport(config))
        .build();
    IdTokenCredentials idTokens = IdTokenCredentials.newBuilder()
        .setIdTokenProvider(impersonated)
        .setTargetAudience(host.get())
        .setOptions(List.of(IdTokenProvider.Option.INCLUDE_EMAIL))
        .build();
    String as = " as " + account.get() + " with application default credentials from " + adc.origin();
    CachedToken id = GoogleTokenSource.cached(authType(), "an ID token for " + host.get() + as,
        idTokens::refreshAccessToken, adc.secrets());
    CachedToken access = null;
    if (config.isAccountClient()) {
      access = GoogleTokenSource.cached(authType(), "an access token" + as, impersonated::refreshAccessToken,
          adc.secrets());
    }
    return Optional.of(new GoogleHeaders(authType(), host.get(), id, access));
  }
}
