/**
 * The DuckDB engine behind the local workspace's Statement Execution API: the Databricks SQL
 * dialect rewritten for DuckDB, Unity Catalog names mapped to DuckDB databases, values rendered
 * as the service renders them. Not exported.
 */
package io.databricks4j.testkit.sql.internal;
