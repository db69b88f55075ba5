package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * {@code auth_type = model-serving}: inside a Databricks Model Serving endpoint, the OAuth token
 * that the platform mounts for the model's dependencies, in the file {@value #TOKEN_FILE}
 * ({@code {"OAUTH_TOKEN": [{"oauthTokenValue": ...}]}}). Applies when {@code
 * IS_IN_DB_MODEL_SERVING_ENV} (or {@code IS_IN_DATABRICKS_MODEL_SERVING_ENV}) is {@code true} and
 * the file exists. The platform rewrites the file before the token expires, so it is read again
 * every five minutes; a read that fails is tried once more half a second later, in case it met the
 * platform's rewrite. The host, when none is configured, is {@code DATABRICKS_MODEL_SERVING_HOST_URL}
 * (or {@code DB_MODEL_SERVING_HOST_URL}), see {@link ModelServingHostResolver}.
 */
public final class ModelServingStrategy extends OAuthStrategy {
  static final String NAME = "model-serving";
  static final String TOKEN_FILE = "/var/credentials-secret/model-dependencies-oauth-token";
  static final List<String> FLAGS = List.of("IS_IN_DB_MODEL_SERVING_ENV", "IS_IN_DATABRICKS_MODEL_SERVING_ENV");
  static final List<String> HOST_VARIABLES = List.of("DATABRICKS_MODEL_SERVING_HOST_URL", "DB_MODEL_SERVING_HOST_URL");
  private static final Duration REREAD = Duration.ofMinutes(5);

  private final Path tokenFile;
  private final Duration retryDelay;

  public ModelServingStrategy() {
    this(Path.of(TOKEN_FILE), Duration.ofMillis(500), Clock.systemUTC());
  }

  ModelServingStrategy(Path tokenFile, Duration retryDelay, Clock clock) {
    super(NAME, 90, "only inside Databricks Model Serving: needs " + FLAGS.get(0) + "=true and the token file "
        + TOKEN_FILE, clock);
    this.tokenFile = tokenFile;
    this.retryDelay = retryDelay;
  }

  /** Whether {@code config}'s environment is a model serving endpoint with its token file mounted. */
  static boolean inModelServing(ConfigView config, Path tokenFile) {
    String flag = null;
    for (String name : FLAGS) {
      String v = config.environment().get(name);
      if (v != null && !v.isEmpty()) {
        flag = v;
        break;
      }
    }
    return "true".equals(flag) && Files.isRegularFile(tokenFile);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!inModelServing(config, tokenFile)) {
      return Optional.empty();
    }
    read(); // a malformed file fails here, naming it, rather than on the first request
    return bearer(() -> Token.of(read(), "Bearer", clock.instant().plus(REREAD), null));
  }

  private String read() {
    try {
      return readOnce();
    } catch (CredentialsException first) {
      sleep();
      return readOnce();
    }
  }

  private String readOnce() {
    try {
      JSONObject json = JSONObjectUtils.parse(Files.readString(tokenFile, StandardCharsets.UTF_8));
      Object tokens = json.get("OAUTH_TOKEN");
      Object first = tokens instanceof JSONArray a && !a.isEmpty() ? a.get(0) : null;
      Object value = first instanceof Map<?, ?> m ? m.get("oauthTokenValue") : null;
      if (!(value instanceof String s) || s.isBlank()) {
        throw new CredentialsException(NAME + ": the token file " + tokenFile + " mounted by Model Serving has no"
            + " OAUTH_TOKEN[0].oauthTokenValue");
      }
      return s.strip();
    } catch (IOException | ParseException e) {
      throw new CredentialsException(NAME + ": cannot read the token file " + tokenFile + " mounted by Model Serving ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private void sleep() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialsException(NAME + ": interrupted while reading the token file " + tokenFile, e);
    }
  }
}
