package io.databricks4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --state-dir}, what the emulator held is there after it is stopped and started again. */
class RestartIT {
  private static final long RUN_MILLIS = 10_000;

  @TempDir
  Path dir;

  private EmulatorProcess start() {
    return EmulatorProcess.start(List.of(EmulatorProcess.java(), "-jar", ServerJarIT.JAR.toString(), "--port", "0",
        "--token", ServerJarIT.TOKEN, "--state-dir", dir.resolve("state").toString(), "--cluster-start-delay", "100",
        "--run-duration", Long.toString(RUN_MILLIS)), Map.of(), dir);
  }

  @Test
  void clustersJobsRunsSecretsAndFilesSurviveARestart() {
    String cluster;
    long job;
    long run;
    byte[] file = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    try (EmulatorProcess first = start()) {
      assertThat(first.banner()).contains("(new)");
      Http api = new Http(first.host(), ServerJarIT.TOKEN);
      cluster = api.post("/api/2.1/clusters/create", "{\"cluster_name\":\"kept\",\"spark_version\":"
          + "\"15.4.x-scala2.12\",\"num_workers\":2}").get("cluster_id").asText();
      api.await("/api/2.1/clusters/get?cluster_id=" + cluster, c -> c.path("state").asText().equals("RUNNING"),
          Duration.ofSeconds(30));
      job = api.post("/api/2.2/jobs/create", "{\"name\":\"nightly\",\"tasks\":[{\"task_key\":\"etl\","
          + "\"existing_cluster_id\":\"" + cluster + "\",\"notebook_task\":{\"notebook_path\":\"/Shared/etl\"}}]}")
          .get("job_id").asLong();
      run = api.post("/api/2.2/jobs/run-now", "{\"job_id\":" + job + "}").get("run_id").asLong();
      api.post("/api/2.0/secrets/scopes/create", "{\"scope\":\"app\"}");
      api.post("/api/2.0/secrets/put", "{\"scope\":\"app\",\"key\":\"password\",\"string_value\":\"s3cr3t\"}");
      api.post("/api/2.1/unity-catalog/volumes", "{\"catalog_name\":\"main\",\"schema_name\":\"default\","
          + "\"name\":\"landing\",\"volume_type\":\"MANAGED\"}");
      assertThat(api.send("PUT", "/api/2.0/fs/files/Volumes/main/default/landing/data.csv",
          HttpRequest.BodyPublishers.ofByteArray(file), "application/octet-stream").status()).isEqualTo(204);
      assertThat(lifeCycle(api, run)).as("the run is in progress when the emulator stops")
          .isIn("PENDING", "RUNNING");
      assertThat(first.stop()).isIn(0, 143);
    }

    try (EmulatorProcess second = start()) {
      assertThat(second.banner()).contains("(restored)");
      Http api = new Http(second.host(), ServerJarIT.TOKEN);
      JsonNode c = api.get("/api/2.1/clusters/get?cluster_id=" + cluster);
      assertThat(c.path("state").asText()).as("a running cluster is still running").isEqualTo("RUNNING");
      assertThat(c.path("num_workers").asInt()).isEqualTo(2);
      assertThat(api.get("/api/2.2/jobs/get?job_id=" + job).at("/settings/name").asText()).isEqualTo("nightly");
      JsonNode finished = api.await("/api/2.2/jobs/runs/get?run_id=" + run,
          r -> r.at("/state/life_cycle_state").asText().equals("TERMINATED"), Duration.ofSeconds(2 * RUN_MILLIS / 1000));
      assertThat(finished.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      assertThat(finished.path("end_time").asLong() - finished.path("start_time").asLong())
          .as("the run took its duration, the restart notwithstanding").isEqualTo(RUN_MILLIS);
      assertThat(new String(Base64.getDecoder().decode(api.get("/api/2.0/secrets/get?scope=app&key=password")
          .path("value").asText()), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
      Http.Response download = api.send("GET", "/api/2.0/fs/files/Volumes/main/default/landing/data.csv", null);
      assertThat(download.status()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(file);
      assertThat(second.stop()).isIn(0, 143);
    }
  }

  private static String lifeCycle(Http api, long run) {
    return api.get("/api/2.2/jobs/runs/get?run_id=" + run).at("/state/life_cycle_state").asText();
  }
}
