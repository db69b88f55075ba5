package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.Resettable;
import io.databricks4j.testkit.spi.SqlEngine;
import io.databricks4j.testkit.spi.SqlEngineProvider;
import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlParameter;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Statement Execution API on the SQL engine that {@link SqlEngines} finds: execute (waiting up
 * to {@code wait_timeout}), get, result chunks and cancel. INLINE JSON_ARRAY results only. A stopped
 * warehouse starts on demand, and the statement stays PENDING until it runs. The engine opens at
 * the first statement and takes in what Unity Catalog holds then, so a workspace that runs no SQL
 * pays nothing for it. Without an engine every operation answers 501 naming the artifact to add.
 */
public final class Statements implements Emulation, AutoCloseable, Resettable {
  private static final String V = "/api/2.0/sql/statements";
  /** The most bytes of values an INLINE result may hold. */
  static final long INLINE_LIMIT = 25L * 1024 * 1024;
  /** Statements kept for get and chunk calls; the oldest finished ones go first. */
  private static final int KEPT = 1000;
  private static final Pattern WAIT = Pattern.compile("(\\d{1,3})s");
  private static final long WAREHOUSE_WAIT_MILLIS = Duration.ofMinutes(10).toMillis();

  private final Context ctx;
  private final Warehouses warehouses;
  private final UnityCatalog catalog;
  private final SqlEngineProvider provider;
  private final ExecutorService workers;
  private final Map<String, StatementRun> runs = new LinkedHashMap<>();
  private SqlEngine engine;
  private SqlCatalogSync sync;
  private boolean closed;

