package io.databricks4j.auth.pat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import java.util.Map;
import java.util.Optional;

/** {@code auth_type = pat}: sends {@code Authorization: Bearer <token>}. Applies when host and token are set. */
public final class PatStrategy implements CredentialsStrategy {

  @Override
  public String authType() {
    return "pat";
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public String requirement() {
    return "needs host and token";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> token = config.attribute("token");
    if (config.host().isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token.get());
    return Optional.of(() -> headers);
  }
}
