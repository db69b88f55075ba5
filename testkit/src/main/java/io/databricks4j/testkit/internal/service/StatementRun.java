package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One statement of the Statement Execution API: PENDING until its warehouse runs, RUNNING in the
 * engine, then SUCCEEDED with its result cut into chunks, FAILED with the engine's error, or
 * CANCELED; cancelling a SUCCEEDED one CLOSES it and frees its result.
 */
final class StatementRun {
  /** The chunks of a result, each of at most this many rows... */
  static final int CHUNK_ROWS = 10_000;
  /** ...and about this many bytes of values. */
  static final long CHUNK_BYTES = 4L * 1024 * 1024;

  private final String id;
  private final String warehouseId;
  private final String user;
  private final SqlStatement statement;
  private final CountDownLatch done = new CountDownLatch(1);
  private String state = "PENDING";
  private SqlResult result;
  private List<Chunk> chunks = List.of();
  private SqlException error;

  /** Rows {@code [offset, offset + rows.size())} of a result. */
  record Chunk(int index, long rowOffset, List<List<String>> rows, long bytes) {
  }

  StatementRun(SqlStatement statement, String warehouseId, String user) {
    this.id = statement.id();
    this.statement = statement;
    this.warehouseId = warehouseId;
    this.user = user;
  }

  String id() {
    return id;
  }

  String warehouseId() {
    return warehouseId;
  }

  String user() {
    return user;
  }

  SqlStatement statement() {
    return statement;
  }

  synchronized String state() {
    return state;
  }

  synchronized boolean terminal() {
    return !state.equals("PENDING") && !state.equals("RUNNING");
  }

  /** PENDING to RUNNING; false when it was cancelled meanwhile. */
  synchronized boolean start() {
    if (!state.equals("PENDING")) {
      return false;
    }
    state = "RUNNING";
    return true;
  }

  synchronized void succeed(SqlResult r) {
    if (!terminal()) {
      result = r;
      chunks = chunk(r.rows());
      state = "SUCCEEDED";
      done.countDown();
    }
  }

  synchronized void fail(SqlException e) {
    if (!terminal()) {
      error = e;
      state = "FAILED";
      done.countDown();
    }
  }

  /**
   * Cancels a PENDING or RUNNING statement, or closes a SUCCEEDED one.
   *
   * @return whether it was running in the engine, which must be told
   */
  synchronized boolean cancel() {
    boolean running = state.equals("RUNNING");
    if (state.equals("PENDING") || running) {
      state = "CANCELED";
      done.countDown();
    } else if (state.equals("SUCCEEDED")) {
      state = "CLOSED";
      result = null;
      chunks = List.of();
    }
    return running;
  }

  /** Waits until it ends or {@code timeout} passes; true when it ended. */
  boolean await(Duration timeout) {
    try {
      return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The StatementResponse as it is now. */
  synchronized ObjectNode render() {
    ObjectNode status = Json.object("state", state);
    ObjectNode out = Json.object("statement_id", id, "status", status);
    if (state.equals("FAILED")) {
      status.set("error", Json.object("error_code", error.errorCode(), "message", error.getMessage()));
      status.put("sql_state", error.sqlState());
    } else if (state.equals("SUCCEEDED")) {
      out.set("manifest", manifest());
      if (!chunks.isEmpty()) {
        out.set("result", chunkJson(0));
      }
    }
    return out;
  }

  /** The ResultData of chunk {@code index}. */
  synchronized ObjectNode chunk(long index) {
    if (!state.equals("SUCCEEDED")) {
      throw ApiException.invalidState("Statement " + id + " is " + state + "; results exist only for SUCCEEDED statements");
    }
    if (index < 0 || index >= chunks.size()) {
      throw ApiException.invalid("chunk_index " + index + " is out of range: statement " + id + " has "
          + chunks.size() + " chunk(s)");
    }
    return chunkJson((int) index);
  }

  private ObjectNode manifest() {
    ArrayNode columns = Json.array();
    int position = 0;
    for (SqlColumn c : result.columns()) {
      ObjectNode col = Json.object("name", c.name(), "type_text", c.typeText(), "type_name", c.typeName(),
          "position", position++);
      if (c.typeName().equals("DECIMAL")) {
        col.put("type_precision", c.precision());
        col.put("type_scale", c.scale());
      }
      columns.add(col);
    }
    ObjectNode schema = Json.object("column_count", result.columns().size());
    if (!columns.isEmpty()) {
      schema.set("columns", columns);
    }
    ArrayNode chunkInfos = Json.array();
    long bytes = 0;
    for (Chunk c : chunks) {
      chunkInfos.add(Json.object("chunk_index", c.index(), "row_offset", c.rowOffset(), "row_count", c.rows().size(),
          "byte_count", c.bytes()));
      bytes += c.bytes();
    }
    ObjectNode manifest = Json.object("format", "JSON_ARRAY", "schema", schema, "total_chunk_count", chunks.size());
    if (!chunkInfos.isEmpty()) {
      manifest.set("chunks", chunkInfos);
    }
    manifest.put("total_row_count", result.rows().size());
    manifest.put("total_byte_count", bytes);
    manifest.put("truncated", result.truncated());
    return manifest;
  }

  private ObjectNode chunkJson(int index) {
    Chunk c = chunks.get(index);
    ArrayNode data = Json.array();
    for (List<String> row : c.rows()) {
      ArrayNode values = data.addArray();
      row.forEach(values::add);
    }
    ObjectNode out = Json.object("chunk_index", c.index(), "row_offset", c.rowOffset(), "row_count", c.rows().size(),
        "byte_count", c.bytes(), "data_array", data);
    if (index + 1 < chunks.size()) {
      out.put("next_chunk_index", index + 1);
      out.put("next_chunk_internal_link", "/api/2.0/sql/statements/" + id + "/result/chunks/" + (index + 1));
    }
    return out;
  }

  /** Cuts rows into chunks of at most CHUNK_ROWS rows and about CHUNK_BYTES bytes; none for no rows. */
  static List<Chunk> chunk(List<List<String>> rows) {
    List<Chunk> out = new ArrayList<>();
    int start = 0;
    long bytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      long size = bytes(rows.get(i));
      if (i > start && (i - start >= CHUNK_ROWS || bytes + size > CHUNK_BYTES)) {
        out.add(new Chunk(out.size(), start, rows.subList(start, i), bytes));
        start = i;
        bytes = 0;
      }
      bytes += size;
    }
    if (start < rows.size()) {
      out.add(new Chunk(out.size(), start, rows.subList(start, rows.size()), bytes));
    }
    return out;
  }

  /** The size of a row as compact JSON, ignoring escapes. */
  static long bytes(List<String> row) {
    long size = 2 + Math.max(0, row.size() - 1);
    for (String v : row) {
      size += v == null ? 4 : v.getBytes(StandardCharsets.UTF_8).length + 2;
    }
    return size;
  }
}
