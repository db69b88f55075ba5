package io.databricks4j.auth.pat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** {@code auth_type = basic}: HTTP basic authentication. Applies when host, username and password are set. */
public final class BasicStrategy implements CredentialsStrategy {

  @Override
  public String authType() {
    return "basic";
  }

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public String requirement() {
    return "needs host, username and password";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> user = config.attribute("username");
    Optional<String> password = config.attribute("password");
    if (config.host().isEmpty() || user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    String encoded = Base64.getEncoder()
        .encodeToString((user.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = Map.of("Authorization", "Basic " + encoded);
    return Optional.of(() -> headers);
  }
}
