package io.databricks4j.testkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.spi.SqlColumn;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values and types of results, rendered by a real DuckDB as the service renders them. */
class ValueRenderingTest {
  private static DuckDbEngine engine;

  @BeforeAll
  static void open() {
    engine = DuckDbEngine.open();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static SqlResult run(String sql) {
    return engine.execute(new SqlStatement("v", sql, "main", "default", List.of(), 0, 0));
  }

  private static List<String> row(String sql) {
    return run(sql).rows().get(0);
  }

  private static List<String> types(String sql) {
    return run(sql).columns().stream().map(c -> c.typeName() + " " + c.typeText()).toList();
  }

  @Test
  void numbersAreRenderedAsSparkPrintsThem() {
    assertThat(row("SELECT 1 + 1, 10000000000, 1.50, CAST(2 AS DECIMAL(10,3)), 0.5D, 1e10, CAST(0.1 AS FLOAT), "
        + "CAST('NaN' AS DOUBLE), 3Y, 4S"))
        .containsExactly("2", "10000000000", "1.50", "2.000", "0.5", "1.0E10", "0.1", "NaN", "3", "4");
    assertThat(types("SELECT 1 + 1, 10000000000, 1.50, 0.5D, CAST(0.1 AS FLOAT), 3Y, 4S, true"))
        .containsExactly("INT INT", "LONG BIGINT", "DECIMAL DECIMAL(3,2)", "DOUBLE DOUBLE", "FLOAT FLOAT",
            "BYTE TINYINT", "SHORT SMALLINT", "BOOLEAN BOOLEAN");
  }

  @Test
  void nullIsNullAndDecimalsKeepTheirPrecisionAndScale() {
    SqlResult r = run("SELECT NULL AS n, CAST(NULL AS INT) AS i, CAST(12.5 AS DECIMAL(12,4)) AS d");

    assertThat(r.rows().get(0)).containsExactly(null, null, "12.5000");
    SqlColumn d = r.columns().get(2);
    assertThat(d.precision()).isEqualTo(12);
    assertThat(d.scale()).isEqualTo(4);
    assertThat(r.columns().get(0).typeText()).isEqualTo("VOID");
  }

  @Test
  void datesAndTimestampsAreIsoAndTimestampsUtc() {
    assertThat(row("SELECT DATE '2024-01-31', TIMESTAMP '2024-01-31 10:15:30', "
        + "TIMESTAMP '2024-01-31 10:15:30.123456', CAST('2024-01-31 12:15:30+02:00' AS TIMESTAMP), "
        + "CAST('2024-01-31 10:15:30' AS TIMESTAMP_NTZ)"))
        .containsExactly("2024-01-31", "2024-01-31T10:15:30.000Z", "2024-01-31T10:15:30.123456Z",
            "2024-01-31T10:15:30.000Z", "2024-01-31T10:15:30.000");
    assertThat(types("SELECT DATE '2024-01-31', TIMESTAMP '2024-01-31 10:15:30', "
        + "CAST('2024-01-31 10:15:30' AS TIMESTAMP_NTZ)"))
        .containsExactly("DATE DATE", "TIMESTAMP TIMESTAMP", "TIMESTAMP_NTZ TIMESTAMP_NTZ");
  }

  @Test
  void arraysMapsAndStructsAreJson() {
    assertThat(row("SELECT array(1, 2, NULL), array('a', 'b'), map(['k'], [1]), "
        + "CAST(struct_pack(name := 'ann', born := DATE '1990-05-01', score := 1.50) AS "
        + "STRUCT<name: STRING, born: DATE, score: DECIMAL(3,2)>), array(struct_pack(x := 1))"))
        .containsExactly("[1,2,null]", "[\"a\",\"b\"]", "{\"k\":1}",
            "{\"name\":\"ann\",\"born\":\"1990-05-01\",\"score\":1.50}", "[{\"x\":1}]");
    assertThat(types("SELECT array(1), map(['k'], [1]), CAST(struct_pack(a := 1) AS STRUCT<a: BIGINT>)"))
        .containsExactly("ARRAY ARRAY<INT>", "MAP MAP<STRING, INT>", "STRUCT STRUCT<a: BIGINT>");
  }

  @Test
  void binaryIsBase64AndOtherTypesTheirText() {
    assertThat(row("SELECT CAST('hi' AS BINARY), CAST('10:11:12' AS TIME), 'x'"))
        .containsExactly("aGk=", "10:11:12", "x");
    assertThat(types("SELECT CAST('hi' AS BINARY), CAST('10:11:12' AS TIME)"))
        .containsExactly("BINARY BINARY", "STRING STRING");
  }
}
