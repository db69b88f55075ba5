package io.databricks4j.testkit.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table or view as the catalog knows it.
 *
 * @param type {@code MANAGED} for a table, {@code VIEW} for a view
 * @param comment the table comment; empty when there is none
 * @param properties table properties ({@code TBLPROPERTIES})
 */
public record SqlTable(String catalog, String schema, String name, String type, List<SqlColumn> columns,
    String comment, Map<String, String> properties) {
  public SqlTable {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(comment, "comment");
    columns = List.copyOf(columns);
    properties = Map.copyOf(properties);
  }

  /** {@code catalog.schema.name}. */
  public String fullName() {
    return catalog + "." + schema + "." + name;
  }
}
