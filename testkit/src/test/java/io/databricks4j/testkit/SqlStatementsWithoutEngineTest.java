package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import org.junit.jupiter.api.Test;

/** Without testkit-sql on the class path, SQL statements answer 501 naming the artifact; warehouses still work. */
class SqlStatementsWithoutEngineTest {
  @Test
  void statementsAnswer501NamingTestkitSql() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Api api = new Api(ws);
      String warehouse = api.postOk("/api/2.0/sql/warehouses", Json.object("name", "w", "cluster_size", "2X-Small"))
          .get("id").asText();

      Api.Response r = api.post("/api/2.0/sql/statements", Json.object("warehouse_id", warehouse,
          "statement", "SELECT 1"));

      assertThat(r.status()).isEqualTo(501);
      assertThat(r.errorCode()).isEqualTo("NOT_IMPLEMENTED");
      assertThat(r.message()).contains("io.databricks4j:testkit-sql");
      assertThat(api.get("/api/2.0/sql/statements/any").status()).isEqualTo(501);
      assertThat(api.get("/api/2.0/sql/warehouses/" + warehouse).status()).isEqualTo(200);
      assertThat(ws.internalErrors()).isZero();
    }
  }
}
