package io.databricks4j.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Statement Execution API over raw HTTP: states, chunks, limits, cancel, warehouses and errors. */
class StatementExecutionHttpTest {
  private static final String V = "/api/2.0/sql/statements";
  private static LocalWorkspace ws;
  private static Http http;
  private static String warehouse;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(300)).start();
    http = new Http(ws);
    warehouse = http.post("/api/2.0/sql/warehouses", Map.of("name", "w", "cluster_size", "2X-Small"))
        .json().get("id").asText();
  }

  @AfterAll
  static void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private static Map<String, Object> request(String sql, Object... more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("warehouse_id", warehouse);
    body.put("statement", sql);
    for (int i = 0; i + 1 < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  private static JsonNode execute(String sql, Object... more) {
    Http.Response r = http.post(V, request(sql, more));
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode poll(String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode r;
    do {
      r = http.get(V + "/" + id).json();
    } while (List.of("PENDING", "RUNNING").contains(r.at("/status/state").asText()) && System.nanoTime() < deadline);
    return r;
  }

  @Test
  void aZeroWaitAnswersPendingAndTheStatementSucceedsWhenPolled() {
    JsonNode pending = execute("SELECT 42 AS answer", "wait_timeout", "0s");

    assertThat(pending.at("/status/state").asText()).isEqualTo("PENDING");
    assertThat(pending.has("manifest")).isFalse();
    JsonNode done = poll(pending.get("statement_id").asText());
    assertThat(done.at("/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.at("/result/data_array").toString()).isEqualTo("[[\"42\"]]");
  }

  @Test
  void aLargeResultComesInChunksThatFollowOneAnother() {
    JsonNode r = execute("SELECT range AS i FROM range(25000)");

    JsonNode manifest = r.get("manifest");
    assertThat(manifest.get("total_row_count").asLong()).isEqualTo(25000);
    assertThat(manifest.get("total_chunk_count").asInt()).isEqualTo(3);
    assertThat(manifest.get("truncated").asBoolean()).isFalse();
    assertThat(manifest.at("/schema/columns/0/type_name").asText()).isEqualTo("LONG");
    String id = r.get("statement_id").asText();
    List<String> values = new ArrayList<>();
    JsonNode chunk = r.get("result");
    while (true) {
      chunk.get("data_array").forEach(row -> values.add(row.get(0).asText()));
      if (!chunk.has("next_chunk_index")) {
        break;
      }
      assertThat(chunk.get("next_chunk_internal_link").asText())
          .isEqualTo(V + "/" + id + "/result/chunks/" + chunk.get("next_chunk_index").asInt());
      chunk = http.get(V + "/" + id + "/result/chunks/" + chunk.get("next_chunk_index").asInt()).json();
      assertThat(chunk.get("row_offset").asLong()).isEqualTo(values.size());
    }
    assertThat(values).hasSize(25000).startsWith("0", "1").endsWith("24999");
    assertThat(http.get(V + "/" + id + "/result/chunks/3").status()).isEqualTo(400);
  }

  @Test
  void rowAndByteLimitsTruncateTheResult() {
    JsonNode rows = execute("SELECT range FROM range(100)", "row_limit", 10);
    assertThat(rows.at("/manifest/total_row_count").asLong()).isEqualTo(10);
    assertThat(rows.at("/manifest/truncated").asBoolean()).isTrue();

    JsonNode bytes = execute("SELECT repeat('x', 100) AS s FROM range(100)", "byte_limit", 1000);
    assertThat(bytes.at("/manifest/total_row_count").asLong()).isEqualTo(10);
    assertThat(bytes.at("/manifest/truncated").asBoolean()).isTrue();

    JsonNode all = execute("SELECT range FROM range(10)", "row_limit", 10);
    assertThat(all.at("/manifest/truncated").asBoolean()).isFalse();
  }

  @Test
  void externalLinksArrowAndCsvAnswerAClear400() {
    for (Object[] asked : new Object[][] {{"disposition", "EXTERNAL_LINKS"}, {"format", "ARROW_STREAM"},
        {"format", "CSV"}}) {
      Http.Response r = http.post(V, request("SELECT 1", asked));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
      assertThat(r.json().get("message").asText()).contains("INLINE").contains("JSON_ARRAY");
    }
  }

  @Test
  void anUnknownWarehouseIs404AndABadWaitTimeout400() {
    Http.Response unknown = http.post(V, Map.of("warehouse_id", "0000000000000000", "statement", "SELECT 1"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");

    assertThat(http.post(V, request("SELECT 1", "wait_timeout", "3s")).status()).isEqualTo(400);
    assertThat(http.post(V, Map.of("warehouse_id", warehouse)).status()).isEqualTo(400);
    assertThat(http.get(V + "/no-such-statement").status()).isEqualTo(404);
  }

  @Test
  void aStoppedWarehouseStartsOnDemandWhileTheStatementIsPending() {
    String id = http.post("/api/2.0/sql/warehouses", Map.of("name", "sleepy", "cluster_size", "2X-Small"))
        .json().get("id").asText();
    http.post("/api/2.0/sql/warehouses/" + id + "/stop", Map.of());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!http.get("/api/2.0/sql/warehouses/" + id).json().get("state").asText().equals("STOPPED")
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }

    Http.Response r = http.post(V, Map.of("warehouse_id", id, "statement", "SELECT 'up' AS s", "wait_timeout", "0s"));
    assertThat(r.json().at("/status/state").asText()).isEqualTo("PENDING");
    assertThat(http.get("/api/2.0/sql/warehouses/" + id).json().get("state").asText()).isEqualTo("STARTING");
    JsonNode done = poll(r.json().get("statement_id").asText());
    assertThat(done.at("/result/data_array/0/0").asText()).isEqualTo("up");
    assertThat(http.get("/api/2.0/sql/warehouses/" + id).json().get("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void aRunningStatementIsCancelledAndASucceededOneClosed() {
    JsonNode slow = execute("SELECT count(*) FROM range(1000000000) a, range(1000000) b", "wait_timeout", "0s");
    String id = slow.get("statement_id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!http.get(V + "/" + id).json().at("/status/state").asText().equals("RUNNING")
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(http.post(V + "/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    assertThat(poll(id).at("/status/state").asText()).isEqualTo("CANCELED");

    JsonNode quick = execute("SELECT 1");
    String quickId = quick.get("statement_id").asText();
    http.post(V + "/" + quickId + "/cancel", Map.of());
    assertThat(http.get(V + "/" + quickId).json().at("/status/state").asText()).isEqualTo("CLOSED");
    assertThat(http.get(V + "/" + quickId + "/result/chunks/0").status()).isEqualTo(400);
  }

  @Test
  void aStatementThatOutlivesItsWaitIsCancelledWhenAskedTo() {
    JsonNode r = execute("SELECT count(*) FROM range(1000000000) a, range(1000000) b", "wait_timeout", "5s",
        "on_wait_timeout", "CANCEL");

    assertThat(r.at("/status/state").asText()).isEqualTo("CANCELED");
  }

  @Test
  void aFailedStatementCarriesTheErrorCodeMessageAndSqlState() {
    JsonNode r = execute("SELECT no_such_column FROM range(1)");

    assertThat(r.at("/status/state").asText()).isEqualTo("FAILED");
    assertThat(r.at("/status/error/error_code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(r.at("/status/error/message").asText()).startsWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION]")
        .contains("no_such_column");
    assertThat(r.at("/status/sql_state").asText()).isEqualTo("42703");
    assertThat(execute("SELECT :missing").at("/status/error/message").asText()).startsWith("[UNBOUND_SQL_PARAMETER]");
  }
}
