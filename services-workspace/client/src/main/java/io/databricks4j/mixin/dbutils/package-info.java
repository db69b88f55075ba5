/**
 * {@code dbutils} outside a notebook: {@link io.databricks4j.mixin.dbutils.DbUtils#fs()} and
 * {@link io.databricks4j.mixin.dbutils.DbUtils#secrets()} call the REST API directly; the other
 * utilities run on the configured cluster through the Command Execution API. Everything is
 * non-null unless stated otherwise.
 */
package io.databricks4j.mixin.dbutils;
