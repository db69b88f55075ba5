package io.databricks4j.service;

import com.sun.net.httpserver.HttpServer;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1 answering scripted JSON per "METHOD path" and recording requests. */
final class Loopback implements AutoCloseable {
  /** A request as the server saw it. */
  record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A scripted answer. */
  record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Answer json(String json) {
      return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> script = new LinkedHashMap<>();
  final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

  Loopback() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
          Map.copyOf(ex.getRequestHeaders()), body));
      Answer a;
      synchronized (script) {
        Deque<Answer> q = script.get(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
        a = q == null || q.isEmpty() ? null : q.size() == 1 ? q.peek() : q.poll();
      }
      if (a == null) {
        a = new Answer(404, "application/json",
            "{\"error_code\":\"NOT_FOUND\",\"message\":\"not scripted\"}".getBytes(StandardCharsets.UTF_8), Map.of());
      }
      ex.getResponseHeaders().add("Content-Type", a.contentType());
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(a.status(), head || a.body().length == 0 ? -1 : a.body().length);
      if (!head) ex.getResponseBody().write(a.body());
      ex.close();
    });
    server.start();
  }

  /** Answers {@code method path} with these, in turn; the last one repeats. */
  Loopback on(String methodAndPath, Answer... answers) {
    synchronized (script) {
      script.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).addAll(List.of(answers));
    }
    return this;
  }

  Loopback on(String methodAndPath, String json) {
    return on(methodAndPath, Answer.json(json));
  }

  ApiClient client(Map<String, String> settings) {
    CredentialsStrategy fixed = new CredentialsStrategy() {
      @Override
      public String authType() {
        return "test";
      }

      @Override
      public Optional<HeaderFactory> configure(ConfigView c) {
        return Optional.of(() -> Map.of("Authorization", "Bearer t0k3n"));
      }
    };
    DatabricksConfig.Builder b = DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:" + server.getAddress().getPort())
        .credentialsStrategy(fixed);
    settings.forEach(b::set);
    return ApiClient.create(b.build());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
