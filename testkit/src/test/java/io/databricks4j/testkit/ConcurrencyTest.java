package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 64 clients at once on shared state: every write lands exactly once and every read is consistent. */
class ConcurrencyTest {
  private static final int CLIENTS = 64;
  private static final int ROUNDS = 15;
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().pageSize(7).start();
    api = new Api(ws);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  @Test
  void sixtyFourClientsCreateReadListAndDeleteWithoutLosingOrDuplicatingAnything() throws Exception {
    api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "shared"));
    Set<String> clusters = ConcurrentHashMap.newKeySet();
    Set<Long> jobs = ConcurrentHashMap.newKeySet();
    Map<String, String> files = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(pool.submit(() -> {
        go.await();
        for (int r = 0; r < ROUNDS; r++) {
          String id = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "c" + client + "-" + r,
              "spark_version", "15.4.x-scala2.12")).get("cluster_id").asText();
          clusters.add(id);
          assertThat(api.getOk("/api/2.1/clusters/get?cluster_id=" + id).get("cluster_name").asText())
              .isEqualTo("c" + client + "-" + r);
          long job = api.postOk("/api/2.2/jobs/create", Json.object("name", "j" + client + "-" + r)).get("job_id").asLong();
          jobs.add(job);
          api.postOk("/api/2.0/secrets/put", Json.object("scope", "shared", "key", "k" + client + "-" + r,
              "string_value", "v" + r));
          String path = "/shared/" + client + "/" + r + ".txt";
          api.postOk("/api/2.0/dbfs/put", Json.object("path", path, "overwrite", true, "contents",
              Base64.getEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_8))));
          files.put(path, path);
          if (r % 3 == 0) {
            api.postOk("/api/2.1/clusters/permanent-delete", Json.object("cluster_id", id));
            clusters.remove(id);
          }
          api.getOk("/api/2.1/clusters/list");
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Set<String> listed = new HashSet<>();
    List<String> listedInOrder = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = api.getOk("/api/2.1/clusters/list" + (token == null ? "" : "?page_token=" + token));
      page.get("clusters").forEach(c -> {
        listed.add(c.get("cluster_id").asText());
        listedInOrder.add(c.get("cluster_id").asText());
      });
      token = page.path("next_page_token").asText(null);
    } while (token != null && ++pages < 1000);
    assertThat(listedInOrder).doesNotHaveDuplicates();
    assertThat(listed).isEqualTo(clusters);
    assertThat(clusters).hasSize(CLIENTS * (ROUNDS - 5));
    assertThat(jobs).hasSize(CLIENTS * ROUNDS);
    assertThat(api.getOk("/api/2.0/secrets/list?scope=shared").get("secrets")).hasSize(CLIENTS * ROUNDS);
    for (int c = 0; c < CLIENTS; c++) {
      assertThat(api.getOk("/api/2.0/dbfs/list?path=/shared/" + c).get("files")).hasSize(ROUNDS);
    }
    assertThat(files).hasSize(CLIENTS * ROUNDS);
    assertThat(ws.internalErrors()).isZero();
  }

  @Test
  void concurrentIdempotentRunNowStartsOneRun() throws Exception {
    long job = api.postOk("/api/2.2/jobs/create", Json.object("name", "once", "tasks", Json.array(List.of(
        Json.object("task_key", "t", "notebook_task", Json.object("notebook_path", "/x")))))).get("job_id").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Long>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      futures.add(pool.submit(() -> api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", job,
          "idempotency_token", "same")).get("run_id").asLong()));
    }
    Set<Long> runs = new HashSet<>();
    for (Future<Long> f : futures) {
      runs.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(runs).hasSize(1);
    assertThat(api.getOk("/api/2.2/jobs/runs/list?job_id=" + job).get("runs")).hasSize(1);
  }
}
