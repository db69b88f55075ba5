package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.core.error.PrivateLinkValidationError;
import io.databricks4j.core.retry.FakeTime;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.error.TemporarilyUnavailable;
import io.databricks4j.error.Unauthenticated;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.databricks4j.http.NameResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpPipelineTest {
  private final LocalServer server = LocalServer.start();
  private final FakeTime time = new FakeTime();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpPipeline.Builder pipeline() {
    return HttpPipeline.builder().baseUrl(server.baseUrl()).clock(time).sleeper(time.sleeper());
  }

  private static HttpRequest get(String path) {
    return HttpRequest.builder("GET", path).build();
  }

  @Test
  void retriesOn503HonouringRetryAfter() {
    server.script(false,
        LocalServer.Reply.of(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}", "Retry-After", "7"),
        LocalServer.Reply.of(200, "{\"ok\":true}", "Content-Type", "application/json"));
    try (HttpPipeline p = pipeline().build()) {
      assertThat(p.execute(get("/api/2.0/clusters/list")).bodyAsString()).isEqualTo("{\"ok\":true}");
    }
    assertThat(server.received()).hasSize(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backoffGrowsExponentiallyWithoutRetryAfter() {
    server.script(false, LocalServer.Reply.of(503, ""), LocalServer.Reply.of(503, ""), LocalServer.Reply.of(429, ""),
        LocalServer.Reply.of(200, "{}"));
    try (HttpPipeline p = pipeline().build()) {
      p.execute(get("/x")).close();
    }
    assertThat(time.sleeps()).hasSize(3);
    long[] base = {1000, 2000, 4000};
    for (int i = 0; i < 3; i++) {
      assertThat(time.sleeps().get(i).toMillis()).isBetween(base[i], base[i] + 750);
    }
  }

  @Test
  void aPostOfTheOfficialAllowListIsSentAgainAfterTheConnectionDropsAndAnyOtherPostIsNot() {
    server.script(false, LocalServer.Reply.drop(), LocalServer.Reply.of(200, "{}"));
    try (HttpPipeline p = pipeline().build()) {
      p.execute(HttpRequest.builder("POST", "/api/2.0/sql/sessions").body(RequestBody.json("{}")).build()).close();
    }
    assertThat(server.received()).hasSize(2);

    server.script(false, LocalServer.Reply.drop(), LocalServer.Reply.of(200, "{}"));
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("POST", "/api/2.1/jobs/create")
          .body(RequestBody.json("{}")).build())).isInstanceOf(DatabricksException.class);
    }
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void neverResendsNonReplayableBody() {
    server.script(false, LocalServer.Reply.of(503, ""), LocalServer.Reply.of(200, "{}"));
    RequestBody body = RequestBody.of(new ByteArrayInputStream("file-contents".getBytes(StandardCharsets.UTF_8)), 13,
        RequestBody.OCTET_STREAM);
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("PUT", "/api/2.0/fs/files/a").body(body).build()))
          .isInstanceOf(TemporarilyUnavailable.class);
    }
    assertThat(server.received()).hasSize(1);
    assertThat(server.received().get(0).bodyText()).isEqualTo("file-contents");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void neverResendsNonReplayableBodyAfterAnIoErrorEvenWhenIdempotent() {
    server.script(false, LocalServer.Reply.drop(), LocalServer.Reply.of(200, "{}"));
    RequestBody body = RequestBody.of(new ByteArrayInputStream(new byte[1000]), -1, RequestBody.OCTET_STREAM);
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("PUT", "/api/2.0/fs/files/a").body(body).build()))
          .isExactlyInstanceOf(DatabricksException.class)
          .hasCauseInstanceOf(IOException.class);
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void sendsNonReplayableBodyAfterAConnectionFailureBeforeAnythingWasSent() {
    server.script(false, LocalServer.Reply.of(200, "{}"));
    AtomicInteger lookups = new AtomicInteger();
    NameResolver refuseFirst = TestDns.of(host -> new InetAddress[] {
        InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (lookups.incrementAndGet() == 1 ? 2 : 1)})});
    RequestBody body = RequestBody.of(new ByteArrayInputStream("payload".getBytes(StandardCharsets.UTF_8)), 7,
        RequestBody.OCTET_STREAM);
    try (HttpPipeline p = pipeline().baseUrl("http://workspace.test:" + server.port()).nameResolver(refuseFirst).build()) {
      p.execute(HttpRequest.builder("POST", "/api/2.0/upload").body(body).build()).close();
    }
    assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.bodyText()).isEqualTo("payload"));
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void givesUpWithAttemptsAndElapsedInTheMessage() {
    server.always(LocalServer.Reply.of(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"));
    try (HttpPipeline p = pipeline().retryTimeout(Duration.ofSeconds(10)).build()) {
      assertThatThrownBy(() -> p.execute(get("/api/2.0/jobs/list")))
          .isExactlyInstanceOf(TemporarilyUnavailable.class)
          .satisfies(t -> {
            DatabricksError e = (DatabricksError) t;
            assertThat(e.response().attempts()).isEqualTo(4).isEqualTo(server.received().size());
            assertThat(e.response().elapsed()).isPresent();
            assertThat(e.getMessage()).matches("GET /api/2\\.0/jobs/list: 503 TEMPORARILY_UNAVAILABLE: busy\\. Gave up: "
                + "raise retry_timeout_seconds \\(now 10 s\\) to wait longer\\. \\(call [0-9a-f]{4}, 4 attempts in \\d+\\.\\d s\\)");
            assertThat(e.serviceMessage()).isEqualTo("busy");
            assertThat(e.getCause()).isInstanceOf(TemporarilyUnavailable.class);
          });
    }
  }

  @Test
  void ioFailuresGiveUpNamingHostAttemptsAndTimeWithTheIoExceptionAsCause() {
    server.always(LocalServer.Reply.drop());
    try (HttpPipeline p = pipeline().retryTimeout(Duration.ofSeconds(10)).build()) {
      assertThatThrownBy(() -> p.execute(get("/api/2.0/jobs/list")))
          .isExactlyInstanceOf(DatabricksException.class)
          .hasMessageStartingWith("GET /api/2.0/jobs/list: the connection was lost while the answer arrived: ")
          .hasMessageContaining(", 4 attempts in ")
          .hasMessageContaining("Raise retry_timeout_seconds (now 10 s)")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void disableRetriesMakesOneAttempt() {
    server.always(LocalServer.Reply.of(429, ""));
    try (HttpPipeline p = pipeline().disableRetries(true).build()) {
      assertThatThrownBy(() -> p.execute(get("/x"))).isInstanceOf(DatabricksError.class);
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void rateLimitSpacesAttempts() {
    server.always(LocalServer.Reply.of(200, "{}"));
    List<Duration> waits = time.sleeps();
    long start = System.nanoTime();
    try (HttpPipeline p = pipeline().rateLimit(5).build()) {
      for (int i = 0; i < 6; i++) {
        p.execute(get("/x")).close();
      }
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // the sleeper does not wait, so permits are reserved ever further ahead: 200 ms apart at 5/s
    assertThat(waits).hasSize(6);
    assertThat(waits.get(5).toMillis() + elapsedMs).isGreaterThanOrEqualTo(950);
    for (int i = 1; i < 6; i++) {
      assertThat(waits.get(i)).isGreaterThanOrEqualTo(waits.get(i - 1));
    }
  }

  @Test
  void headersAreAskedForOnEveryAttemptSoARefreshedTokenApplies() {
    server.script(false, LocalServer.Reply.of(503, ""), LocalServer.Reply.of(200, "{}"));
    AtomicInteger n = new AtomicInteger();
    try (HttpPipeline p = pipeline()
        .headers(() -> Map.of("Authorization", "Bearer token-" + n.incrementAndGet()))
        .staticHeader("X-Databricks-Workspace-Id", "123")
        .userAgent("test/1.0.0 databricks4j/0.0.0")
        .interceptor(b -> b.header("X-Attempt", String.valueOf(n.get())))
        .build()) {
      p.execute(get("/x")).close();
    }
    assertThat(server.received()).extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(server.received()).extracting(r -> r.header("X-Attempt")).containsExactly("1", "2");
    assertThat(server.received().get(0).header("X-Databricks-Workspace-Id")).isEqualTo("123");
    assertThat(server.received().get(0).header("User-Agent")).isEqualTo("test/1.0.0 databricks4j/0.0.0");
  }

  @Test
  void queryParametersAreEncodedInOrder() {
    server.always(LocalServer.Reply.of(200, "{}"));
    try (HttpPipeline p = pipeline().build()) {
      p.execute(HttpRequest.builder("GET", "/api/2.1/jobs/list").query("name", "a b&c").query("id", "1")
          .query("id", "2").build()).close();
    }
    assertThat(server.received().get(0).rawQuery()).isEqualTo("name=a%20b%26c&id=1&id=2");
  }

  @Test
  void theEndpointOverrideTurnsAMissingClusterIntoResourceDoesNotExist() {
    server.always(LocalServer.Reply.of(400,
        "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Cluster 0123 does not exist\"}"));
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("GET", "/api/2.1/clusters/get").query("cluster_id", "0123")
          .build()))
          .isExactlyInstanceOf(ResourceDoesNotExist.class)
          .hasMessageMatching("GET /api/2\\.1/clusters/get: 400 INVALID_PARAMETER_VALUE: Cluster 0123 does not exist "
              + "\\(call [0-9a-f]{4}\\)")
          .satisfies(e -> assertThat(((DatabricksError) e).serviceMessage()).isEqualTo("Cluster 0123 does not exist"));
    }
  }

  @Test
  void authFailuresSayWhichConfigurationWasUsed() {
    server.always(LocalServer.Reply.of(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid access token.\"}"));
    try (HttpPipeline p = pipeline().errorContext(() -> "Config: host=https://x, auth_type=pat").build()) {
      assertThatThrownBy(() -> p.execute(get("/x")))
          .isExactlyInstanceOf(Unauthenticated.class)
          .hasMessageMatching("GET /x: 401 UNAUTHENTICATED: Invalid access token\\. Config: host=https://x, "
              + "auth_type=pat \\(call [0-9a-f]{4}\\)");
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aPrivateLinkRedirectIsAPermissionError() {
    server.script(false,
        LocalServer.Reply.of(302, "", "Location", "/login.html?error=private-link-validation-error:123"),
        LocalServer.Reply.of(200, "<html>login</html>", "Content-Type", "text/html"));
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(get("/api/2.0/clusters/list")))
          .isExactlyInstanceOf(PrivateLinkValidationError.class)
          .hasMessageContaining("AWS PrivateLink")
          .satisfies(e -> assertThat(((DatabricksError) e).statusCode()).isEqualTo(403));
    }
  }

  @Test
  void anHtmlPageWhereJsonWasExpectedIsAnErrorSayingWhatToCheck() {
    server.always(LocalServer.Reply.of(200, "<html><body>Sign in</body></html>", "Content-Type", "text/html"));
    try (HttpPipeline p = pipeline().build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("GET", "/api/2.0/x").header("Accept", "application/json")
          .build()))
          .hasMessageContaining("received HTML response instead of JSON")
          .hasMessageContaining("Check that the host");
    }
  }

  @Test
  void theDefaultPoolServesSixteenConcurrentCallersAtOnce() throws Exception {
    int callers = 16;
    CountDownLatch inFlight = new CountDownLatch(callers);
    server.always((ex, req) -> {
      inFlight.countDown();
      boolean all = await(inFlight);
      LocalServer.Reply.of(all ? 200 : 500, all ? "{}" : "{\"message\":\"callers were queued\"}").send(ex, req);
    });
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try (HttpPipeline p = pipeline().disableRetries(true).build()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          try (HttpResponse r = p.execute(get("/x"))) {
            return r.status();
          }
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void sendsThroughAnExplicitProxyWithItsCredentialsOnTheFirstRequest() {
    server.script(false, LocalServer.Reply.of(200, "{}"));
    try (HttpPipeline p = pipeline().baseUrl("http://workspace.invalid")
        .proxy("127.0.0.1", server.port()).proxyCredentials("user", "pw").build()) {
      p.execute(get("/api/2.0/x")).close();
    }
    // Basic credentials go with the first request, not after a 407 round trip
    assertThat(server.received()).hasSize(1);
    assertThat(server.received().get(0).header("Host")).isEqualTo("workspace.invalid");
    assertThat(server.received().get(0).header("Proxy-Authorization"))
        .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("user:pw".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anUnknownHostFailsAtOnceNamingTheHostAndWhereItWasConfigured() {
    server.always(LocalServer.Reply.of(200, "{}"));
    AtomicInteger lookups = new AtomicInteger();
    NameResolver none = TestDns.of(host -> {
      lookups.incrementAndGet();
      throw new UnknownHostException(host);
    });
    try (HttpPipeline p = pipeline().baseUrl("http://workspace.test:" + server.port()).hostSource("DATABRICKS_HOST")
        .nameResolver(none).build()) {
      assertThatThrownBy(() -> p.execute(HttpRequest.builder("GET", "/api/2.0/x").build()))
          .isExactlyInstanceOf(DatabricksException.class)
          .hasMessageContaining("GET /api/2.0/x: cannot resolve host workspace.test (host from DATABRICKS_HOST)")
          .hasMessageContaining("Check the host for a typo")
          .hasRootCauseInstanceOf(UnknownHostException.class);
    }
    assertThat(lookups).hasValue(1);
    assertThat(server.received()).isEmpty();
    assertThat(time.sleeps()).isEmpty();
  }
}
