package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.EveryKindOfRecord;
import io.databricks4j.testkit.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a state directory, a workspace carries on after a restart from where it was. */
class StateDirectoryTest {
  private static final Duration START = Duration.ofSeconds(2);
  private static final Duration RUN = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private final MutableClock clock = MutableClock.atFixedStart();

  private LocalWorkspace start() {
    return LocalWorkspace.builder().stateDirectory(dir).token("dapi-state").clock(clock).clusterStartDelay(START)
        .runDuration(RUN).start();
  }

  @Test
  void everyEmulationGetsBackWhatItHeldAfterARestart() {
    Map<String, JsonNode> before;
    Map<String, JsonNode> fresh;
    try (LocalWorkspace first = start()) {
      fresh = first.server().state().snapshot();
      EveryKindOfRecord.create(new Api(first), first.accountId());
      before = first.server().state().snapshot();
      assertThat(first.internalErrors()).isZero();
    }
    assertThat(before).allSatisfy((name, state) -> assertThat(state)
        .as("the scenario makes a record of %s", name).isNotEqualTo(fresh.get(name)));

    try (LocalWorkspace second = start()) {
      Map<String, JsonNode> after = second.server().state().snapshot();
      assertThat(after).containsOnlyKeys(before.keySet());
      // compared as text: a number read from disk may be an int where the live record held a long
      before.forEach((name, state) -> assertThat(Json.text(after.get(name))).as(name).isEqualTo(Json.text(state)));
      assertThat(second.server().state().restored()).isTrue();
    }
  }

  @Test
  void recordsReadBackThroughTheApiAndClocksCarryOn() {
    EveryKindOfRecord made;
    try (LocalWorkspace first = start()) {
      Api api = new Api(first);
      made = EveryKindOfRecord.create(api, first.accountId());
      clock.advance(START.plusMillis(1));
      assertThat(api.getOk("/api/2.1/clusters/get?cluster_id=" + made.clusterId).get("state").asText())
          .isEqualTo("RUNNING");
      clock.advance(RUN.dividedBy(4));
      assertThat(runState(api, made.runId)).isEqualTo("PENDING");
      clock.advance(RUN.dividedBy(2));
      assertThat(runState(api, made.runId)).isEqualTo("RUNNING");
    }
    clock.advance(Duration.ofSeconds(5));

    try (LocalWorkspace second = start()) {
      Api api = new Api(second);
      JsonNode cluster = api.getOk("/api/2.1/clusters/get?cluster_id=" + made.clusterId);
      assertThat(cluster.get("state").asText()).as("a running cluster stays running").isEqualTo("RUNNING");
      assertThat(cluster.get("cluster_name").asText()).isEqualTo("kept");
      assertThat(runState(api, made.runId)).as("the run is still in progress").isEqualTo("RUNNING");
      clock.advance(RUN);
      JsonNode run = api.getOk("/api/2.2/jobs/runs/get?run_id=" + made.runId);
      assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
      assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      assertThat(run.get("end_time").asLong() - run.get("start_time").asLong())
          .as("the run ends when it would have without the restart").isEqualTo(RUN.toMillis());

      assertThat(api.getOk("/api/2.2/jobs/get?job_id=" + made.jobId).at("/settings/name").asText()).isEqualTo("nightly");
      assertThat(api.getOk("/api/2.0/secrets/get?scope=app&key=password").get("value").asText())
          .isEqualTo(EveryKindOfRecord.b64("s3cr3t"));
      assertThat(api.getOk("/api/2.0/dbfs/read?path=/tmp/small.txt").get("data").asText())
          .isEqualTo(EveryKindOfRecord.b64("hello"));
      assertThat(api.get("/api/2.0/fs/files/Volumes/main/default/landing/large.bin").body()).isEqualTo(made.largeFile);
      assertThat(api.getOk("/api/2.0/workspace/get-status?path=/Shared/etl").get("object_type").asText())
          .isEqualTo("NOTEBOOK");
      assertThat(api.getOk("/api/2.0/workspace/export?path=/Shared/etl&format=SOURCE").get("content").asText())
          .isNotEmpty();
      assertThat(new Api(second.host(), made.tokenValue).get("/api/2.0/token/list").status())
          .as("a token made before the restart still authenticates").isEqualTo(200);
      assertThat(api.getOk("/api/2.0/preview/scim/v2/Users/" + made.userId).get("userName").asText())
          .isEqualTo("ada@example.com");
      assertThat(api.getOk("/api/2.0/sql/warehouses/" + made.warehouseId).get("state").asText()).isEqualTo("RUNNING");
      assertThat(api.getOk("/api/2.1/unity-catalog/schemas/sales.raw").get("full_name").asText()).isEqualTo("sales.raw");
      assertThat(api.getOk("/api/2.0/apps/" + made.appName).get("description").asText()).isEqualTo("kept");
      assertThat(api.getOk("/api/2.0/libraries/cluster-status?cluster_id=" + made.clusterId).get("library_statuses"))
          .hasSize(1);
      String id = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "new", "spark_version",
          "15.4.x-scala2.12", "num_workers", 0)).get("cluster_id").asText();
      assertThat(id).as("ids made after a restart do not repeat restored ones").isNotEqualTo(made.clusterId);
      assertThat(second.internalErrors()).isZero();
    }
  }

  @Test
  void everyChangeIsOnDiskBeforeItsAnswer() throws IOException {
    try (LocalWorkspace ws = start()) {
      Api api = new Api(ws);
      String id = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "disk", "spark_version",
          "15.4.x-scala2.12")).get("cluster_id").asText();
      assertThat(Files.readString(dir.resolve("clusters.json"))).contains(id);
      api.postOk("/api/2.1/clusters/permanent-delete", Json.object("cluster_id", id));
      assertThat(Files.readString(dir.resolve("clusters.json"))).doesNotContain(id);
      api.volume("main.default.v");
      api.send("PUT", "/api/2.0/fs/files/Volumes/main/default/v/a.bin", new byte[] {1, 2, 3},
          Map.of("Content-Type", "application/octet-stream"));
      assertThat(blobs()).hasSize(1);
      api.send("DELETE", "/api/2.0/fs/files/Volumes/main/default/v/a.bin", null, Map.of());
      assertThat(blobs()).as("the contents of a deleted file go too").isEmpty();
    }
  }

  @Test
  void aDamagedStateFileStopsTheStartSayingWhichOne() throws IOException {
    try (LocalWorkspace ws = start()) {
      new Api(ws).postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "x"));
    }
    Files.writeString(dir.resolve("secrets.json"), "{not json");
    assertThatThrownBy(this::start).hasMessageContaining("secrets.json").hasMessageContaining("delete the file");
    Files.writeString(dir.resolve("format.json"), "{\"format\": 99}");
    assertThatThrownBy(this::start).hasMessageContaining("format 99");
  }

  @Test
  void resetEmptiesTheStateDirectoryToo() {
    try (LocalWorkspace ws = start()) {
      new Api(ws).postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "gone"));
      ws.reset();
    }
    try (LocalWorkspace ws = start()) {
      assertThat(new Api(ws).getOk("/api/2.0/secrets/scopes/list").path("scopes")).isEmpty();
    }
  }

  private Stream<Path> blobs() throws IOException {
    return Files.list(dir.resolve("blobs")).toList().stream();
  }

  private static String runState(Api api, long runId) {
    return api.getOk("/api/2.2/jobs/runs/get?run_id=" + runId).at("/state/life_cycle_state").asText();
  }
}
