/**
 * The service-provider interface through which the local workspace runs SQL: an engine found by
 * {@link java.util.ServiceLoader} as a {@link io.databricks4j.testkit.spi.SqlEngineProvider}
 * ({@code io.databricks4j:testkit-sql} ships one on DuckDB). Unity Catalog tells the engine about
 * catalogs, schemas and tables created through the REST API; the engine tells Unity Catalog, in
 * each {@link io.databricks4j.testkit.spi.SqlResult}, what a statement created or dropped.
 *
 * <p>Names given to and returned by an engine are the Unity Catalog names; mapping them to the
 * engine's own is the engine's business. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.testkit.spi;
