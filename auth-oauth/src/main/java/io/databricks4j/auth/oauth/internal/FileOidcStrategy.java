package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code auth_type = file-oidc}: exchanges the ID token in the file oidc_token_filepath (a
 * Kubernetes projected service-account token, say), read again at every refresh. Applies when
 * host and oidc_token_filepath are set (a relative path is relative to the working directory,
 * as in the official SDKs).
 */
public final class FileOidcStrategy extends OAuthStrategy {
  static final String NAME = "file-oidc";

  public FileOidcStrategy() {
    this(Clock.systemUTC());
  }

  FileOidcStrategy(Clock clock) {
    super(NAME, 62, "needs host and oidc_token_filepath", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> file = config.attribute("oidc_token_filepath");
    if (config.host().isEmpty() || file.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(file.get());
    return bearer(new IdTokenExchange(NAME, config, audience -> read(path), clock));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CredentialsException(NAME + ": cannot read the ID token file " + path + " ("
          + e.getClass().getSimpleName() + "); check oidc_token_filepath", e);
    }
  }
}
