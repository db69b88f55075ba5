package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlEngine;
import io.databricks4j.testkit.spi.SqlEngineProvider;

/** Opens an in-memory DuckDB for each local workspace. */
public final class DuckDbEngineProvider implements SqlEngineProvider {
  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public SqlEngine open() {
    return DuckDbEngine.open();
  }
}
