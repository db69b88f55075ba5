package io.databricks4j.testkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.spi.SqlException;
import io.databricks4j.testkit.spi.SqlParameter;
import io.databricks4j.testkit.spi.SqlResult;
import io.databricks4j.testkit.spi.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements Databricks SQL tests commonly send, run one after another on a real DuckDB. */
class DialectTest {
  private static DuckDbEngine engine;

  @BeforeAll
  static void open() {
    engine = DuckDbEngine.open();
    engine.createCatalog("main");
    engine.createSchema("main", "default");
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static SqlResult run(String sql, SqlParameter... parameters) {
    return engine.execute(new SqlStatement("d", sql, "main", "default", List.of(parameters), 0, 0));
  }

  @Test
  void aDeltaTableLifecycleRunsAsWritten() {
    List<String> failures = new ArrayList<>();
    for (String sql : List.of(
        "CREATE TABLE IF NOT EXISTS main.default.people (id BIGINT NOT NULL, name STRING, born DATE, "
            + "tags ARRAY<STRING>) USING DELTA CLUSTER BY (id) TBLPROPERTIES (delta.enableChangeDataFeed = true)",
        "INSERT INTO people VALUES (1, 'ann', '1990-05-01', array('a')), (2, 'bob', NULL, array())",
        "INSERT INTO TABLE people (id, name) VALUES (3, 'cy')",
        "UPDATE people SET name = upper(name) WHERE id = 1",
        "DELETE FROM people WHERE id = 2",
        "CREATE OR REPLACE TEMPORARY VIEW v AS SELECT * FROM people",
        "CREATE TABLE staged AS SELECT 4 AS id, 'dee' AS name",
        "MERGE INTO people t USING staged s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name "
            + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)",
        "ALTER TABLE people ADD COLUMN score DOUBLE",
        "ALTER TABLE people SET TBLPROPERTIES ('owner.team' = 'data')",
        "COMMENT ON TABLE people IS 'who is who'",
        "INSERT OVERWRITE people SELECT * FROM people WHERE id <> 3",
        "SELECT name, count(*) AS n FROM people GROUP BY name ORDER BY name",
        "WITH x AS (SELECT id FROM people) SELECT count(*) FROM x",
        "SELECT coalesce(name, 'none'), date_add(born, 1), cast(id AS STRING) FROM people",
        "USE CATALOG main", "USE SCHEMA default", "OPTIMIZE people", "ANALYZE TABLE people COMPUTE STATISTICS",
        "GRANT SELECT ON TABLE people TO `analysts`",
        "DROP TABLE IF EXISTS staged", "DROP VIEW IF EXISTS v")) {
      try {
        run(sql);
      } catch (SqlException e) {
        failures.add(sql + " -> " + e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(run("SELECT id, name FROM people ORDER BY id").rows())
        .containsExactly(List.of("1", "ANN"), List.of("4", "dee"));
  }

  @Test
  void parametersOfEveryCommonTypeBindTyped() {
    SqlResult r = run("SELECT :i + 1, :d, :day, :at, :flag, :s, :n", new SqlParameter("i", "INT", "41"),
        new SqlParameter("d", "DECIMAL(5,2)", "1.5"), new SqlParameter("day", "DATE", "2024-01-31"),
        new SqlParameter("at", "TIMESTAMP", "2024-01-31T10:15:30Z"), new SqlParameter("flag", "BOOLEAN", "true"),
        new SqlParameter("s", "STRING", "it's"), new SqlParameter("n", "INT", null));

    assertThat(r.rows().get(0)).containsExactly("42", "1.50", "2024-01-31", "2024-01-31T10:15:30.000Z", "true", "it's",
        null);
    assertThat(r.columns().stream().map(c -> c.typeText()).toList())
        .containsExactly("INT", "DECIMAL(5,2)", "DATE", "TIMESTAMP", "BOOLEAN", "STRING", "INT");
  }
}
