package io.databricks4j.testkit.spi;

import java.util.Objects;
import java.util.Optional;

/** One change a statement made to the catalog, which Unity Catalog records in turn. */
public final class SqlChange {
  /** What happened. */
  public enum Kind {
    CATALOG_CREATED, CATALOG_DROPPED, SCHEMA_CREATED, SCHEMA_DROPPED,
    /** A table or view was created, replaced or altered: {@link #table()} holds it as it is now. */
    TABLE_DEFINED,
    TABLE_DROPPED
  }

  private final Kind kind;
  private final String catalog;
  private final String schema;
  private final String name;
  private final SqlTable table;

  private SqlChange(Kind kind, String catalog, String schema, String name, SqlTable table) {
    this.kind = kind;
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.schema = schema;
    this.name = name;
    this.table = table;
  }

  public static SqlChange catalogCreated(String catalog) {
    return new SqlChange(Kind.CATALOG_CREATED, catalog, null, null, null);
  }

  public static SqlChange catalogDropped(String catalog) {
    return new SqlChange(Kind.CATALOG_DROPPED, catalog, null, null, null);
  }

  public static SqlChange schemaCreated(String catalog, String schema) {
    return new SqlChange(Kind.SCHEMA_CREATED, catalog, Objects.requireNonNull(schema, "schema"), null, null);
  }

  public static SqlChange schemaDropped(String catalog, String schema) {
    return new SqlChange(Kind.SCHEMA_DROPPED, catalog, Objects.requireNonNull(schema, "schema"), null, null);
  }

  public static SqlChange tableDefined(SqlTable table) {
    return new SqlChange(Kind.TABLE_DEFINED, table.catalog(), table.schema(), table.name(), table);
  }

  public static SqlChange tableDropped(String catalog, String schema, String name) {
    return new SqlChange(Kind.TABLE_DROPPED, catalog, Objects.requireNonNull(schema, "schema"),
        Objects.requireNonNull(name, "name"), null);
  }

  public Kind kind() {
    return kind;
  }

  public String catalog() {
    return catalog;
  }

  /** The schema, empty for a catalog change. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** The table name, empty for a catalog or schema change. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The table as it is now, for {@link Kind#TABLE_DEFINED} only. */
  public Optional<SqlTable> table() {
    return Optional.ofNullable(table);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlChange c && kind == c.kind && catalog.equals(c.catalog) && Objects.equals(schema, c.schema)
        && Objects.equals(name, c.name) && Objects.equals(table, c.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, catalog, schema, name, table);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.name()).append(' ').append(catalog);
    if (schema != null) {
      s.append('.').append(schema);
    }
    if (name != null) {
      s.append('.').append(name);
    }
    return s.toString();
  }
}
