package io.databricks4j.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.mixin.sql.StatementFailedException;
import io.databricks4j.mixin.sql.StatementResult;
import io.databricks4j.mixin.sql.StatementRow;
import io.databricks4j.service.catalog.ColumnTypeName;
import io.databricks4j.service.catalog.CreateCatalog;
import io.databricks4j.service.catalog.CreateSchema;
import io.databricks4j.service.catalog.CreateTableRequest;
import io.databricks4j.service.catalog.TableInfo;
import io.databricks4j.service.sql.ColumnInfoTypeName;
import io.databricks4j.service.sql.CreateWarehouseRequest;
import io.databricks4j.service.sql.ExecuteStatementRequest;
import io.databricks4j.service.sql.StatementParameterListItem;
import io.databricks4j.service.sql.StatementResponse;
import io.databricks4j.service.sql.StatementState;
import io.databricks4j.testkit.LocalWorkspace;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SQL workflow through the SDK against a local workspace with the DuckDB engine: Unity Catalog
 * makes the catalog and schema, SQL makes and fills the table, and each sees what the other made.
 */
class SdkSqlWorkflowTest {
  private static LocalWorkspace ws;
  private static WorkspaceClient w;
  private static String warehouse;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    w = ws.client();
    warehouse = w.warehouses().create(CreateWarehouseRequest.builder().name("sql").clusterSize("2X-Small").build())
        .response().id();
    w.catalogs().create(CreateCatalog.builder().name("shop").build());
    w.schemas().create(CreateSchema.builder().catalogName("shop").name("sales").build());
  }

  @AfterAll
  static void stop() {
    w.close();
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  private static ExecuteStatementRequest.Builder sql(String statement) {
    return ExecuteStatementRequest.builder().warehouseId(warehouse).statement(statement);
  }

  @Test
  void selectOnePlusOneAnswersTwoAsAnIntColumnNamedTwo() {
    StatementResponse r = w.statementExecution().executeStatement(sql("SELECT 1 + 1 AS two").build());

    assertThat(r.status().state()).isEqualTo(StatementState.SUCCEEDED);
    assertThat(r.result().dataArray()).isEqualTo(List.of(List.of("2")));
    assertThat(r.manifest().schema().columns()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("two");
      assertThat(c.typeName()).isEqualTo(ColumnInfoTypeName.INT);
      assertThat(c.typeText()).isEqualTo("INT");
    });
    assertThat(w.statementExecution().result(r).rows()).singleElement()
        .satisfies(row -> assertThat(row.get("two")).isEqualTo(2));
  }

  @Test
  void aTableCreatedInSqlInAUnityCatalogSchemaIsFilledQueriedWithAParameterAndListedByUnityCatalog() {
    w.statementExecution().executeAndWait(sql("CREATE TABLE items (id INT, name STRING COMMENT 'what it is', "
        + "price DECIMAL(10,2), added DATE, seen TIMESTAMP) USING DELTA TBLPROPERTIES ('delta.appendOnly' = 'true')")
        .catalog("shop").schema("sales").build());
    StatementResult inserted = w.statementExecution().executeAndWait(sql("INSERT INTO shop.sales.items VALUES "
        + "(1, 'pen', 1.5, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:15:30'), "
        + "(2, 'book', 12.00, DATE '2024-02-01', TIMESTAMP '2024-02-01 08:00:00.250'), "
        + "(3, 'bag', 30, NULL, NULL)").build());
    assertThat(inserted.rows()).singleElement().satisfies(row ->
        assertThat(row.asMap()).isEqualTo(Map.of("num_affected_rows", 3L, "num_inserted_rows", 3L)));

    StatementResult cheap = w.statementExecution().executeAndWait(sql(
        "SELECT id, name, price, added, seen FROM items WHERE price < :max ORDER BY id").catalog("shop").schema("sales")
        .parameters(List.of(StatementParameterListItem.builder().name("max").value("20").typeValue("DECIMAL(10,2)")
            .build())).build());

    assertThat(cheap.columns()).extracting(c -> c.typeText())
        .containsExactly("INT", "STRING", "DECIMAL(10,2)", "DATE", "TIMESTAMP");
    List<StatementRow> rows = cheap.rows();
    assertThat(rows).extracting(StatementRow::raw).containsExactly(
        List.of("1", "pen", "1.50", "2024-01-31", "2024-01-31T10:15:30.000Z"),
        List.of("2", "book", "12.00", "2024-02-01", "2024-02-01T08:00:00.250Z"));
    assertThat(rows.get(0).asList()).containsExactly(1, "pen", new BigDecimal("1.50"), LocalDate.of(2024, 1, 31),
        Instant.parse("2024-01-31T10:15:30Z"));

    TableInfo table = w.tables().get("shop.sales.items");
    assertThat(table.columns()).extracting(c -> c.name()).containsExactly("id", "name", "price", "added", "seen");
    assertThat(table.columns().get(0).typeName()).isEqualTo(ColumnTypeName.INT);
    assertThat(table.columns().get(1).comment()).isEqualTo("what it is");
    assertThat(table.properties()).containsEntry("delta.appendOnly", "true");
    List<String> listed = new ArrayList<>();
    w.tables().list("shop", "sales").forEach(t -> listed.add(t.fullName()));
    assertThat(listed).contains("shop.sales.items");
  }

  @Test
  void aTableCreatedThroughUnityCatalogIsQueryableInSql() {
    w.tables().create(CreateTableRequest.builder().catalogName("shop").schemaName("sales").name("from_uc")
        .columns(List.of(io.databricks4j.service.catalog.ColumnInfo.builder().name("n").typeName(ColumnTypeName.LONG)
            .typeText("bigint").position(0L).build())).build());

    w.statementExecution().executeAndWait(sql("INSERT INTO shop.sales.from_uc VALUES (7)").build());
    StatementResult r = w.statementExecution().executeAndWait(sql("SELECT n FROM shop.sales.from_uc").build());

    assertThat(r.columns().get(0).typeName()).isEqualTo(ColumnInfoTypeName.LONG);
    assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row.get(0)).isEqualTo(7L));
  }

  @Test
  void theHelperPollsAStatementAnsweredPendingUntilItEnds() {
    StatementResult r = w.statementExecution().executeAndWait(sql("SELECT range AS n FROM range(3)")
        .waitTimeout("0s").build());

    assertThat(r.stream().map(row -> row.get("n", Long.class)).toList()).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aBadStatementFailsWithTheErrorAndTheHelperThrowsIt() {
    StatementResponse r = w.statementExecution().executeStatement(sql("SELECT * FROM shop.sales.nothing_here").build());

    assertThat(r.status().state()).isEqualTo(StatementState.FAILED);
    assertThat(r.status().error().message()).startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(r.status().sqlState()).isEqualTo("42P01");
    assertThatThrownBy(() -> w.statementExecution().executeAndWait(sql("SELEC 1").build()))
        .isInstanceOf(StatementFailedException.class)
        .hasMessageContaining("FAILED")
        .hasMessageContaining("PARSE_SYNTAX_ERROR");
  }
}
