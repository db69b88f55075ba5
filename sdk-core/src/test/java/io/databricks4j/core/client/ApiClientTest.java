package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sun.net.httpserver.HttpServer;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.core.http.QueryParams;
import io.databricks4j.error.ResourceDoesNotExist;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {
  /** A wire interface as the generator writes them. */
  interface ThingsWire {
    @RequestLine("GET /api/2.0/things/{thing_id}")
    Thing get(@Param("thing_id") String id, @QueryMap Map<String, Object> query);

    @RequestLine("POST /api/2.0/things/create")
    Thing create(Thing body);
  }

  /** A model with wire names. */
  public static final class Thing {
    @JsonProperty("thing_id")
    public String thingId;

    @JsonProperty("display_name")
    public String displayName;
  }

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
  private final AtomicInteger configured = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())
          + " auth=" + ex.getRequestHeaders().getFirst("Authorization") + " body=" + body
          + " ua=" + ex.getRequestHeaders().getFirst("User-Agent"));
      byte[] out;
      int status = 200;
      if (ex.getRequestURI().getPath().endsWith("/missing")) {
        status = 404;
        out = "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Thing missing does not exist\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        out = "{\"thing_id\":\"t 1\",\"display_name\":\"hello\",\"unknown_field\":[1,2]}".getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ApiClient client() {
    CredentialsStrategy counting = new CredentialsStrategy() {
      @Override
      public String authType() {
        return "counting";
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        configured.incrementAndGet();
        return Optional.of(() -> Map.of("Authorization", "Bearer abc"));
      }
    };
    DatabricksConfig config = DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:" + server.getAddress().getPort())
        .credentialsStrategy(counting)
        .build();
    return ApiClient.create(config);
  }

  @Test
  void creatingAClientResolvesNoCredentialsAndSendsNothing() {
    try (ApiClient api = client()) {
      assertThat(configured).hasValue(0);
      // a wire is built for a call about to be made: it may warm the pipeline up, but sends nothing
      api.wire(ThingsWire.class);
      assertThat(seen).isEmpty();
      assertThat(configured).hasValueLessThanOrEqualTo(1);
    }
  }

  @Test
  void feignCallsGoThroughThePipelineWithAuthAndUserAgent() {
    try (ApiClient api = client()) {
      Thing t = api.wire(ThingsWire.class).get("a b/c", QueryParams.create().add("include", List.of("x", "y")).add("flag", true).toMap());
      assertThat(t.thingId).isEqualTo("t 1");
      assertThat(t.displayName).isEqualTo("hello");
      String line = seen.peek();
      assertThat(line).startsWith("GET /api/2.0/things/a%20b");
      assertThat(line).contains("include=x&include=y").contains("flag=true").contains("auth=Bearer abc");
      assertThat(line).contains(" databricks4j/").contains(" jvm/").contains(" auth/counting");
    }
  }

  @Test
  void bodiesUseWireNamesAndOmitNulls() {
    try (ApiClient api = client()) {
      Thing in = new Thing();
      in.displayName = "n";
      api.wire(ThingsWire.class).create(in);
      assertThat(seen.peek()).contains("body={\"display_name\":\"n\"}");
    }
  }

  @Test
  void errorsAreTypedThroughFeign() {
    try (ApiClient api = client()) {
      assertThatThrownBy(() -> api.wire(ThingsWire.class).get("missing", Map.of()))
          .isInstanceOf(ResourceDoesNotExist.class).hasMessageContaining("Thing missing does not exist");
    }
  }

  @Test
  void credentialsAreResolvedOnceAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (ApiClient api = client()) {
      ThingsWire wire = api.wire(ThingsWire.class);
      List<Future<Thing>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> wire.get("x", Map.of())));
      }
      for (Future<Thing> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS).thingId).isEqualTo("t 1");
      }
      assertThat(configured).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
