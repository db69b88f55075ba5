package io.databricks4j.testkit.spi;

/**
 * Opens a SQL engine for one local workspace. Registered with {@code META-INF/services} and a
 * module's {@code provides}; the workspace uses the provider of the lowest {@link #priority()},
 * ties broken by {@link #name()}.
 */
public interface SqlEngineProvider {
  /** A short name for logs and messages, such as {@code duckdb}. */
  String name();

  /** Lower wins when several providers are on the class path; 0 by default. */
  default int priority() {
    return 0;
  }

  /** A new, empty engine; the workspace closes it when it stops. */
  SqlEngine open();
}
