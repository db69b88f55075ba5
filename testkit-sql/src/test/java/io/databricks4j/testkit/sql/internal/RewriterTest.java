package io.databricks4j.testkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlParameter;
import io.databricks4j.testkit.spi.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rewrites of Databricks SQL for DuckDB, one behaviour each. */
class RewriterTest {
  private CatalogNames names;

  @BeforeEach
  void catalogs() {
    names = new CatalogNames();
    names.add("main");
    names.add("shop");
  }

  private Plan plan(String sql, SqlParameter... parameters) {
    return Rewriter.plan(new SqlStatement("s1", sql, "main", "default", List.of(parameters), 0, 0), names);
  }

  private Plan.Native rewrite(String sql, SqlParameter... parameters) {
    return (Plan.Native) plan(sql, parameters);
  }

  private String sql(String sql, SqlParameter... parameters) {
    return rewrite(sql, parameters).sql();
  }

  @Test
  void namedParametersBecomeTypedBindVariablesInMarkerOrder() {
    SqlParameter max = new SqlParameter("max", "DECIMAL(10,2)", "20");
    SqlParameter name = new SqlParameter("name", "STRING", "pen");
    Plan.Native p = rewrite("SELECT * FROM t WHERE price < :max AND name = :name OR price = :max", max, name);

    assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE price < CAST(? AS DECIMAL(10,2)) AND name = CAST(? AS VARCHAR) "
        + "OR price = CAST(? AS DECIMAL(10,2))");
    assertThat(p.binds()).containsExactly(max, name, max);
  }

  @Test
  void castsWithDoubleColonsAndMarkersInStringsAreNoParameters() {
    assertThat(sql("SELECT a::STRING, ':not_a_marker' FROM t")).isEqualTo("SELECT a::VARCHAR, ':not_a_marker' FROM t");
  }

  @Test
  void anUnboundMarkerFailsNamingIt() {
    assertThatThrownBy(() -> sql("SELECT :nope")).isInstanceOf(SqlException.class)
        .hasMessageStartingWith("[UNBOUND_SQL_PARAMETER]").hasMessageContaining("nope");
  }

  @Test
  void identifierClauseTurnsAParameterIntoAName() {
    assertThat(sql("SELECT * FROM IDENTIFIER(:t)", new SqlParameter("t", "STRING", "main.default.items")))
        .isEqualTo("SELECT * FROM \"uc_main\".\"default\".\"items\"");
  }

  @Test
  void threePartNamesMapTheirCatalogAndQuoteEveryPart() {
    assertThat(sql("SELECT a.x FROM main.default.t a JOIN shop.sales.items i ON a.x = i.x"))
        .isEqualTo("SELECT \"a\".\"x\" FROM \"uc_main\".\"default\".\"t\" a JOIN \"shop\".\"sales\".\"items\" i "
            + "ON \"a\".\"x\" = \"i\".\"x\"");
    assertThat(sql("SELECT * FROM `main`.`default`.`my table`"))
        .isEqualTo("SELECT * FROM \"uc_main\".\"default\".\"my table\"");
    assertThat(sql("CREATE SCHEMA IF NOT EXISTS main.bronze")).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"uc_main\".\"bronze\"");
    assertThat(sql("SELECT * FROM default.t")).isEqualTo("SELECT * FROM \"default\".\"t\"");
    assertThat(sql("CREATE DATABASE default")).isEqualTo("CREATE SCHEMA \"default\"");
  }

  @Test
  void createTableLosesDeltaClausesAndKeepsCommentsAndProperties() {
    Plan.Native p = rewrite("CREATE OR REPLACE TABLE main.default.t (id BIGINT NOT NULL COMMENT 'key', "
        + "tags ARRAY<STRING>, attrs MAP<STRING, INT>, who STRUCT<name: STRING, age:INT>, at TIMESTAMP, "
        + "n GENERATED ALWAYS AS IDENTITY) USING DELTA PARTITIONED BY (id) CLUSTER BY AUTO "
        + "LOCATION 's3://x' COMMENT 'the table' TBLPROPERTIES ('delta.appendOnly' = 'true', quality = 'gold')");

    assertThat(p.sql()).isEqualTo("CREATE OR REPLACE TABLE \"uc_main\".\"default\".\"t\" (id BIGINT NOT NULL , "
        + "tags VARCHAR[], attrs MAP(VARCHAR, INTEGER), who STRUCT(\"name\" VARCHAR, \"age\" INTEGER), at TIMESTAMPTZ, "
        + "n )      ");
    assertThat(p.table().name()).containsExactly("main", "default", "t");
    assertThat(p.table().comment()).isEqualTo("the table");
    assertThat(p.table().properties()).isEqualTo(Map.of("delta.appendOnly", "true", "quality", "gold"));
    assertThat(p.table().columnComments()).isEqualTo(Map.of("id", "key"));
    assertThat(p.shape()).isEqualTo(Plan.Shape.NONE);
  }

  @Test
  void createTableAsSelectKeepsItsQuery() {
    assertThat(sql("CREATE TABLE t USING DELTA AS SELECT 1 AS a")).isEqualTo("CREATE TABLE t  AS SELECT 1 AS a");
    assertThat(sql("REPLACE TABLE t AS SELECT 1")).isEqualTo("CREATE OR REPLACE TABLE t AS SELECT 1");
  }

  @Test
  void sparkLiteralsStringsAndOperatorsBecomeDuckDbOnes() {
    assertThat(sql("SELECT 10L, 2S, 1Y, 1.5D, 2.5BD, \"it's\", 'a\\'b', a <=> b, array(1, 2), "
        + "TIMESTAMP '2024-01-01 00:00:00', CAST(x AS TIMESTAMP_NTZ)"))
        .isEqualTo("SELECT CAST(10 AS BIGINT), CAST(2 AS SMALLINT), CAST(1 AS TINYINT), CAST(1.5 AS DOUBLE), "
            + "CAST(2.5 AS DECIMAL(38,1)), 'it''s', 'a''b', a IS NOT DISTINCT FROM b, list_value(1, 2), "
            + "TIMESTAMPTZ '2024-01-01 00:00:00', CAST(x AS TIMESTAMP)");
    assertThat(sql("SELECT current_catalog(), current_schema()")).isEqualTo("SELECT 'main', 'default'");
  }

  @Test
  void insertOverwriteReadsItsSourceBeforeEmptyingTheTarget() {
    Plan.Native p = rewrite("INSERT OVERWRITE TABLE main.default.t (a, `b`) SELECT 1, 2");

    assertThat(p.overwrite()).isEqualTo(new Plan.Overwrite("\"uc_main\".\"default\".\"t\"", "(a, \"b\")"));
    assertThat(p.sql()).isEqualTo(" SELECT 1, 2");
    assertThat(p.shape()).isEqualTo(Plan.Shape.INSERTED);
    assertThat(rewrite("INSERT OVERWRITE t (SELECT 1)").overwrite().columns()).isEmpty();
    assertThat(rewrite("DELETE FROM t").shape()).isEqualTo(Plan.Shape.AFFECTED);
  }

  @Test
  void showDescribeCatalogCommandsAndNoOpsArePlannedApart() {
    assertThat(plan("SHOW TABLES IN shop.sales LIKE 'it*'"))
        .isEqualTo(new Plan.Show("TABLES", List.of("shop", "sales"), "it*"));
    assertThat(plan("SHOW DATABASES")).isEqualTo(new Plan.Show("SCHEMAS", List.of(), null));
    assertThat(plan("DESCRIBE TABLE EXTENDED `shop`.sales.items"))
        .isEqualTo(new Plan.Show("DESCRIBE", List.of("shop", "sales", "items"), null));
    assertThat(plan("CREATE CATALOG IF NOT EXISTS lab")).isEqualTo(new Plan.CatalogDdl(true, "lab", true, false));
    assertThat(plan("DROP CATALOG lab CASCADE")).isEqualTo(new Plan.CatalogDdl(false, "lab", false, true));
    assertThat(plan("USE CATALOG shop")).isInstanceOf(Plan.NoOp.class);
    assertThat(plan("OPTIMIZE t ZORDER BY (a)")).isInstanceOf(Plan.NoOp.class);
    assertThat(plan("ALTER TABLE t SET TBLPROPERTIES ('a' = 'b')"))
        .isEqualTo(new Plan.SetProperties(List.of("t"), Map.of("a", "b")));
  }

  @Test
  void oneStatementACallAndATrailingSemicolonIsFine() {
    assertThat(sql("SELECT 1;  ")).isEqualTo("SELECT 1");
    assertThatThrownBy(() -> sql("SELECT 1; SELECT 2")).hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
  }
}
