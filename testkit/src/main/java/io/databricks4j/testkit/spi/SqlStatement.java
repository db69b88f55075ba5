package io.databricks4j.testkit.spi;

import java.util.List;
import java.util.Objects;

/**
 * One statement to run, as the Statement Execution API received it.
 *
 * @param id the statement id, for {@link SqlEngine#cancel}
 * @param sql the text in the Databricks SQL dialect
 * @param catalog the catalog that unqualified names resolve in
 * @param schema the schema that unqualified names resolve in
 * @param parameters values of the {@code :name} markers
 * @param rowLimit the most rows to answer; 0 for no limit
 * @param byteLimit the most bytes of rendered values to answer; 0 for no limit
 */
public record SqlStatement(String id, String sql, String catalog, String schema, List<SqlParameter> parameters,
    long rowLimit, long byteLimit) {

  public SqlStatement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(schema, "schema");
    parameters = List.copyOf(parameters);
    if (rowLimit < 0 || byteLimit < 0) {
      throw new IllegalArgumentException("rowLimit and byteLimit must not be negative");
    }
  }
}
