package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlChange;
import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlEngine;
import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import io.databricks4j.testkit.spi.SqlTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The SQL engine on one in-memory DuckDB. Each catalog is an attached in-memory database
 * ({@link CatalogNames}); each statement runs on its own connection, set to the statement's
 * catalog and schema (or to a scratch database when they do not exist). Queries run side by
 * side; statements that may change the catalog run one at a time, so that the state before and
 * after tells what they changed.
 */
final class DuckDbEngine implements SqlEngine {
  private final DuckDBConnection root;
  private final CatalogNames names = new CatalogNames();
  private final ReentrantLock changes = new ReentrantLock();
  private final Map<String, Statement> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
  /** TBLPROPERTIES by lower-case {@code db.schema.table}. */
  private final Map<String, Map<String, String>> properties = new ConcurrentHashMap<>();
  private CatalogState state = CatalogState.empty();

  private DuckDbEngine(DuckDBConnection root) {
    this.root = root;
  }

  static DuckDbEngine open() {
    try {
      DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = c.createStatement()) {
        s.execute("SET GLOBAL TimeZone = 'UTC'");
      }
      return new DuckDbEngine(c);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void createCatalog(String catalog) {
    changing(c -> {
      if (names.engine(catalog) == null) {
        run(c, "ATTACH ':memory:' AS " + Token.quote(names.add(catalog)));
      }
    });
  }

  @Override
  public void dropCatalog(String catalog) {
    changing(c -> {
      String db = names.remove(catalog);
      if (db != null) {
        run(c, "DETACH " + Token.quote(db));
      }
    });
  }

  /** DuckDB cannot rename a database: a new one gets a copy of the old one, which goes. */
  @Override
  public void renameCatalog(String from, String to) {
    changing(c -> {
      String source = names.remove(from);
      if (source == null) {
        return;
      }
      String target = names.add(to);
      run(c, "ATTACH ':memory:' AS " + Token.quote(target));
      run(c, "COPY FROM DATABASE " + Token.quote(source) + " TO " + Token.quote(target));
      run(c, "DETACH " + Token.quote(source));
      String prefix = source.toLowerCase(java.util.Locale.ROOT) + ".";
      for (String key : List.copyOf(properties.keySet())) {
        if (key.startsWith(prefix)) {
          properties.put(CatalogState.key(target) + "." + key.substring(prefix.length()), properties.remove(key));
        }
      }
    });
  }

  @Override
  public void createSchema(String catalog, String schema) {
    changing(c -> run(c, "CREATE SCHEMA IF NOT EXISTS " + db(catalog) + "." + Token.quote(schema)));
  }

  @Override
  public void dropSchema(String catalog, String schema) {
    changing(c -> run(c, "DROP SCHEMA IF EXISTS " + db(catalog) + "." + Token.quote(schema) + " CASCADE"));
  }

  /** DuckDB cannot rename a schema: its tables move to a new one (views do not survive). */
  @Override
  public void renameSchema(String catalog, String from, String to) {
    changing(c -> {
      String db = db(catalog);
      String source = db + "." + Token.quote(from);
      String target = db + "." + Token.quote(to);
      run(c, "CREATE SCHEMA " + target);
      for (CatalogState.Table t : state.tables.values()) {
        if (Token.quote(t.db()).equalsIgnoreCase(db) && t.schema().equalsIgnoreCase(from) && t.type().equals("MANAGED")) {
          run(c, "CREATE TABLE " + target + "." + Token.quote(t.name()) + " AS FROM " + source + "."
              + Token.quote(t.name()));
        }
      }
      run(c, "DROP SCHEMA " + source + " CASCADE");
    });
  }

  @Override
  public void createTable(SqlTable table) {
    changing(c -> {
      String name = db(table.catalog()) + "." + Token.quote(table.schema()) + "." + Token.quote(table.name());
      List<String> columns = new ArrayList<>();
      for (SqlColumn col : table.columns()) {
        String type;
        try {
          type = Types.toDuck(col.typeText());
        } catch (SqlException e) {
          type = Types.toDuck(col.typeName());
        }
        columns.add(Token.quote(col.name()) + " " + type + (col.nullable() ? "" : " NOT NULL"));
      }
      run(c, "CREATE OR REPLACE TABLE " + name + " (" + String.join(", ", columns) + ")");
      comments(c, name, table.comment(), table.columns().stream()
          .filter(col -> !col.comment().isEmpty()).collect(java.util.stream.Collectors.toMap(SqlColumn::name, SqlColumn::comment)));
      properties.put(CatalogState.key(names.engine(table.catalog()), table.schema(), table.name()), table.properties());
    });
  }

  @Override
  public void dropTable(String catalog, String schema, String name) {
    changing(c -> {
      String full = db(catalog) + "." + Token.quote(schema) + "." + Token.quote(name);
      CatalogState.Table t = state.tables.get(CatalogState.key(names.engine(catalog), schema, name));
      run(c, "DROP " + (t != null && t.type().equals("VIEW") ? "VIEW" : "TABLE") + " IF EXISTS " + full);
    });
  }

  @Override
  public void renameTable(String catalog, String schema, String from, String to) {
    changing(c -> run(c, "ALTER TABLE " + db(catalog) + "." + Token.quote(schema) + "." + Token.quote(from)
        + " RENAME TO " + Token.quote(to)));
  }

  @Override
  public SqlResult execute(SqlStatement statement) {
    try {
      Plan plan = Rewriter.plan(statement, names);
      if (plan instanceof Plan.NoOp) {
        return new SqlResult(List.of(), List.of(), false, List.of());
      }
      if (plan instanceof Plan.CatalogDdl ddl) {
        return catalogDdl(ddl);
      }
      try (Connection c = root.duplicate()) {
        Scope scope = Scope.enter(c, statement, names);
        if (plan instanceof Plan.Show show) {
          return Answers.show(c, show, scope, names, properties);
        }
        if (plan instanceof Plan.SetProperties set) {
          return setProperties(c, set, scope);
        }
        return new Execution(this, c, statement, (Plan.Native) plan, scope).run();
      }
    } catch (SQLException e) {
      if (cancelled.containsKey(statement.id())) {
        throw SqlException.cancelled();
      }
      throw Errors.translate(e, names);
    } finally {
      running.remove(statement.id());
      cancelled.remove(statement.id());
    }
  }

  private SqlResult catalogDdl(Plan.CatalogDdl ddl) throws SQLException {
    boolean exists = names.engine(ddl.name()) != null;
    if (ddl.create() && exists || !ddl.create() && !exists) {
      if (ddl.ifExistsOrNot()) {
        return new SqlResult(List.of(), List.of(), false, List.of());
      }
      throw SqlException.badRequest(ddl.create() ? "42P04" : "42704", ddl.create()
          ? "[CATALOG_ALREADY_EXISTS] Catalog '" + ddl.name() + "' already exists. Add IF NOT EXISTS, or choose another name."
          : "[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + ddl.name() + "' was not found.");
    }
    if (!ddl.create() && !ddl.cascade() && state.schemas.values().stream()
        .anyMatch(s -> s[0].equalsIgnoreCase(names.engine(ddl.name())))) {
      throw SqlException.badRequest("2BP01", "[SCHEMA_NOT_EMPTY] Catalog '" + ddl.name()
          + "' is not empty. Drop its schemas first, or add CASCADE.");
    }
    if (ddl.create()) {
      createCatalog(ddl.name());
      return new SqlResult(List.of(), List.of(), false, List.of(SqlChange.catalogCreated(ddl.name())));
    }
    dropCatalog(ddl.name());
    return new SqlResult(List.of(), List.of(), false, List.of(SqlChange.catalogDropped(ddl.name())));
  }

  private SqlResult setProperties(Connection c, Plan.SetProperties set, Scope scope) throws SQLException {
    changes.lock();
    try {
      String[] t = scope.table(set.name(), names);
      String key = CatalogState.key(t[0], t[1], t[2]);
      CatalogState.Table table = state.tables.get(key);
      if (table == null) {
        throw SqlException.badRequest("42P01", "[TABLE_OR_VIEW_NOT_FOUND] The table or view "
            + String.join(".", set.name()) + " cannot be found.");
      }
      Map<String, String> merged = new java.util.LinkedHashMap<>(properties.getOrDefault(key, Map.of()));
      if (set.properties().isEmpty()) {
        merged.clear();
      }
      merged.putAll(set.properties());
      properties.put(key, merged);
      String catalog = names.catalog(t[0]);
      List<SqlChange> changed = catalog == null ? List.of()
          : List.of(SqlChange.tableDefined(CatalogState.table(catalog, table, merged)));
      return new SqlResult(List.of(), List.of(), false, changed);
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void cancel(String statementId) {
    Statement s = running.get(statementId);
    cancelled.put(statementId, Boolean.TRUE);
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // it ended meanwhile
      }
    }
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      // closing an in-memory database frees it; nothing is left to report
    }
  }

  // for Execution

  CatalogNames names() {
    return names;
  }

  ReentrantLock changes() {
    return changes;
  }

  CatalogState state() {
    return state;
  }

  void state(CatalogState state) {
    this.state = state;
  }

  Map<String, Map<String, String>> properties() {
    return properties;
  }

  void running(String statementId, Statement s) {
    running.put(statementId, s);
    if (cancelled.containsKey(statementId)) {
      throw SqlException.cancelled();
    }
  }

  static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static void comments(Connection c, String table, String comment, Map<String, String> columnComments)
      throws SQLException {
    if (!comment.isEmpty()) {
      run(c, "COMMENT ON TABLE " + table + " IS " + Token.literal(comment));
    }
    for (Map.Entry<String, String> e : columnComments.entrySet()) {
      run(c, "COMMENT ON COLUMN " + table + "." + Token.quote(e.getKey()) + " IS " + Token.literal(e.getValue()));
    }
  }

  private String db(String catalog) {
    String db = names.engine(catalog);
    if (db == null) {
      throw new IllegalStateException("the SQL engine has no catalog " + catalog);
    }
    return Token.quote(db);
  }

  private interface Change {
    void apply(Connection c) throws SQLException;
  }

  /** A change Unity Catalog made: applied, and taken into the known state so that no statement reports it. */
  private void changing(Change change) {
    changes.lock();
    try (Connection c = root.duplicate()) {
      change.apply(c);
      state = CatalogState.read(c);
    } catch (SQLException e) {
      throw new IllegalStateException(Errors.translate(e, names).getMessage(), e);
    } finally {
      changes.unlock();
    }
  }
}
