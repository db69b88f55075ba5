package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a statement's unqualified names resolve: its catalog's database and its schema, set on
 * the connection with USE. When the schema does not exist, the catalog's database (for
 * {@code schema.table} names); when the catalog does not exist either, the scratch database.
 *
 * @param catalog the statement's catalog (a Unity Catalog name)
 * @param schema the statement's schema
 * @param db the DuckDB database of the catalog, or null when there is none
 */
record Scope(String catalog, String schema, String db) {

  static Scope enter(Connection c, SqlStatement statement, CatalogNames names) throws SQLException {
    String db = names.engine(statement.catalog());
    if (db != null) {
      try {
        DuckDbEngine.run(c, "USE " + Token.quote(db) + "." + Token.quote(statement.schema()));
        return new Scope(statement.catalog(), statement.schema(), db);
      } catch (SQLException e) {
        DuckDbEngine.run(c, "USE " + Token.quote(db));
        return new Scope(statement.catalog(), statement.schema(), db);
      }
    }
    DuckDbEngine.run(c, "USE " + CatalogNames.SCRATCH);
    return new Scope(statement.catalog(), statement.schema(), null);
  }

  /** {db, schema, table} in DuckDB names of a table name of one to three parts. */
  String[] table(List<String> name, CatalogNames names) {
    return switch (name.size()) {
      case 1 -> new String[] {need(db, catalog), schema, name.get(0)};
      case 2 -> new String[] {need(db, catalog), name.get(0), name.get(1)};
      case 3 -> new String[] {need(names.engine(name.get(0)), name.get(0)), name.get(1), name.get(2)};
      default -> throw new SqlSyntaxException("a name of more than three parts: " + String.join(".", name));
    };
  }

  /** {db, schema} in DuckDB names of a schema name of one or two parts, or of the statement's schema. */
  String[] schema(List<String> name, CatalogNames names) {
    return switch (name.size()) {
      case 0 -> new String[] {need(db, catalog), schema};
      case 1 -> new String[] {need(db, catalog), name.get(0)};
      case 2 -> new String[] {need(names.engine(name.get(0)), name.get(0)), name.get(1)};
      default -> throw new SqlSyntaxException("a schema name of more than two parts: " + String.join(".", name));
    };
  }

  static String need(String db, String catalog) {
    if (db == null) {
      throw noCatalog(catalog);
    }
    return db;
  }

  static SqlException noCatalog(String catalog) {
    return SqlException.badRequest("42704", "[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + catalog + "' was not found. "
        + "Create it through Unity Catalog or with CREATE CATALOG, or name another in the request's catalog.");
  }
}
