package io.databricks4j.testkit.spi;

import java.util.Objects;

/**
 * A column of a result or of a table, typed as Databricks names types.
 *
 * @param name the column name
 * @param typeName the type's family as a result manifest and Unity Catalog name it: {@code INT},
 *     {@code LONG}, {@code STRING}, {@code DECIMAL}, {@code ARRAY}, ...
 * @param typeText the full type in SQL: {@code INT}, {@code BIGINT}, {@code DECIMAL(10,2)},
 *     {@code ARRAY<STRING>}
 * @param precision the precision of a DECIMAL, otherwise 0
 * @param scale the scale of a DECIMAL, otherwise 0
 * @param nullable whether the column admits NULL
 * @param comment the column comment; empty when there is none
 */
public record SqlColumn(String name, String typeName, String typeText, int precision, int scale, boolean nullable,
    String comment) {
  public SqlColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(typeText, "typeText");
    Objects.requireNonNull(comment, "comment");
  }

  /** A nullable column without comment. */
  public static SqlColumn of(String name, String typeName, String typeText) {
    return new SqlColumn(name, typeName, typeText, 0, 0, true, "");
  }
}
