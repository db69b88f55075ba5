package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.start();
    api = new Api(ws);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  private List<Integer> statuses(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(api.get("/api/2.0/secrets/scopes/list").status());
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameFaultsAndPercentagesHold() {
    FaultRule rule = FaultRule.forPaths("/api/2\\.0/secrets/.*").tooManyRequests(15).unavailable(15).build();
    ws.faults().seed(42).add(rule);
    List<Integer> first = statuses(400);
    ws.faults().seed(42);
    List<Integer> second = statuses(400);
    assertThat(second).isEqualTo(first);
    long errors = first.stream().filter(s -> s != 200).count();
    assertThat(errors).isBetween(80L, 160L);
    assertThat(first).contains(429, 503, 200);
    ws.faults().seed(7);
    assertThat(statuses(400)).isNotEqualTo(first);
    assertThat(ws.faults().injected(FaultPlan.Fault.TOO_MANY_REQUESTS)).isPositive();

    ws.faults().clear();
    assertThat(statuses(50)).containsOnly(200);
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAndOtherPathsAreUntouched() {
    ws.faults().add(FaultRule.forPaths("/api/2\\.1/clusters/.*").methods("GET").tooManyRequests(100)
        .retryAfter(Duration.ofSeconds(3)).build());
    Api.Response r = api.get("/api/2.1/clusters/list");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("3");
    assertThat(r.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(api.post("/api/2.1/clusters/create", Json.object()).status()).isEqualTo(400);
    assertThat(api.get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
  }

  @Test
  void connectionResetClosesWithoutAnAnswerAndLimitStopsInjecting() {
    // POST: java.net.http retries a GET once by itself when the connection drops
    ws.faults().add(FaultRule.forAllPaths().methods("POST").connectionReset(100).limit(2).build());
    assertThatThrownBy(() -> api.post("/api/2.0/secrets/scopes/create", Json.object("scope", "a")))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> api.post("/api/2.0/secrets/scopes/create", Json.object("scope", "a")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(api.post("/api/2.0/secrets/scopes/create", Json.object("scope", "a")).status()).isEqualTo(200);
    assertThat(api.getOk("/api/2.0/secrets/scopes/list").get("scopes")).hasSize(1);
    assertThat(ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET)).isEqualTo(2);
  }

  @Test
  void latencyDelaysMatchingRequests() {
    ws.faults().add(FaultRule.forPaths("/api/2\\.0/secrets/.*").latency(Duration.ofMillis(30)).build());
    api.get("/api/2.0/secrets/scopes/list");
    assertThat(ws.faults().injected(FaultPlan.Fault.LATENCY)).isEqualTo(1);
  }

  @Test
  void thePlanIsSettableOverHttpAndTestkitPathsAreNeverFaulted() {
    Api control = new Api(ws.host(), null);
    JsonNode plan = control.postOk("/testkit/faults", Json.object("seed", 3, "rules", Json.array(List.of(
        Json.object("path", ".*", "unavailable_percent", 100)))));
    assertThat(plan.get("rules")).hasSize(1);
    Api.Response r = api.get("/api/2.0/secrets/scopes/list");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo("TEMPORARILY_UNAVAILABLE");
    assertThat(control.getOk("/testkit/faults").at("/injected/unavailable").asLong()).isEqualTo(1);
    assertThat(ws.faults().rules()).hasSize(1);
    assertThat(control.send("DELETE", "/testkit/faults", null, java.util.Map.of()).status()).isEqualTo(200);
    assertThat(api.get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
    assertThat(control.post("/testkit/faults", Json.object("rules", Json.array(List.of(Json.object("path", "(",
        "unavailable_percent", 1))))).status()).isEqualTo(400);
    assertThat(control.post("/testkit/faults", Json.object("rules", Json.array(List.of(Json.object(
        "unavailable_percent", 80, "too_many_requests_percent", 30))))).status()).isEqualTo(400);
    assertThat(control.getOk("/testkit/health").get("status").asText()).isEqualTo("OK");
  }

  @Test
  void invalidRulesAreRefused() {
    assertThatThrownBy(() -> FaultRule.forAllPaths().tooManyRequests(60).unavailable(50).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.forAllPaths().connectionReset(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
