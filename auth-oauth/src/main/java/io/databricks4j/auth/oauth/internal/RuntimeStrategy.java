package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code auth_type = runtime}: inside a Databricks notebook or job, the API token of the command's
 * context ({@link NotebookContext}), read again for every request because the runtime renews it.
 * The host, when none is configured, is the context's workspace URL ({@link RuntimeHostResolver}).
 * Anywhere else (no {@code DATABRICKS_RUNTIME_VERSION}, or no dbutils on the class path) it does
 * not apply, and naming it with {@code auth_type} says so.
 */
public final class RuntimeStrategy extends OAuthStrategy {
  static final String NAME = "runtime";

  public RuntimeStrategy() {
    super(NAME, 75, "only inside the Databricks Runtime (a notebook or job on a cluster): needs "
        + NotebookContext.RUNTIME_VERSION + " and the notebook context of dbutils (" + NotebookContext.HOLDER
        + ") on the command's thread", Clock.systemUTC());
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<NotebookContext> context = NotebookContext.find(config);
    if (context.isEmpty() || context.get().apiUrl().isEmpty() && config.host().isEmpty()) {
      return Optional.empty();
    }
    NotebookContext c = context.get();
    c.apiToken(); // fails now, naming the problem, rather than on the first request
    return Optional.of(new HeaderFactory() {
      @Override
      public Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + c.apiToken());
      }

      @Override
      public String toString() {
        return "RuntimeHeaders";
      }
    });
  }
}
