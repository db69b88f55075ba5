package io.databricks4j.examples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A JSON API of our own on 127.0.0.1, for what the testkit does not emulate (task pages of jobs,
 * command execution): handlers by {@code "METHOD /path"}, requests recorded.
 */
final class JsonFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A request: its query parameters and its JSON body (an empty object when none). */
  record Request(String method, String path, Map<String, String> query, JsonNode body) {
    String param(String name) {
      if (query.containsKey(name)) {
        return query.get(name);
      }
      JsonNode v = body.get(name);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Map<String, Function<Request, Object>> routes = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  JsonFixture() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext("/", ex -> {
      try (ex) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
          for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
        byte[] in = ex.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
        Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), query, body);
        requests.add(r);
        Function<Request, Object> h = routes.get(r.method() + " " + r.path());
        int status = 200;
        Object answer;
        if (h == null) {
          status = 404;
          answer = Map.of("error_code", "ENDPOINT_NOT_FOUND", "message", "no fixture for " + r.method() + " " + r.path());
        } else {
          try {
            answer = h.apply(r);
          } catch (RuntimeException e) {
            status = 500;
            answer = Map.of("error_code", "INTERNAL_ERROR", "message", String.valueOf(e));
          }
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
      }
    });
    server.start();
  }

  /** Answers {@code "METHOD /path"} with the JSON of what {@code handler} returns. */
  JsonFixture on(String methodAndPath, Function<Request, Object> handler) {
    routes.put(methodAndPath, handler);
    return this;
  }

  String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A client of this fixture, isolated from the machine's configuration, with {@code clusterId} when not null. */
  WorkspaceClient client(String clusterId) {
    DatabricksConfig.Builder b = DatabricksConfig.builder().host(host()).token("fixture-token").authType("pat")
        .environment(Environment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "databricks4j-fixture-home")));
    if (clusterId != null) {
      b.clusterId(clusterId);
    }
    return new WorkspaceClient(b.build());
  }

  List<Request> requests(String methodAndPath) {
    return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
