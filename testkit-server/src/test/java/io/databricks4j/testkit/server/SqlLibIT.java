package io.databricks4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With lib/testkit-sql.jar and lib/duckdb_jdbc.jar beside it, the jar runs SQL statements. */
class SqlLibIT {
  @Test
  void statementsRunWhenTheSqlLibrariesSitBesideTheJar(@TempDir Path dir) {
    assertThat(ServerJarIT.JAR.resolveSibling("lib").resolve("duckdb_jdbc.jar")).exists();
    try (EmulatorProcess emulator = EmulatorProcess.start(List.of(EmulatorProcess.java(),
        "-Djava.io.tmpdir=" + dir, "-jar", ServerJarIT.JAR.toString(), "--port", "0", "--token", ServerJarIT.TOKEN,
        "--sql", "--cluster-start-delay", "0"), Map.of(), dir)) {
      assertThat(emulator.banner()).contains("sql:        yes");
      Http api = new Http(emulator.host(), ServerJarIT.TOKEN);
      String warehouse = api.post("/api/2.0/sql/warehouses", "{\"name\":\"wh\",\"cluster_size\":\"2X-Small\"}")
          .get("id").asText();
      JsonNode result = api.post("/api/2.0/sql/statements", "{\"warehouse_id\":\"" + warehouse + "\","
          + "\"statement\":\"SELECT 1 + 1 AS two\",\"wait_timeout\":\"30s\"}");
      assertThat(result.at("/status/state").asText()).as("%s", result).isEqualTo("SUCCEEDED");
      assertThat(result.at("/result/data_array").toString()).isEqualTo("[[\"2\"]]");
      assertThat(result.at("/manifest/schema/columns/0/type_name").asText()).isEqualTo("INT");
      assertThat(emulator.stop()).isIn(0, 143);
    }
  }
}
