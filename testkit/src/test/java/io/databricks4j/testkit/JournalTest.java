package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal tells a test what its client called: bounded, clearable, over HTTP too. */
class JournalTest {
  @Test
  void recordsMethodPathQueryStatusAndOperation() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Api api = new Api(ws);
      api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "s"));
      api.get("/api/2.1/clusters/get?cluster_id=nope");
      api.get("/api/2.0/no/such/path");
      new Api(ws.host(), null).get("/testkit/health");

      List<RecordedRequest> journal = ws.journal();

      assertThat(journal).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status,
          RecordedRequest::operation).containsExactly(
              org.assertj.core.groups.Tuple.tuple("POST", "/api/2.0/secrets/scopes/create", 200, "Secrets.createScope"),
              org.assertj.core.groups.Tuple.tuple("GET", "/api/2.1/clusters/get", 400, "Clusters.get"),
              org.assertj.core.groups.Tuple.tuple("GET", "/api/2.0/no/such/path", 404, ""));
      assertThat(journal.get(1).query()).isEqualTo("cluster_id=nope");
      assertThat(journal.get(0).sequence()).isLessThan(journal.get(1).sequence());
    }
  }

  @Test
  void keepsTheNewestWhenFullAndClears() {
    try (LocalWorkspace ws = LocalWorkspace.builder().journalSize(2).start()) {
      Api api = new Api(ws);
      for (int i = 0; i < 5; i++) {
        api.get("/api/2.1/clusters/list?i=" + i);
      }
      assertThat(ws.journal()).extracting(RecordedRequest::query).containsExactly("i=3", "i=4");
      Api control = new Api(ws.host(), null);
      JsonNode json = control.getOk("/testkit/journal");
      assertThat(json.get("entries")).hasSize(2);
      assertThat(json.get("dropped").asLong()).isEqualTo(3);
      assertThat(json.at("/entries/1/operation").asText()).isEqualTo("Clusters.list");

      assertThat(control.delete("/testkit/journal").status()).isEqualTo(200);
      assertThat(ws.journal()).isEmpty();
    }
  }

  @Test
  void healthSaysWhatRuns() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      JsonNode health = new Api(ws.host(), null).getOk("/testkit/health");
      assertThat(health.get("status").asText()).isEqualTo("OK");
      assertThat(health.get("host").asText()).isEqualTo(ws.host());
      assertThat(health.get("sql").asBoolean()).isFalse();
    }
  }
}
