package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClustersTest {
  private static final Duration DELAY = Duration.ofSeconds(30);
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

  private String create(String name) {
    return api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", name, "spark_version", "15.4.x-scala2.12",
        "node_type_id", "i3.xlarge", "num_workers", 2)).get("cluster_id").asText();
  }

  private JsonNode get(String id) {
    return api.getOk("/api/2.1/clusters/get?cluster_id=" + id);
  }

  @Test
  void createdClusterIsPendingThenRunningAfterTheStartDelay() {
    String id = create("etl");
    assertThat(id).matches("\\d{4}-\\d{6}-[a-z0-9]{8}");
    JsonNode pending = get(id);
    assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    assertThat(pending.get("cluster_name").asText()).isEqualTo("etl");
    assertThat(pending.get("creator_user_name").asText()).isEqualTo(ws.userName());
    assertThat(pending.has("driver")).isFalse();

    clock.advance(DELAY);
    JsonNode running = get(id);
    assertThat(running.get("state").asText()).isEqualTo("RUNNING");
    assertThat(running.get("executors")).hasSize(2);
    assertThat(running.get("spark_context_id").asLong()).isPositive();
    assertThat(running.get("spec").get("num_workers").asInt()).isEqualTo(2);
  }

  @Test
  void clusterNamedFailTerminatesWithAReasonInsteadOfRunning() {
    String id = create("will-fail");
    clock.advance(DELAY);
    JsonNode c = get(id);
    assertThat(c.get("state").asText()).isEqualTo("TERMINATED");
    assertThat(c.get("termination_reason").get("code").asText()).isEqualTo("INIT_SCRIPT_FAILURE");
    assertThat(c.get("state_message").asText()).contains("fail");
  }

  @Test
  void lifecycleOperationsMoveThroughTheirStates() {
    String id = create("life");
    Api.Response early = api.post("/api/2.1/clusters/restart", Json.object("cluster_id", id));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.errorCode()).isEqualTo("INVALID_STATE");
    clock.advance(DELAY);

    api.postOk("/api/2.1/clusters/restart", Json.object("cluster_id", id));
    assertThat(get(id).get("state").asText()).isEqualTo("RESTARTING");
    clock.advance(DELAY);
    assertThat(get(id).get("state").asText()).isEqualTo("RUNNING");
    assertThat(get(id).has("last_restarted_time")).isTrue();

    api.postOk("/api/2.1/clusters/resize", Json.object("cluster_id", id, "num_workers", 5));
    assertThat(get(id).get("state").asText()).isEqualTo("RESIZING");
    clock.advance(DELAY);
    assertThat(get(id).get("num_workers").asInt()).isEqualTo(5);

    api.postOk("/api/2.1/clusters/edit", Json.object("cluster_id", id, "cluster_name", "life2",
        "spark_version", "16.4.x-scala2.12", "num_workers", 1));
    JsonNode edited = get(id);
    assertThat(edited.get("state").asText()).isEqualTo("RESTARTING");
    assertThat(edited.get("spark_version").asText()).isEqualTo("16.4.x-scala2.12");
    clock.advance(DELAY);

    api.postOk("/api/2.1/clusters/delete", Json.object("cluster_id", id));
    assertThat(get(id).get("state").asText()).isEqualTo("TERMINATING");
    clock.advance(DELAY);
    JsonNode terminated = get(id);
    assertThat(terminated.get("state").asText()).isEqualTo("TERMINATED");
    assertThat(terminated.get("termination_reason").get("code").asText()).isEqualTo("USER_REQUEST");

    api.postOk("/api/2.1/clusters/update", Json.object("cluster_id", id, "update_mask", "autotermination_minutes",
        "cluster", Json.object("autotermination_minutes", 45)));
    assertThat(get(id).get("autotermination_minutes").asInt()).isEqualTo(45);
    assertThat(get(id).get("state").asText()).isEqualTo("TERMINATED");

    api.postOk("/api/2.1/clusters/start", Json.object("cluster_id", id));
    assertThat(get(id).get("state").asText()).isEqualTo("PENDING");
    clock.advance(DELAY);
    assertThat(get(id).get("state").asText()).isEqualTo("RUNNING");

    api.postOk("/api/2.1/clusters/permanent-delete", Json.object("cluster_id", id));
    Api.Response gone = api.get("/api/2.1/clusters/get?cluster_id=" + id);
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(gone.message()).isEqualTo("Cluster " + id + " does not exist");
  }

  @Test
  void listPaginatesWithPageTokensAndFilters() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(create("c" + i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = api.getOk("/api/2.1/clusters/list" + (token == null ? "" : "?page_token=" + token));
      page.get("clusters").forEach(c -> seen.add(c.get("cluster_id").asText()));
      assertThat(page.get("clusters").size()).isLessThanOrEqualTo(2);
      token = page.path("next_page_token").asText(null);
      pages++;
    } while (token != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);

    String first = seen.get(0);
    api.postOk("/api/2.1/clusters/delete", Json.object("cluster_id", first));
    clock.advance(DELAY);
    JsonNode terminated = api.getOk(Api.query("/api/2.1/clusters/list", "filter_by.cluster_states", "TERMINATED"));
    assertThat(terminated.get("clusters")).hasSize(1);
    assertThat(terminated.get("clusters").get(0).get("cluster_id").asText()).isEqualTo(first);

    api.postOk("/api/2.1/clusters/pin", Json.object("cluster_id", seen.get(1)));
    JsonNode pinned = api.getOk("/api/2.1/clusters/list?filter_by.is_pinned=true");
    assertThat(pinned.get("clusters")).hasSize(1);

    JsonNode byName = api.getOk("/api/2.1/clusters/list?sort_by.field=CLUSTER_NAME&sort_by.direction=DESC&page_size=1");
    assertThat(byName.get("clusters").get(0).get("cluster_name").asText()).isEqualTo("c4");

    Api.Response bad = api.get("/api/2.1/clusters/list?page_token=garbage");
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void eventsArePaginatedWithNextPageAndTotalCount() {
    String id = create("events");
    clock.advance(DELAY);
    api.postOk("/api/2.1/clusters/pin", Json.object("cluster_id", id));
    api.postOk("/api/2.1/clusters/unpin", Json.object("cluster_id", id));
    api.postOk("/api/2.1/clusters/restart", Json.object("cluster_id", id));
    clock.advance(DELAY);

    List<String> types = new ArrayList<>();
    JsonNode request = Json.object("cluster_id", id, "order", "ASC");
    int pages = 0;
    while (request != null && pages++ < 10) {
      JsonNode page = api.postOk("/api/2.1/clusters/events", request);
      assertThat(page.get("total_count").asInt()).isEqualTo(6);
      page.get("events").forEach(e -> types.add(e.get("type").asText()));
      request = page.get("next_page");
    }
    assertThat(types).containsExactly("CREATING", "RUNNING", "PINNED", "UNPINNED", "RESTARTING", "RUNNING");

    JsonNode filtered = api.postOk("/api/2.1/clusters/events", Json.object("cluster_id", id,
        "event_types", Json.strings(List.of("PINNED"))));
    assertThat(filtered.get("events")).hasSize(1);
    assertThat(filtered.has("next_page")).isFalse();
    Api.Response missing = api.post("/api/2.1/clusters/events", Json.object("cluster_id", "nope"));
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void createValidatesTheRequest() {
    Api.Response noVersion = api.post("/api/2.1/clusters/create", Json.object("cluster_name", "x"));
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(noVersion.message()).contains("spark_version");
    Api.Response negative = api.post("/api/2.1/clusters/create", Json.object("spark_version", "15.4.x-scala2.12",
        "num_workers", -1));
    assertThat(negative.status()).isEqualTo(400);
    Api.Response getWithoutId = api.get("/api/2.1/clusters/get");
    assertThat(getWithoutId.status()).isEqualTo(400);
    assertThat(getWithoutId.message()).isEqualTo("Missing required field: cluster_id");
  }

  @Test
  void referenceDataIsRealistic() {
    JsonNode versions = api.getOk("/api/2.1/clusters/spark-versions").get("versions");
    assertThat(versions.size()).isGreaterThan(10);
    assertThat(versions.findValuesAsText("name")).anyMatch(n -> n.contains("LTS") && n.contains("Scala"));
    JsonNode nodes = api.getOk("/api/2.1/clusters/list-node-types").get("node_types");
    assertThat(nodes.findValuesAsText("node_type_id")).contains("i3.xlarge", "m5d.large");
    assertThat(nodes.get(0).get("memory_mb").asInt()).isPositive();
    assertThat(api.getOk("/api/2.1/clusters/list-zones").get("default_zone").asText()).isNotEmpty();
  }

  @Test
  void librariesInstallOnRunningClustersAndUninstallOnRestart() {
    String id = create("libs");
    JsonNode wheel = Json.object("whl", "/Workspace/libs/a.whl");
    api.postOk("/api/2.0/libraries/install", Json.object("cluster_id", id, "libraries",
        Json.array(List.of(wheel, Json.object("pypi", Json.object("package", "requests"))))));
    JsonNode pending = api.getOk("/api/2.0/libraries/cluster-status?cluster_id=" + id);
    assertThat(pending.get("library_statuses").findValuesAsText("status")).containsOnly("PENDING");
    clock.advance(DELAY);
    JsonNode installed = api.getOk("/api/2.0/libraries/cluster-status?cluster_id=" + id);
    assertThat(installed.get("library_statuses").findValuesAsText("status")).containsOnly("INSTALLED");
    api.postOk("/api/2.0/libraries/uninstall", Json.object("cluster_id", id, "libraries", Json.array(List.of(wheel))));
    JsonNode marked = api.getOk("/api/2.0/libraries/cluster-status?cluster_id=" + id);
    assertThat(marked.get("library_statuses").findValuesAsText("status")).contains("UNINSTALL_ON_RESTART", "INSTALLED");
    assertThat(api.getOk("/api/2.0/libraries/all-cluster-statuses").get("statuses")).hasSize(1);
    assertThat(api.get("/api/2.0/libraries/cluster-status?cluster_id=nope").status()).isEqualTo(400);
  }

  @Test
  void instancePoolsAndPoliciesHaveCrud() {
    String pool = api.postOk("/api/2.0/instance-pools/create", Json.object("instance_pool_name", "p",
        "node_type_id", "i3.xlarge", "min_idle_instances", 1)).get("instance_pool_id").asText();
    assertThat(api.getOk("/api/2.0/instance-pools/get?instance_pool_id=" + pool).get("state").asText()).isEqualTo("ACTIVE");
    api.postOk("/api/2.0/instance-pools/edit", Json.object("instance_pool_id", pool, "instance_pool_name", "p2",
        "node_type_id", "i3.xlarge"));
    assertThat(api.getOk("/api/2.0/instance-pools/list").get("instance_pools").get(0).get("instance_pool_name").asText())
        .isEqualTo("p2");
    api.postOk("/api/2.0/instance-pools/delete", Json.object("instance_pool_id", pool));
    Api.Response gone = api.get("/api/2.0/instance-pools/get?instance_pool_id=" + pool);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");

    String policy = api.postOk("/api/2.0/policies/clusters/create", Json.object("name", "small",
        "definition", "{\"num_workers\":{\"type\":\"range\",\"maxValue\":2}}")).get("policy_id").asText();
    assertThat(api.post("/api/2.0/policies/clusters/create", Json.object("name", "small")).status()).isEqualTo(400);
    assertThat(api.post("/api/2.0/policies/clusters/create", Json.object("name", "bad", "definition", "{nope")).status())
        .isEqualTo(400);
    api.postOk("/api/2.0/policies/clusters/edit", Json.object("policy_id", policy, "name", "small2",
        "definition", "{}"));
    assertThat(api.getOk("/api/2.0/policies/clusters/get?policy_id=" + policy).get("name").asText()).isEqualTo("small2");
    assertThat(api.getOk("/api/2.0/policies/clusters/list").get("policies")).hasSize(1);
    api.postOk("/api/2.0/policies/clusters/delete", Json.object("policy_id", policy));
    assertThat(api.get("/api/2.0/policies/clusters/get?policy_id=" + policy).status()).isEqualTo(404);

    JsonNode families = api.getOk("/api/2.0/policy-families");
    assertThat(families.get("policy_families")).hasSize(2);
    JsonNode rest = api.getOk("/api/2.0/policy-families?page_token=" + families.get("next_page_token").asText());
    assertThat(rest.get("policy_families")).hasSize(2);
    assertThat(api.getOk("/api/2.0/policy-families/personal-vm").get("name").asText()).isEqualTo("Personal Compute");
  }

  @Test
  void clusterPermissionsCanBeSetAndUpdated() {
    String id = create("perm");
    JsonNode initial = api.getOk("/api/2.0/permissions/clusters/" + id);
    assertThat(initial.get("object_id").asText()).isEqualTo("/clusters/" + id);
    api.ok(api.put("/api/2.0/permissions/clusters/" + id, Json.object("access_control_list", Json.array(List.of(
        Json.object("user_name", "a@example.com", "permission_level", "CAN_RESTART"))))));
    JsonNode updated = api.ok(api.patch("/api/2.0/permissions/clusters/" + id, Json.object("access_control_list",
        Json.array(List.of(Json.object("group_name", "data", "permission_level", "CAN_ATTACH_TO"))))));
    assertThat(updated.get("access_control_list").findValuesAsText("user_name")).contains("a@example.com");
    assertThat(updated.get("access_control_list").findValuesAsText("group_name")).contains("data", "admins");
    assertThat(api.put("/api/2.0/permissions/clusters/" + id, Json.object("access_control_list", Json.array(List.of(
        Json.object("user_name", "a@example.com", "permission_level", "CAN_FLY"))))).status()).isEqualTo(400);
    assertThat(api.getOk("/api/2.0/permissions/clusters/" + id + "/permissionLevels").get("permission_levels"))
        .hasSize(3);
    assertThat(api.get("/api/2.0/permissions/clusters/nope").status()).isEqualTo(404);
  }
}
