package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SHOW and DESCRIBE, answered from DuckDB's catalog in the columns Databricks answers them with,
 * in catalog names.
 */
final class Answers {
  private Answers() {
  }

  static SqlResult show(Connection c, Plan.Show show, Scope scope, CatalogNames names,
      Map<String, Map<String, String>> properties) throws SQLException {
    Pattern like = like(show.pattern());
    switch (show.what()) {
      case "CATALOGS" -> {
        List<List<String>> rows = new ArrayList<>();
        names.catalogs().stream().filter(n -> like.matcher(n).matches()).forEach(n -> rows.add(List.of(n)));
        return result(List.of(string("catalog")), rows);
      }
      case "SCHEMAS" -> {
        String catalog = show.name().isEmpty() ? scope.catalog() : show.name().get(0);
        String db = Scope.need(names.engine(catalog), catalog);
        List<List<String>> rows = new ArrayList<>();
        for (String[] r : query(c, "SELECT schema_name FROM duckdb_schemas() WHERE lower(database_name) = lower(?) "
            + "AND NOT internal ORDER BY lower(schema_name)", db)) {
          if (like.matcher(r[0]).matches()) {
            rows.add(List.of(r[0]));
          }
        }
        return result(List.of(string("databaseName")), rows);
      }
      case "TABLES", "VIEWS" -> {
        String[] s = scope.schema(show.name(), names);
        if (query(c, "SELECT 1 FROM duckdb_schemas() WHERE lower(database_name) = lower(?) "
            + "AND lower(schema_name) = lower(?) AND NOT internal", s[0], s[1]).isEmpty()) {
          throw SqlException.badRequest("42704", "[SCHEMA_NOT_FOUND] The schema `" + String.join("`.`", show.name())
              + "` cannot be found.");
        }
        boolean views = show.what().equals("VIEWS");
        String sql = (views ? "" : "SELECT table_name FROM duckdb_tables() WHERE lower(database_name) = lower(?) "
            + "AND lower(schema_name) = lower(?) AND NOT temporary UNION ALL ")
            + "SELECT view_name FROM duckdb_views() WHERE lower(database_name) = lower(?) "
            + "AND lower(schema_name) = lower(?) AND NOT internal AND NOT temporary ORDER BY 1";
        List<String[]> found = views ? query(c, sql, s[0], s[1]) : query(c, sql, s[0], s[1], s[0], s[1]);
        List<List<String>> rows = new ArrayList<>();
        for (String[] r : found) {
          if (like.matcher(r[0]).matches()) {
            rows.add(views ? List.of(s[1], r[0], "false", "false") : List.of(s[1], r[0], "false"));
          }
        }
        List<SqlColumn> columns = views
            ? List.of(string("namespace"), string("viewName"), bool("isTemporary"), bool("isMaterialized"))
            : List.of(string("database"), string("tableName"), bool("isTemporary"));
        return result(columns, rows);
      }
      case "COLUMNS", "DESCRIBE" -> {
        List<String[]> columns = columns(c, scope.table(show.name(), names), show.name());
        List<List<String>> rows = new ArrayList<>();
        for (String[] col : columns) {
          Types.DbType t = Types.fromDuck(col[1]);
          rows.add(show.what().equals("COLUMNS") ? List.of(col[0])
              : Arrays.asList(col[0], t.text().toLowerCase(Locale.ROOT), col[2]));
        }
        return show.what().equals("COLUMNS") ? result(List.of(string("col_name")), rows)
            : result(List.of(string("col_name"), string("data_type"), string("comment")), rows);
      }
      case "TBLPROPERTIES" -> {
        String[] t = scope.table(show.name(), names);
        columns(c, t, show.name());
        List<List<String>> rows = new ArrayList<>();
        properties.getOrDefault(CatalogState.key(t), Map.of()).forEach((k, v) -> rows.add(List.of(k, v)));
        return result(List.of(string("key"), string("value")), rows);
      }
      default -> throw Shows.unsupported(show.what());
    }
  }

  /** {name, DuckDB type, comment} of each column, or TABLE_OR_VIEW_NOT_FOUND. */
  private static List<String[]> columns(Connection c, String[] t, List<String> written) throws SQLException {
    List<String[]> columns = query(c, "SELECT column_name, data_type, comment FROM duckdb_columns() "
        + "WHERE lower(database_name) = lower(?) AND lower(schema_name) = lower(?) AND lower(table_name) = lower(?) "
        + "ORDER BY column_index", t);
    if (columns.isEmpty()) {
      throw SqlException.badRequest("42P01", "[TABLE_OR_VIEW_NOT_FOUND] The table or view `"
          + String.join("`.`", written) + "` cannot be found. Verify the spelling, and the catalog and schema of the "
          + "statement.");
    }
    return columns;
  }

  private static List<String[]> query(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<String[]> rows = new ArrayList<>();
      try (ResultSet r = ps.executeQuery()) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          String[] row = new String[n];
          for (int i = 0; i < n; i++) {
            row[i] = r.getString(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** A SHOW pattern: {@code *} for any characters, {@code |} between alternatives, case ignored. */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return Pattern.compile(".*");
    }
    List<String> alternatives = new ArrayList<>();
    for (String alternative : pattern.split("\\|")) {
      List<String> parts = new ArrayList<>();
      for (String part : alternative.trim().split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      alternatives.add(String.join(".*", parts));
    }
    return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
  }

  private static SqlColumn string(String name) {
    return SqlColumn.of(name, "STRING", "STRING");
  }

  private static SqlColumn bool(String name) {
    return SqlColumn.of(name, "BOOLEAN", "BOOLEAN");
  }

  private static SqlResult result(List<SqlColumn> columns, List<List<String>> rows) {
    return new SqlResult(columns, rows, false, List.of());
  }
}
