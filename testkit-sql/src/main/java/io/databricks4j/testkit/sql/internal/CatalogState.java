package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlChange;
import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What DuckDB holds, by database: its schemas, and its tables and views with their columns. Two
 * states apart give the changes a statement made, in Unity Catalog names.
 */
final class CatalogState {
  /** A table or view under its DuckDB names. */
  record Table(String db, String schema, String name, String type, String comment, List<SqlColumn> columns) {
  }

  /** Schemas by lower-case {@code db.schema}: {db, schema}. */
  final Map<String, String[]> schemas;
  /** Tables by lower-case {@code db.schema.name}. */
  final Map<String, Table> tables;

  private CatalogState(Map<String, String[]> schemas, Map<String, Table> tables) {
    this.schemas = schemas;
    this.tables = tables;
  }

  static CatalogState empty() {
    return new CatalogState(Map.of(), Map.of());
  }

  static CatalogState read(Connection c) throws SQLException {
    Map<String, String[]> schemas = new LinkedHashMap<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT database_name, schema_name FROM duckdb_schemas() WHERE NOT internal")) {
        while (r.next()) {
          schemas.put(key(r.getString(1), r.getString(2)), new String[] {r.getString(1), r.getString(2)});
        }
      }
      try (ResultSet r = s.executeQuery("SELECT database_name, schema_name, table_name, 'MANAGED', comment "
          + "FROM duckdb_tables() WHERE NOT internal AND NOT temporary UNION ALL "
          + "SELECT database_name, schema_name, view_name, 'VIEW', comment "
          + "FROM duckdb_views() WHERE NOT internal AND NOT temporary")) {
        while (r.next()) {
          Table t = new Table(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              Objects.requireNonNullElse(r.getString(5), ""), new ArrayList<>());
          tables.put(key(t.db(), t.schema(), t.name()), t);
        }
      }
      try (ResultSet r = s.executeQuery("SELECT database_name, schema_name, table_name, column_name, data_type, "
          + "is_nullable, comment FROM duckdb_columns() WHERE NOT internal ORDER BY database_name, schema_name, "
          + "table_name, column_index")) {
        while (r.next()) {
          Table t = tables.get(key(r.getString(1), r.getString(2), r.getString(3)));
          if (t != null) {
            Types.DbType type = Types.fromDuck(r.getString(5));
            t.columns().add(new SqlColumn(r.getString(4), type.name(), type.text(), type.precision(), type.scale(),
                r.getBoolean(6), Objects.requireNonNullElse(r.getString(7), "")));
          }
        }
      }
    }
    return new CatalogState(schemas, tables);
  }

  /**
   * The changes from {@code before} to this state in the databases that hold catalogs: schemas
   * created, tables defined, tables dropped, schemas dropped.
   */
  List<SqlChange> changesSince(CatalogState before, CatalogNames names, Map<String, Map<String, String>> properties) {
    List<SqlChange> created = new ArrayList<>();
    List<SqlChange> dropped = new ArrayList<>();
    schemas.forEach((k, s) -> {
      String catalog = names.catalog(s[0]);
      if (catalog != null && !before.schemas.containsKey(k)) {
        created.add(SqlChange.schemaCreated(catalog, s[1]));
      }
    });
    tables.forEach((k, t) -> {
      String catalog = names.catalog(t.db());
      if (catalog != null && !t.equals(before.tables.get(k))) {
        created.add(SqlChange.tableDefined(table(catalog, t, properties.getOrDefault(k, Map.of()))));
      }
    });
    before.tables.forEach((k, t) -> {
      String catalog = names.catalog(t.db());
      if (catalog != null && !tables.containsKey(k) && schemas.containsKey(key(t.db(), t.schema()))) {
        dropped.add(SqlChange.tableDropped(catalog, t.schema(), t.name()));
      }
    });
    before.schemas.forEach((k, s) -> {
      String catalog = names.catalog(s[0]);
      if (catalog != null && !schemas.containsKey(k)) {
        dropped.add(SqlChange.schemaDropped(catalog, s[1]));
      }
    });
    created.addAll(dropped);
    return created;
  }

  /**
   * The tables and views that appeared since {@code before} where Unity Catalog cannot see them:
   * in the scratch database, or in a schema DuckDB keeps for itself ({@code main}).
   */
  List<Table> hiddenSince(CatalogState before) {
    List<Table> hidden = new ArrayList<>();
    tables.forEach((k, t) -> {
      if (!before.tables.containsKey(k) && (t.db().equalsIgnoreCase(CatalogNames.SCRATCH)
          || !schemas.containsKey(key(t.db(), t.schema())))) {
        hidden.add(t);
      }
    });
    return hidden;
  }

  /** The schemas that appeared in the scratch database since {@code before}: {db, schema}. */
  List<String[]> scratchSchemasSince(CatalogState before) {
    List<String[]> found = new ArrayList<>();
    schemas.forEach((k, s) -> {
      if (s[0].equalsIgnoreCase(CatalogNames.SCRATCH) && !before.schemas.containsKey(k)) {
        found.add(s);
      }
    });
    return found;
  }

  static SqlTable table(String catalog, Table t, Map<String, String> properties) {
    return new SqlTable(catalog, t.schema(), t.name(), t.type(), t.columns(), t.comment(), properties);
  }

  static String key(String... parts) {
    return String.join(".", parts).toLowerCase(Locale.ROOT);
  }
}