  private Statements(Context ctx, Warehouses warehouses, UnityCatalog catalog, SqlEngineProvider provider) {
    this.ctx = ctx;
    this.warehouses = warehouses;
    this.catalog = catalog;
    this.provider = provider;
    AtomicInteger n = new AtomicInteger();
    this.workers = provider == null ? null : Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "testkit-sql-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Statements on the engine of the class path, kept in step with {@code catalog}; 501s without one. */
  public static Statements create(Context ctx, Warehouses warehouses, UnityCatalog catalog) {
    return new Statements(ctx, warehouses, catalog, SqlEngines.provider().orElse(null));
  }

  /** Whether a SQL engine is on the class path. */
  public boolean available() {
    return provider != null;
  }

  /** The engine, opened and filled from Unity Catalog at the first call. */
  private synchronized SqlEngine engine() {
    if (closed) {
      throw ApiException.invalidState("The local workspace is stopping");
    }
    if (engine == null) {
      engine = provider.open();
      sync = new SqlCatalogSync(catalog, engine);
    }
    return engine;
  }

  private synchronized SqlCatalogSync sync() {
    return sync;
  }

  /**
   * Registers the statement operations when there is an engine; without one they stay
   * unregistered, so that they answer 501 naming the artifact and the coverage report lists them
   * as not emulated.
   */
  @Override
  public void register(Routes r) {
    if (provider == null) {
      return;
    }
    r.on("POST", V, this::execute)
        .on("GET", V + "/{statement_id}", c -> Reply.json(find(c.required("statement_id")).render()))
        .on("GET", V + "/{statement_id}/result/chunks/{chunk_index}",
            c -> Reply.json(find(c.required("statement_id")).chunk(c.requiredLong("chunk_index"))))
        .on("POST", V + "/{statement_id}/cancel", this::cancel);
  }

  private Reply execute(Call call) {
    String sql = call.required("statement");
    String warehouseId = call.required("warehouse_id");
    String disposition = upper(call.param("disposition"), "INLINE");
    String format = upper(call.param("format"), "JSON_ARRAY");
    if (!disposition.equals("INLINE") || !format.equals("JSON_ARRAY")) {
      throw ApiException.invalid("The databricks4j testkit answers statements with disposition INLINE and format "
          + "JSON_ARRAY only, not " + disposition + " with " + format + ": leave both unset in tests");
    }
    Duration wait = waitTimeout(call.param("wait_timeout"));
    String onTimeout = upper(call.param("on_wait_timeout"), "CONTINUE");
    if (!onTimeout.equals("CONTINUE") && !onTimeout.equals("CANCEL")) {
      throw ApiException.invalid("on_wait_timeout must be CONTINUE or CANCEL, got " + onTimeout);
    }
    long rowLimit = positive(call, "row_limit");
    long byteLimit = positive(call, "byte_limit");
    SqlStatement statement = new SqlStatement(ctx.ids().uuid(), sql, orDefault(call.param("catalog"), "main"),
        orDefault(call.param("schema"), "default"), parameters(call.node("parameters")), rowLimit,
        byteLimit == 0 ? INLINE_LIMIT : Math.min(byteLimit, INLINE_LIMIT));
    if (warehouses.startOnDemand(warehouseId) == null) {
      throw ApiException.notFound("Warehouse " + warehouseId + " does not exist");
    }
    SqlEngine sqlEngine = engine();
    StatementRun run = new StatementRun(statement, warehouseId, call.user());
    keep(run);
    ObjectNode pending = run.render();
    workers.execute(() -> run(sqlEngine, run, byteLimit == 0));
    if (wait.isZero()) {
      return Reply.json(pending);
    }
    if (!run.await(wait) && onTimeout.equals("CANCEL")) {
      cancel(run);
    }
    return Reply.json(run.render());
  }

  private Reply cancel(Call call) {
    cancel(find(call.required("statement_id")));
    return Reply.empty();
  }

  private void cancel(StatementRun run) {
    if (run.cancel()) {
      engine().cancel(run.id());
    }
  }

  private void run(SqlEngine engine, StatementRun run, boolean inlineLimitOnly) {
    try {
      if (!awaitWarehouse(run) || !run.start()) {
        return;
      }
      SqlResult result = engine.execute(run.statement());
      sync().apply(result.changes(), run.user());
      long rowLimit = run.statement().rowLimit();
      boolean byBytes = result.truncated() && (rowLimit == 0 || result.rows().size() < rowLimit);
      if (byBytes && inlineLimitOnly) {
        run.fail(SqlException.badRequest("54000", "[INLINE_RESULT_TOO_LARGE] The result exceeds the 25 MiB that an "
            + "INLINE result may hold: add a LIMIT, or set row_limit or byte_limit to truncate it."));
      } else {
        run.succeed(result);
      }
    } catch (SqlException e) {
      run.fail(e);
    } catch (RuntimeException e) {
      run.fail(new SqlException("INTERNAL_ERROR", "XX000", "[INTERNAL_ERROR] The SQL engine failed: " + e));
    }
  }

  /** Waits, PENDING, for the warehouse to run; false when the statement ended meanwhile. */
  private boolean awaitWarehouse(StatementRun run) {
    long deadline = System.nanoTime() + WAREHOUSE_WAIT_MILLIS * 1_000_000;
    while (!run.terminal()) {
      String state = warehouses.state(run.warehouseId());
      switch (state) {
        case "RUNNING" -> {
          return true;
        }
        case "DELETED" -> run.fail(SqlException.badRequest("08003", "Warehouse " + run.warehouseId()
            + " was deleted while the statement waited for it"));
        case "FAILED" -> run.fail(SqlException.badRequest("08001", "Warehouse " + run.warehouseId()
            + " failed to start; see its health"));
        default -> {
          if (System.nanoTime() > deadline) {
            run.fail(SqlException.badRequest("08001", "Warehouse " + run.warehouseId() + " did not start in time"));
          }
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
      }
    }
    return false;
  }

  private synchronized void keep(StatementRun run) {
    runs.put(run.id(), run);
    Iterator<StatementRun> oldest = runs.values().iterator();
    while (runs.size() > KEPT && oldest.hasNext()) {
      if (oldest.next().terminal()) {
        oldest.remove();
      }
    }
  }

  private synchronized StatementRun find(String id) {
    StatementRun run = runs.get(id);
    if (run == null) {
      throw ApiException.notFound("Statement " + id + " does not exist (the testkit keeps the last " + KEPT + ")");
    }
    return run;
  }

  private static List<SqlParameter> parameters(JsonNode node) {
    List<SqlParameter> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      throw ApiException.invalid("parameters must be a list of {name, value, type}");
    }
    for (JsonNode p : node) {
      String name = Json.string(p, "name");
      if (name == null || name.isEmpty()) {
        throw ApiException.missing("parameters.name");
      }
      String type = Json.string(p, "type");
      out.add(new SqlParameter(name, type == null || type.isBlank() ? "STRING" : type, Json.string(p, "value")));
    }
    return out;
  }

  static Duration waitTimeout(String text) {
    if (text == null || text.isEmpty()) {
      return Duration.ofSeconds(10);
    }
    Matcher m = WAIT.matcher(text.trim());
    int seconds = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    if (seconds != 0 && (seconds < 5 || seconds > 50)) {
      throw ApiException.invalid("wait_timeout must be 0s or from 5s to 50s, got '" + text + "'");
    }
    return Duration.ofSeconds(seconds);
  }

  private static long positive(Call call, String name) {
    long v = call.longParam(name, 0);
    if (v < 0 || call.has(name) && v == 0) {
      throw ApiException.invalid(name + " must be positive, got " + v);
    }
    return v;
  }

  private static String upper(String v, String fallback) {
    return v == null || v.isEmpty() ? fallback : v.toUpperCase(Locale.ROOT);
  }

  private static String orDefault(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v;
  }

  @Override
  public void close() {
    SqlEngine opened;
    synchronized (this) {
      closed = true;
      opened = engine;
    }
    if (workers != null) {
      workers.shutdownNow();
    }
    if (opened != null) {
      List<StatementRun> all;
      synchronized (this) {
        all = new ArrayList<>(runs.values());
      }
      // a statement still in DuckDB stops before the database goes
      all.stream().filter(r -> !r.terminal()).forEach(r -> opened.cancel(r.id()));
      opened.close();
    }
  }

  /**
   * Cancels what runs, forgets every statement and closes the engine: the next statement opens a
   * new one, filled from what Unity Catalog holds then, so tables keep their columns, not their rows.
   */
  @Override
  public void reset() {
    SqlEngine opened;
    List<StatementRun> all;
    synchronized (this) {
      opened = engine;
      all = new ArrayList<>(runs.values());
      runs.clear();
      engine = null;
      sync = null;
      catalog.listener(CatalogListener.NONE);
    }
    all.forEach(StatementRun::cancel);
    if (opened != null) {
      all.forEach(r -> opened.cancel(r.id()));
      opened.close();
    }
  }
}
