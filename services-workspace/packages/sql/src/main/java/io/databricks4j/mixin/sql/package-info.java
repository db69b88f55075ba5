/**
 * Hand-written additions to the generated {@code sql} services: running a statement to its end
 * and reading its rows typed ({@link io.databricks4j.mixin.sql.StatementExecutionExt},
 * {@link io.databricks4j.mixin.sql.StatementResult}). Everything is non-null unless stated
 * otherwise.
 */
package io.databricks4j.mixin.sql;
