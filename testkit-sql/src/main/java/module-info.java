/**
 * SQL for the local workspace: the Statement Execution API on an embedded DuckDB, kept in step
 * with Unity Catalog. Put it on the test class path next to {@code io.databricks4j:testkit}; the
 * workspace finds it by {@link java.util.ServiceLoader}.
 */
module io.databricks4j.testkit.sql {
  requires io.databricks4j.testkit;
  requires java.sql;
  requires duckdb.jdbc;
  requires com.fasterxml.jackson.databind;

  provides io.databricks4j.testkit.spi.SqlEngineProvider with io.databricks4j.testkit.sql.internal.DuckDbEngineProvider;
}
