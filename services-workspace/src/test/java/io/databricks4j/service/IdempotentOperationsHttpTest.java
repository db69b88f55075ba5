package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.Json;
import io.databricks4j.core.http.Idempotent;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.service.Loopback.Answer;
import io.databricks4j.service.Loopback.Seen;
import io.databricks4j.service.compute.internal.ClustersWire;
import io.databricks4j.service.jobs.CreateJob;
import io.databricks4j.service.jobs.RunNow;
import io.databricks4j.service.jobs.internal.JobsWire;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POSTs the description calls idempotent are retried like GETs; jobs run-now carries its own token. */
class IdempotentOperationsHttpTest {
  private static final Answer BAD_GATEWAY = new Answer(502, "application/json",
      "{\"error_code\":\"BAD_GATEWAY\",\"message\":\"upstream went away\"}".getBytes(StandardCharsets.UTF_8), Map.of());

  private Loopback server;
  private WorkspaceClient w;

  @BeforeEach
  void start() throws Exception {
    server = new Loopback();
    w = new WorkspaceClient(server.client(Map.of()), Map.of());
  }

  @AfterEach
  void stop() {
    w.close();
    server.close();
  }

  @Test
  void theWireMarksRepeatablePostsOnly() {
    assertThat(marked(JobsWire.class)).contains("runNow", "submit").doesNotContain("create", "get", "reset");
    assertThat(marked(ClustersWire.class)).containsExactly("events");
  }

  @Test
  void runNowIsRetriedWithTheSameGeneratedIdempotencyToken() throws Exception {
    server.on("POST /api/2.2/jobs/run-now", BAD_GATEWAY, Answer.json("{\"run_id\":7}"));

    assertThat(w.jobs().runNow(RunNow.builder().jobId(1L).build()).response().runId()).isEqualTo(7L);

    List<Seen> posts = server.seen.stream().filter(s -> s.method().equals("POST")).toList();
    assertThat(posts).hasSize(2);
    JsonNode first = Json.mapper().readTree(posts.get(0).bodyText());
    assertThat(first.path("idempotency_token").asText()).hasSize(36);
    assertThat(Json.mapper().readTree(posts.get(1).bodyText())).isEqualTo(first);
  }

  @Test
  void aPostThatIsNotRepeatableIsNotRetriedAfterA502() {
    server.on("POST /api/2.2/jobs/create", BAD_GATEWAY, Answer.json("{\"job_id\":1}"));

    assertThatThrownBy(() -> w.jobs().create(CreateJob.builder().name("j").build()))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.statusCode()).isEqualTo(502));
    assertThat(server.seen).hasSize(1);
  }

  private static List<String> marked(Class<?> wire) {
    return Arrays.stream(wire.getMethods()).filter(m -> m.isAnnotationPresent(Idempotent.class))
        .map(Method::getName).sorted().toList();
  }
}
