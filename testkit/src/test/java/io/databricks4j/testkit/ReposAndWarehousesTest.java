package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReposAndWarehousesTest {
  private static final Duration DELAY = Duration.ofSeconds(10);
  private MutableClock clock;
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().pageSize(2).clusterStartDelay(DELAY).clock(clock).start();
    api = new Api(ws);
  }

  @AfterEach
  void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  @Test
  void reposCheckOutBranchesAndLiveInTheWorkspaceTree() {
    JsonNode repo = api.postOk("/api/2.0/repos", Json.object("url", "https://github.com/acme/etl.git"));
    long id = repo.get("id").asLong();
    assertThat(repo.get("provider").asText()).isEqualTo("gitHub");
    assertThat(repo.get("path").asText()).isEqualTo("/Repos/" + ws.userName() + "/etl");
    assertThat(repo.get("branch").asText()).isEqualTo("main");
    JsonNode status = api.getOk(Api.query("/api/2.0/workspace/get-status", "path", repo.get("path").asText()));
    assertThat(status.get("object_type").asText()).isEqualTo("REPO");

    api.ok(api.patch("/api/2.0/repos/" + id, Json.object("branch", "dev")));
    JsonNode dev = api.getOk("/api/2.0/repos/" + id);
    assertThat(dev.get("branch").asText()).isEqualTo("dev");
    assertThat(dev.get("head_commit_id").asText()).isNotEqualTo(repo.get("head_commit_id").asText());
    assertThat(api.post("/api/2.0/repos", Json.object("url", "https://github.com/acme/etl.git")).status()).isEqualTo(400);
    assertThat(api.post("/api/2.0/repos", Json.object("url", "https://example.com/x.git")).status()).isEqualTo(400);

    for (String name : List.of("a", "b", "c")) {
      api.postOk("/api/2.0/repos", Json.object("url", "https://gitlab.com/acme/" + name, "path", "/Repos/team/" + name));
    }
    List<String> paths = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = api.getOk(Api.query("/api/2.0/repos", "path_prefix", "/Repos/") + (token == null ? ""
          : "&next_page_token=" + token));
      page.get("repos").forEach(r -> paths.add(r.get("path").asText()));
      token = page.path("next_page_token").asText(null);
      pages++;
    } while (token != null && pages < 10);
    assertThat(paths).hasSize(4);
    assertThat(pages).isEqualTo(2);

    assertThat(api.delete("/api/2.0/repos/" + id).status()).isEqualTo(200);
    assertThat(api.get("/api/2.0/repos/" + id).status()).isEqualTo(404);
    assertThat(api.get(Api.query("/api/2.0/workspace/get-status", "path", repo.get("path").asText())).status()).isEqualTo(404);

    JsonNode credential = api.postOk("/api/2.0/git-credentials", Json.object("git_provider", "gitHub",
        "git_username", "bot", "personal_access_token", "ghp_x"));
    long cid = credential.get("credential_id").asLong();
    assertThat(credential.has("personal_access_token")).isFalse();
    api.ok(api.patch("/api/2.0/git-credentials/" + cid, Json.object("git_provider", "gitHub", "git_username", "bot2")));
    assertThat(api.getOk("/api/2.0/git-credentials/" + cid).get("git_username").asText()).isEqualTo("bot2");
    assertThat(api.getOk("/api/2.0/git-credentials").get("credentials")).hasSize(1);
    api.delete("/api/2.0/git-credentials/" + cid);
    assertThat(api.get("/api/2.0/git-credentials/" + cid).status()).isEqualTo(404);
  }

  private String state(String id) {
    return api.getOk("/api/2.0/sql/warehouses/" + id).get("state").asText();
  }

  @Test
  void warehousesStartStopAndDelete() {
    String id = api.postOk("/api/2.0/sql/warehouses", Json.object("name", "bi", "cluster_size", "Small",
        "auto_stop_mins", 10)).get("id").asText();
    assertThat(state(id)).isEqualTo("STARTING");
    clock.advance(DELAY);
    JsonNode running = api.getOk("/api/2.0/sql/warehouses/" + id);
    assertThat(running.get("state").asText()).isEqualTo("RUNNING");
    assertThat(running.get("jdbc_url").asText()).contains("/sql/1.0/warehouses/" + id);
    assertThat(running.at("/odbc_params/path").asText()).isEqualTo("/sql/1.0/warehouses/" + id);
    assertThat(running.get("num_clusters").asInt()).isEqualTo(1);

    api.postOk("/api/2.0/sql/warehouses/" + id + "/stop", Json.object());
    assertThat(state(id)).isEqualTo("STOPPING");
    clock.advance(DELAY);
    assertThat(state(id)).isEqualTo("STOPPED");
    api.postOk("/api/2.0/sql/warehouses/" + id + "/edit", Json.object("cluster_size", "Medium"));
    assertThat(api.getOk("/api/2.0/sql/warehouses/" + id).get("cluster_size").asText()).isEqualTo("Medium");
    api.postOk("/api/2.0/sql/warehouses/" + id + "/start", Json.object());
    assertThat(state(id)).isEqualTo("STARTING");
    clock.advance(DELAY);
    assertThat(state(id)).isEqualTo("RUNNING");

    String failing = api.postOk("/api/2.0/sql/warehouses", Json.object("name", "fail-wh", "cluster_size", "Small"))
        .get("id").asText();
    clock.advance(DELAY);
    JsonNode stopped = api.getOk("/api/2.0/sql/warehouses/" + failing);
    assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
    assertThat(stopped.at("/health/status").asText()).isEqualTo("FAILED");

    api.postOk("/api/2.0/sql/warehouses", Json.object("name", "third", "cluster_size", "Small"));
    JsonNode page = api.getOk("/api/2.0/sql/warehouses");
    assertThat(page.get("warehouses")).hasSize(2);
    assertThat(api.getOk("/api/2.0/sql/warehouses?page_token=" + page.get("next_page_token").asText()).get("warehouses"))
        .hasSize(1);

    assertThat(api.delete("/api/2.0/sql/warehouses/" + id).status()).isEqualTo(200);
    assertThat(state(id)).isEqualTo("DELETED");
    assertThat(api.post("/api/2.0/sql/warehouses/" + id + "/start", Json.object()).status()).isEqualTo(404);
    assertThat(api.post("/api/2.0/sql/warehouses", Json.object("name", "x", "cluster_size", "Huge")).status()).isEqualTo(400);
    assertThat(api.post("/api/2.0/sql/warehouses", Json.object("cluster_size", "Small")).message())
        .isEqualTo("Missing required field: name");
    api.ok(api.put("/api/2.0/sql/config/warehouses", Json.object("security_policy", "DATA_ACCESS_CONTROL")));
    assertThat(api.getOk("/api/2.0/sql/config/warehouses").get("security_policy").asText()).isEqualTo("DATA_ACCESS_CONTROL");
    assertThat(api.getOk("/api/2.0/permissions/warehouses/" + failing).get("object_type").asText()).isEqualTo("warehouses");
  }
}
