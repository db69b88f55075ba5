package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code auth_type = env-oidc}: exchanges the ID token held in the environment variable named by
 * oidc_token_env (default {@code DATABRICKS_OIDC_TOKEN}). Applies when host is set and the variable
 * is not empty.
 */
public final class EnvOidcStrategy extends OAuthStrategy {
  static final String NAME = "env-oidc";
  static final String DEFAULT_VARIABLE = "DATABRICKS_OIDC_TOKEN";

  public EnvOidcStrategy() {
    this(Clock.systemUTC());
  }

  EnvOidcStrategy(Clock clock) {
    super(NAME, 61, "needs host and an ID token in the variable named by oidc_token_env (default "
        + DEFAULT_VARIABLE + ")", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    String variable = config.attribute("oidc_token_env").orElse(DEFAULT_VARIABLE);
    if (config.host().isEmpty() || isBlank(config.environment().get(variable))) {
      return Optional.empty();
    }
    return bearer(new IdTokenExchange(NAME, config, audience -> {
      String value = config.environment().get(variable);
      if (isBlank(value)) {
        throw new CredentialsException(NAME + ": the environment variable " + variable + " is no longer set");
      }
      return value;
    }, clock));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
