package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlChange;
import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlParameter;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a rewritten statement on its connection: a query by itself; anything else under the
 * engine's change lock and in a transaction, followed by the catalog changes it
 * made. Objects that land where Unity Catalog cannot see them (the scratch database, DuckDB's
 * own {@code main} schemas) are dropped again, and the statement fails as the service would.
 */
final class Execution {
  private final DuckDbEngine engine;
  private final Connection c;
  private final SqlStatement statement;
  private final Plan.Native plan;
  private final Scope scope;

  Execution(DuckDbEngine engine, Connection c, SqlStatement statement, Plan.Native plan, Scope scope) {
    this.engine = engine;
    this.c = c;
    this.statement = statement;
    this.plan = plan;
    this.scope = scope;
  }

  SqlResult run() throws SQLException {
    if (plan.shape() == Plan.Shape.ROWS) {
      return main();
    }
    engine.changes().lock();
    try {
      CatalogState before = engine.state();
      SqlResult result;
      c.setAutoCommit(false);
      try {
        result = plan.overwrite() != null ? overwrite(plan.overwrite()) : main();
        if (plan.table() != null) {
          describe(plan.table());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      CatalogState after = CatalogState.read(c);
      List<CatalogState.Table> hidden = after.hiddenSince(before);
      if (!hidden.isEmpty()) {
        for (CatalogState.Table t : hidden) {
          DuckDbEngine.run(c, "DROP " + (t.type().equals("VIEW") ? "VIEW " : "TABLE ") + Token.quote(t.db()) + "."
              + Token.quote(t.schema()) + "." + Token.quote(t.name()));
        }
        engine.state(CatalogState.read(c));
        throw SqlException.badRequest("3F000", "[SCHEMA_NOT_FOUND] The schema `" + scope.catalog() + "`.`"
            + scope.schema() + "` cannot be found. Create it through Unity Catalog or with CREATE SCHEMA, or set "
            + "the request's catalog and schema to one that exists.");
      }
      List<String[]> strays = after.scratchSchemasSince(before);
      if (!strays.isEmpty()) {
        for (String[] s : strays) {
          DuckDbEngine.run(c, "DROP SCHEMA " + Token.quote(s[0]) + "." + Token.quote(s[1]) + " CASCADE");
        }
        engine.state(CatalogState.read(c));
        throw Scope.noCatalog(scope.catalog());
      }
      List<SqlChange> changes = after.changesSince(before, engine.names(), engine.properties());
      engine.state(after);
      return new SqlResult(result.columns(), result.rows(), result.truncated(), changes);
    } finally {
      engine.changes().unlock();
    }
  }

  /** The source into a temporary table, the target emptied, then filled from it. */
  private SqlResult overwrite(Plan.Overwrite target) throws SQLException {
    String staged = Token.quote("overwrite_" + statement.id().replace("-", ""));
    run("CREATE TEMP TABLE " + staged + " AS " + plan.sql());
    DuckDbEngine.run(c, "DELETE FROM " + target.table());
    int count;
    try (java.sql.Statement s = c.createStatement()) {
      count = s.executeUpdate("INSERT INTO " + target.table() + " " + target.columns() + " SELECT * FROM " + staged);
    }
    DuckDbEngine.run(c, "DROP TABLE " + staged);
    String n = Integer.toString(count);
    return new SqlResult(List.of(SqlColumn.of("num_affected_rows", "LONG", "BIGINT"),
        SqlColumn.of("num_inserted_rows", "LONG", "BIGINT")), List.of(List.of(n, n)), false, List.of());
  }

  private SqlResult main() throws SQLException {
    return run(plan.sql());
  }

  private SqlResult run(String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      engine.running(statement.id(), ps);
      List<SqlParameter> binds = plan.binds();
      for (int i = 0; i < binds.size(); i++) {
        if (binds.get(i).value() == null) {
          ps.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          ps.setString(i + 1, binds.get(i).value());
        }
      }
      if (ps.execute()) {
        try (ResultSet r = ps.getResultSet()) {
          return rows(r);
        }
      }
      String count = Long.toString(Math.max(0, ps.getUpdateCount()));
      return switch (plan.shape()) {
        case INSERTED -> new SqlResult(List.of(SqlColumn.of("num_affected_rows", "LONG", "BIGINT"),
            SqlColumn.of("num_inserted_rows", "LONG", "BIGINT")), List.of(List.of(count, count)), false, List.of());
        case AFFECTED -> new SqlResult(List.of(SqlColumn.of("num_affected_rows", "LONG", "BIGINT")),
            List.of(List.of(count)), false, List.of());
        default -> new SqlResult(List.of(), List.of(), false, List.of());
      };
    }
  }

  private SqlResult rows(ResultSet r) throws SQLException {
    ResultSetMetaData md = r.getMetaData();
    int n = md.getColumnCount();
    List<SqlColumn> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Types.DbType t = Types.fromDuck(md.getColumnTypeName(i));
      columns.add(new SqlColumn(md.getColumnLabel(i), t.name(), t.text(), t.precision(), t.scale(), true, ""));
    }
    List<List<String>> rows = new ArrayList<>();
    long bytes = 0;
    boolean truncated = false;
    long rowLimit = statement.rowLimit();
    long byteLimit = statement.byteLimit();
    while (r.next()) {
      if (rowLimit > 0 && rows.size() >= rowLimit) {
        truncated = true;
        break;
      }
      List<String> row = new ArrayList<>(n);
      long size = 0;
      for (int i = 1; i <= n; i++) {
        String v = Values.render(r.getObject(i));
        size += Values.size(v);
        row.add(v);
      }
      if (byteLimit > 0 && bytes + size > byteLimit) {
        truncated = true;
        break;
      }
      bytes += size;
      rows.add(row);
    }
    return new SqlResult(columns, rows, truncated, List.of());
  }

  /** Gives DuckDB the comments CREATE said, and keeps its properties beside it. */
  private void describe(Plan.TableMeta meta) throws SQLException {
    String[] t = scope.table(meta.name(), engine.names());
    String name = Token.quote(t[0]) + "." + Token.quote(t[1]) + "." + Token.quote(t[2]);
    if (!meta.comment().isEmpty() || !meta.columnComments().isEmpty()) {
      DuckDbEngine.comments(c, name, meta.comment(), meta.columnComments());
    }
    String key = CatalogState.key(t[0], t[1], t[2]);
    if (meta.properties().isEmpty()) {
      engine.properties().remove(key);
    } else {
      engine.properties().put(key, Map.copyOf(meta.properties()));
    }
  }
}
