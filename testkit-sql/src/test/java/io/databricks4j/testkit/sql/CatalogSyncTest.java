package io.databricks4j.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.LocalWorkspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unity Catalog and SQL see each other's catalogs, schemas and tables, renames and drops included. */
class CatalogSyncTest {
  private static final String UC = "/api/2.1/unity-catalog/";
  private LocalWorkspace ws;
  private Http http;
  private String warehouse;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.start();
    http = new Http(ws);
    warehouse = http.post("/api/2.0/sql/warehouses", Map.of("name", "w", "cluster_size", "2X-Small"))
        .json().get("id").asText();
  }

  @AfterEach
  void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private JsonNode sql(String statement, String... catalogAndSchema) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("warehouse_id", warehouse);
    body.put("statement", statement);
    if (catalogAndSchema.length > 0) {
      body.put("catalog", catalogAndSchema[0]);
      body.put("schema", catalogAndSchema[1]);
    }
    JsonNode r = http.post("/api/2.0/sql/statements", body).json();
    return r;
  }

  private JsonNode ok(String statement, String... catalogAndSchema) {
    JsonNode r = sql(statement, catalogAndSchema);
    assertThat(r.at("/status/state").asText()).as(r.toString()).isEqualTo("SUCCEEDED");
    return r;
  }

  private static List<String> column(JsonNode r, int index) {
    List<String> values = new ArrayList<>();
    r.at("/result/data_array").forEach(row -> values.add(row.get(index).asText()));
    return values;
  }

  @Test
  void theMainCatalogAndTheDefaultSchemaOfUnityCatalogAreTheDefaultsOfSql() {
    http.post(UC + "catalogs", Map.of("name", "main"));
    http.post(UC + "schemas", Map.of("catalog_name", "main", "name", "default"));

    ok("CREATE TABLE t (a INT)");
    ok("INSERT INTO default.t VALUES (1)");
    ok("INSERT INTO main.default.t VALUES (2)");

    assertThat(column(ok("SELECT a FROM `main`.`default`.t ORDER BY a"), 0)).containsExactly("1", "2");
    assertThat(http.get(UC + "tables/main.default.t").status()).isEqualTo(200);
    assertThat(column(ok("SHOW CATALOGS"), 0)).containsExactly("main");
    assertThat(column(ok("SHOW TABLES IN main.default"), 1)).containsExactly("t");
  }

  @Test
  void withoutItsCatalogOrSchemaAnUnqualifiedCreateFailsAndLeavesNothingBehind() {
    // a new workspace has main.default: take it away to see what SQL does without them
    assertThat(http.delete(UC + "catalogs/main?force=true").status()).isEqualTo(200);
    JsonNode noCatalog = sql("CREATE TABLE orphan (a INT)");
    assertThat(noCatalog.at("/status/state").asText()).isEqualTo("FAILED");
    assertThat(noCatalog.at("/status/error/message").asText()).startsWith("[NO_SUCH_CATALOG_EXCEPTION]");
    assertThat(sql("CREATE SCHEMA stray").at("/status/error/message").asText()).startsWith("[NO_SUCH_CATALOG_EXCEPTION]");
    assertThat(sql("CREATE SCHEMA stray").at("/status/error/message").asText()).startsWith("[NO_SUCH_CATALOG_EXCEPTION]");

    http.post(UC + "catalogs", Map.of("name", "main"));
    JsonNode noSchema = sql("CREATE TABLE orphan (a INT)");
    assertThat(noSchema.at("/status/error/message").asText()).startsWith("[SCHEMA_NOT_FOUND]");

    assertThat(sql("SELECT * FROM orphan").at("/status/error/message").asText()).startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(column(ok("SELECT 1 + 1 AS two"), 0)).containsExactly("2");
  }

  @Test
  void catalogsAndSchemasCreatedInSqlAppearInUnityCatalogAndGoWhenDropped() {
    ok("CREATE CATALOG IF NOT EXISTS lab COMMENT 'made in SQL'");
    ok("CREATE SCHEMA lab.raw");
    ok("CREATE TABLE lab.raw.events (id BIGINT, tags ARRAY<STRING>, attrs MAP<STRING, INT>, "
        + "who STRUCT<name: STRING, age: INT>) USING DELTA PARTITIONED BY (id) COMMENT 'events'");

    assertThat(http.get(UC + "catalogs/lab").status()).isEqualTo(200);
    assertThat(http.get(UC + "schemas/lab.raw").json().get("owner").asText()).isEqualTo(ws.userName());
    JsonNode table = http.get(UC + "tables/lab.raw.events").json();
    assertThat(table.get("comment").asText()).isEqualTo("events");
    assertThat(table.get("table_type").asText()).isEqualTo("MANAGED");
    assertThat(table.get("data_source_format").asText()).isEqualTo("DELTA");
    List<String> types = new ArrayList<>();
    table.get("columns").forEach(c -> types.add(c.get("type_name").asText() + " " + c.get("type_text").asText()));
    assertThat(types).containsExactly("LONG bigint", "ARRAY array<string>", "MAP map<string, int>",
        "STRUCT struct<name: string, age: int>");

    ok("DROP TABLE lab.raw.events");
    assertThat(http.get(UC + "tables/lab.raw.events").status()).isEqualTo(404);
    ok("DROP SCHEMA lab.raw");
    assertThat(http.get(UC + "schemas/lab.raw").status()).isEqualTo(404);
    ok("DROP CATALOG lab");
    assertThat(http.get(UC + "catalogs/lab").status()).isEqualTo(404);
    assertThat(sql("DROP CATALOG lab").at("/status/error/message").asText()).startsWith("[NO_SUCH_CATALOG_EXCEPTION]");
  }

  @Test
  void renamesAndDeletesThroughUnityCatalogReachSql() {
    http.post(UC + "catalogs", Map.of("name", "old"));
    http.post(UC + "schemas", Map.of("catalog_name", "old", "name", "s"));
    ok("CREATE TABLE old.s.t AS SELECT 1 AS a");

    http.patch(UC + "catalogs/old", Map.of("new_name", "fresh"));
    assertThat(column(ok("SELECT a FROM fresh.s.t"), 0)).containsExactly("1");
    assertThat(sql("SELECT a FROM old.s.t").at("/status/state").asText()).isEqualTo("FAILED");

    http.patch(UC + "schemas/fresh.s", Map.of("new_name", "s2"));
    assertThat(column(ok("SELECT a FROM fresh.s2.t"), 0)).containsExactly("1");

    http.patch(UC + "tables/fresh.s2.t", Map.of("new_name", "t2"));
    assertThat(column(ok("SELECT a FROM t2", "fresh", "s2"), 0)).containsExactly("1");

    http.delete(UC + "tables/fresh.s2.t2");
    assertThat(sql("SELECT a FROM fresh.s2.t2").at("/status/error/message").asText())
        .startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
  }

  @Test
  void showAndDescribeAnswerInTheColumnsOfDatabricks() {
    http.post(UC + "catalogs", Map.of("name", "main"));
    http.post(UC + "catalogs", Map.of("name", "sales"));
    http.post(UC + "schemas", Map.of("catalog_name", "sales", "name", "default"));
    http.post(UC + "schemas", Map.of("catalog_name", "sales", "name", "eu"));
    ok("CREATE TABLE sales.eu.orders (id INT NOT NULL COMMENT 'the key', total DECIMAL(12,2)) "
        + "TBLPROPERTIES ('quality' = 'gold')");
    ok("CREATE VIEW sales.eu.big AS SELECT * FROM sales.eu.orders WHERE total > 100");

    assertThat(column(ok("SHOW CATALOGS LIKE 's*'"), 0)).containsExactly("sales");
    JsonNode schemas = ok("SHOW SCHEMAS IN sales");
    assertThat(schemas.at("/manifest/schema/columns/0/name").asText()).isEqualTo("databaseName");
    assertThat(column(schemas, 0)).containsExactly("default", "eu");
    JsonNode tables = ok("SHOW TABLES FROM sales.eu");
    assertThat(column(tables, 0)).containsExactly("eu", "eu");
    assertThat(column(tables, 1)).containsExactly("big", "orders");
    JsonNode described = ok("DESCRIBE TABLE orders", "sales", "eu");
    assertThat(column(described, 0)).containsExactly("id", "total");
    assertThat(column(described, 1)).containsExactly("int", "decimal(12,2)");
    assertThat(column(described, 2)).containsExactly("the key", "null");
    assertThat(column(ok("SHOW TBLPROPERTIES sales.eu.orders"), 1)).containsExactly("gold");
    assertThat(http.get(UC + "tables/sales.eu.big").json().get("table_type").asText()).isEqualTo("VIEW");
    assertThat(sql("SHOW FUNCTIONS").at("/status/error/message").asText()).startsWith("[UNSUPPORTED_FEATURE]");
  }
}
