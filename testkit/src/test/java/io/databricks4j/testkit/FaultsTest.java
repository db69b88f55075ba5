package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.FaultPlan.Fault;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.RawHttp;
import java.io.IOException;
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

  private static final String LIST = "/api/2.0/secrets/scopes/list";

  private RawHttp.Answer raw(String method, String path, String json, long waitMillis) throws IOException {
    return RawHttp.exchange(ws.port(), method, path, ws.token(), json, waitMillis, true);
  }

  /** A rule that gives every request to the secrets API one kind of fault. */
  private void always(Fault kind) {
    ws.faults().clear().add(FaultRule.forPaths("/api/2\\.0/secrets/.*").fault(kind, 100)
        .retryAfter(Duration.ofSeconds(2)).stall(Duration.ofMillis(400)).build());
  }

  @Test
  void throttlingAndUnavailabilityComeWithAndWithoutRetryAfterAndGatewaysAnswerHtml() throws IOException {
    always(Fault.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER);
    Api.Response r = api.get(LIST);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isNull();
    always(Fault.UNAVAILABLE_WITH_RETRY_AFTER);
    r = api.get(LIST);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isEqualTo("2");
    always(Fault.INTERNAL_ERROR);
    assertThat(api.get(LIST).errorCode()).isEqualTo("INTERNAL_ERROR");
    for (Fault gateway : List.of(Fault.BAD_GATEWAY, Fault.GATEWAY_TIMEOUT)) {
      always(gateway);
      r = api.get(LIST);
      assertThat(r.status()).isEqualTo(gateway == Fault.BAD_GATEWAY ? 502 : 504);
      assertThat(r.header("Content-Type")).isEqualTo("text/html");
      assertThat(r.text()).startsWith("<html>");
    }
    assertThat(ws.internalErrors()).as("injected answers are not failures of the emulator").isZero();
    assertThat(ws.faults().injected(Fault.BAD_GATEWAY)).isEqualTo(1);
  }

  @Test
  void aRequestDroppedAfterProcessingTookEffectButGotNoAnswer() throws IOException {
    always(Fault.DROPPED_AFTER_PROCESSING);
    RawHttp.Answer a = raw("POST", "/api/2.0/secrets/scopes/create", "{\"scope\":\"dropped\"}", 5_000);
    assertThat(a.head()).isEmpty();
    assertThat(a.closed()).isTrue();
    ws.faults().clear();
    assertThat(api.getOk(LIST).get("scopes")).hasSize(1);
    assertThat(api.getOk(LIST).at("/scopes/0/name").asText()).isEqualTo("dropped");
  }

  @Test
  void aConnectionResetServesNothing() throws IOException {
    always(Fault.CONNECTION_RESET);
    RawHttp.Answer a = raw("POST", "/api/2.0/secrets/scopes/create", "{\"scope\":\"never\"}", 5_000);
    assertThat(a.head()).isEmpty();
    assertThat(a.closed()).isTrue();
    ws.faults().clear();
    assertThat(api.getOk(LIST).path("scopes")).isEmpty();
  }

  @Test
  void aTruncatedBodyEndsHalfwayUnderItsContentLengthOrWithoutItsLastChunk() throws IOException {
    api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "a-scope-with-a-long-enough-name"));
    byte[] whole = api.get(LIST).body();

    always(Fault.TRUNCATED_BODY);
    RawHttp.Answer fixed = raw("GET", LIST, null, 5_000);
    assertThat(fixed.status()).isEqualTo(200);
    assertThat(fixed.header("Content-Length")).isEqualTo(Integer.toString(whole.length));
    assertThat(fixed.body()).hasSize(whole.length / 2);
    assertThat(fixed.closed()).isTrue();

    always(Fault.TRUNCATED_CHUNKED_BODY);
    RawHttp.Answer chunked = raw("GET", LIST, null, 5_000);
    assertThat(chunked.status()).isEqualTo(200);
    assertThat(chunked.chunked()).isTrue();
    assertThat(chunked.header("Content-Length")).isNull();
    assertThat(chunked.closed()).isTrue();
    String text = chunked.text();
    assertThat(text).as("half the JSON in one chunk, and no last chunk").startsWith(Integer.toHexString(whole.length / 2) + "\r\n")
        .doesNotEndWith("0\r\n\r\n");
    assertThat(ws.faults().injected(Fault.TRUNCATED_CHUNKED_BODY)).isEqualTo(1);
  }

  @Test
  void stallsHoldBackTheHeadersOrTheSecondHalfOfTheBody() throws IOException {
    api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "a-scope-with-a-long-enough-name"));
    byte[] whole = api.get(LIST).body();

    always(Fault.STALLED_HEADERS);
    RawHttp.Answer headers = RawHttp.exchange(ws.port(), "GET", LIST, ws.token(), null, 5_000, false);
    assertThat(headers.headAtMillis()).isGreaterThanOrEqualTo(380);
    assertThat(headers.body()).isEqualTo(whole);

    always(Fault.STALLED_BODY);
    RawHttp.Answer body = RawHttp.exchange(ws.port(), "GET", LIST, ws.token(), null, 5_000, false);
    assertThat(body.headAtMillis()).isLessThan(300);
    assertThat(body.bodyEndMillis() - body.bodyStartMillis()).isGreaterThanOrEqualTo(380);
    assertThat(body.body()).isEqualTo(whole);
  }

  @Test
  void aConnectionClosedAfterAnAnswerGotAllOfItWithoutBeingTold() throws IOException {
    always(Fault.CLOSED_AFTER_ANSWER);
    RawHttp.Answer a = raw("GET", LIST, null, 5_000);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Connection")).isNull();
    assertThat(a.body()).hasSize(Integer.parseInt(a.header("Content-Length")));
    assertThat(a.closed()).as("closed by the server, not left idle until the wait ends").isTrue();

    ws.faults().clear();
    RawHttp.Answer kept = raw("GET", LIST, null, 1_000);
    assertThat(kept.closed()).as("without the fault the connection stays open").isFalse();
  }

  @Test
  void everyKindIsSettableOverHttp() {
    Api control = new Api(ws.host(), null);
    JsonNode plan = control.postOk("/testkit/faults", Json.object("seed", 1, "rules", Json.array(List.of(
        Json.object("path", ".*", "truncated_chunked_body_percent", 100, "stall_ms", 300)))));
    assertThat(plan.at("/rules/0/truncated_chunked_body_percent").asDouble()).isEqualTo(100);
    assertThat(plan.at("/rules/0/stall_ms").asLong()).isEqualTo(300);
    assertThat(ws.faults().rules().get(0).percent(Fault.TRUNCATED_CHUNKED_BODY)).isEqualTo(100);
    assertThat(ws.faults().rules().get(0).stall()).isEqualTo(Duration.ofMillis(300));
    assertThatThrownBy(() -> api.get(LIST)).isInstanceOf(UncheckedIOException.class);
    assertThat(control.getOk("/testkit/faults").at("/injected/truncated_chunked_body").asLong()).isPositive();
  }

  @Test
  void theKindsOfOneRuleAreDrawnInTheirShares() {
    FaultRule.Builder rule = FaultRule.forPaths("/api/2\\.0/secrets/.*").methods("GET");
    List<Fault> statuses = List.of(Fault.TOO_MANY_REQUESTS, Fault.UNAVAILABLE, Fault.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER,
        Fault.UNAVAILABLE_WITH_RETRY_AFTER, Fault.INTERNAL_ERROR, Fault.BAD_GATEWAY, Fault.GATEWAY_TIMEOUT);
    statuses.forEach(k -> rule.fault(k, 10));
    ws.faults().seed(5).add(rule.build());
    List<Integer> seen = statuses(300);
    for (Fault k : statuses) {
      assertThat(ws.faults().injected(k)).as(k.name()).isBetween(12L, 55L);
    }
    assertThat(seen).contains(200, 429, 503, 500, 502, 504);
    assertThatThrownBy(() -> FaultRule.forAllPaths().fault(Fault.LATENCY, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
