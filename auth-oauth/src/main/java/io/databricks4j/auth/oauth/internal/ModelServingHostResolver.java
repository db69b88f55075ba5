package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HostResolver;
import java.nio.file.Path;
import java.util.Optional;

/** Inside Databricks Model Serving with no host configured: {@code DATABRICKS_MODEL_SERVING_HOST_URL}, else {@code DB_MODEL_SERVING_HOST_URL}. */
public final class ModelServingHostResolver implements HostResolver {
  private final Path tokenFile;

  public ModelServingHostResolver() {
    this(Path.of(ModelServingStrategy.TOKEN_FILE));
  }

  ModelServingHostResolver(Path tokenFile) {
    this.tokenFile = tokenFile;
  }

  @Override
  public String name() {
    return "model-serving";
  }

  @Override
  public Optional<String> resolveHost(ConfigView config) {
    if (!ModelServingStrategy.inModelServing(config, tokenFile)) {
      return Optional.empty();
    }
    return ModelServingStrategy.HOST_VARIABLES.stream().map(config.environment()::get)
        .filter(v -> v != null && !v.isBlank()).findFirst();
  }
}
