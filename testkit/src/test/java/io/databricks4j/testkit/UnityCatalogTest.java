package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnityCatalogTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static final String UC = "/api/2.1/unity-catalog";
  private Api api;

  @BeforeEach
  void client() {
    api = new Api(LOCAL.workspace());
  }

  private List<String> names(String path, String field) {
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = api.getOk(path + (path.contains("?") ? "&" : "?") + (token == null ? "" : "page_token=" + token));
      page.get(field).forEach(n -> names.add(n.get("full_name").asText()));
      token = page.path("next_page_token").asText(null);
      pages++;
    } while (token != null && pages < 20);
    return names;
  }

  @Test
  void catalogsSchemasTablesAndVolumesNestAndPaginate() {
    for (String c : List.of("cat_a", "cat_b", "cat_c")) {
      JsonNode created = api.postOk(UC + "/catalogs", Json.object("name", c, "comment", "test"));
      assertThat(created.get("full_name").asText()).isEqualTo(c);
      assertThat(created.get("owner").asText()).isEqualTo(LOCAL.workspace().userName());
    }
    assertThat(names(UC + "/catalogs", "catalogs")).as("after the seeded main").containsExactly("cat_a", "cat_b", "cat_c", "main");
    assertThat(api.post(UC + "/catalogs", Json.object("name", "CAT_A")).errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");

    api.postOk(UC + "/schemas", Json.object("catalog_name", "cat_a", "name", "sales"));
    api.postOk(UC + "/schemas", Json.object("catalog_name", "cat_a", "name", "hr"));
    api.postOk(UC + "/schemas", Json.object("catalog_name", "cat_a", "name", "ops"));
    assertThat(names(UC + "/schemas?catalog_name=cat_a", "schemas")).containsExactly("cat_a.hr", "cat_a.ops", "cat_a.sales");
    Api.Response orphan = api.post(UC + "/schemas", Json.object("catalog_name", "nope", "name", "x"));
    assertThat(orphan.status()).isEqualTo(404);
    assertThat(orphan.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");

    api.postOk(UC + "/tables", Json.object("catalog_name", "cat_a", "schema_name", "sales", "name", "orders",
        "table_type", "EXTERNAL", "data_source_format", "DELTA", "storage_location", "s3://bucket/orders",
        "columns", Json.array(List.of(Json.object("name", "id", "type_name", "LONG", "position", 0)))));
    api.postOk(UC + "/tables", Json.object("catalog_name", "cat_a", "schema_name", "sales", "name", "customers"));
    assertThat(api.getOk(UC + "/tables/cat_a.sales.orders").get("columns")).hasSize(1);
    assertThat(api.getOk(UC + "/tables/cat_a.sales.orders/exists").get("table_exists").asBoolean()).isTrue();
    assertThat(api.getOk(UC + "/tables/cat_a.sales.nothing/exists").get("table_exists").asBoolean()).isFalse();
    assertThat(names(UC + "/tables?catalog_name=cat_a&schema_name=sales", "tables"))
        .containsExactly("cat_a.sales.customers", "cat_a.sales.orders");
    JsonNode summaries = api.getOk(Api.query(UC + "/table-summaries", "catalog_name", "cat_a",
        "table_name_pattern", "ord%"));
    assertThat(summaries.get("tables").findValuesAsText("full_name")).containsExactly("cat_a.sales.orders");
    assertThat(api.post(UC + "/tables", Json.object("catalog_name", "cat_a", "schema_name", "sales", "name", "e",
        "table_type", "EXTERNAL")).message()).contains("storage_location");

    JsonNode volume = api.postOk(UC + "/volumes", Json.object("catalog_name", "cat_a", "schema_name", "sales",
        "name", "landing", "volume_type", "MANAGED"));
    assertThat(volume.get("volume_id").asText()).isNotEmpty();
    assertThat(api.send("PUT", "/api/2.0/fs/files/Volumes/cat_a/sales/landing/in.csv",
        "a,b".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(204);
    assertThat(names(UC + "/volumes?catalog_name=cat_a&schema_name=sales", "volumes")).containsExactly("cat_a.sales.landing");
    assertThat(api.post(UC + "/tables", Json.object("catalog_name", "cat_a", "schema_name", "sales", "name", "landing"))
        .status()).isEqualTo(409);

    JsonNode renamed = api.ok(api.patch(UC + "/schemas/cat_a.sales", Json.object("new_name", "revenue", "comment", "c")));
    assertThat(renamed.get("full_name").asText()).isEqualTo("cat_a.revenue");
    assertThat(api.getOk(UC + "/tables/cat_a.revenue.orders").get("schema_name").asText()).isEqualTo("revenue");
    assertThat(api.getOk(UC + "/volumes/cat_a.revenue.landing").get("name").asText()).isEqualTo("landing");
    assertThat(api.get("/api/2.0/fs/files/Volumes/cat_a/revenue/landing/in.csv").text()).isEqualTo("a,b");
    assertThat(api.get(UC + "/tables/cat_a.sales.orders").status()).isEqualTo(404);

    Api.Response notEmpty = api.delete(UC + "/catalogs/cat_a");
    assertThat(notEmpty.status()).isEqualTo(400);
    assertThat(notEmpty.errorCode()).isEqualTo("CATALOG_NOT_EMPTY");
    assertThat(api.delete(UC + "/tables/cat_a.revenue.orders").status()).isEqualTo(200);
    assertThat(api.delete(UC + "/catalogs/cat_a?force=true").status()).isEqualTo(200);
    assertThat(api.get(UC + "/schemas/cat_a.hr").status()).isEqualTo(404);
    assertThat(api.get(UC + "/volumes/cat_a.revenue.landing").status()).isEqualTo(404);
    assertThat(api.get("/api/2.0/fs/files/Volumes/cat_a/revenue/landing/in.csv").status()).isEqualTo(404);
    assertThat(api.ok(api.patch(UC + "/catalogs/cat_b", Json.object("owner", "data-team"))).get("owner").asText())
        .isEqualTo("data-team");
  }
}
