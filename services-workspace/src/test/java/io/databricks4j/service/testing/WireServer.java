package io.databricks4j.service.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A JDK HttpServer on 127.0.0.1 that records every request and answers with whatever the current
 * responder says, so a data-driven test can change the answer per operation.
 *
 */
public final class WireServer implements AutoCloseable {
  /** A request as it arrived. */
  public record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** Query parameters by name, decoded, repeated names in order. */
    Map<String, List<String>> query() {
      Map<String, List<String>> q = new LinkedHashMap<>();
      if (rawQuery == null || rawQuery.isEmpty()) return q;
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
      return q;
    }

    @Override
    public String toString() {
      return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
  }

  /** What to send back. */
  public record Answer(int status, String contentType, byte[] body) {
    static Answer json(String json) {
      return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ConcurrentLinkedQueue<Recorded> seen = new ConcurrentLinkedQueue<>();
  private volatile Function<Recorded, Answer> responder = r -> Answer.json("{}");

  public WireServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
          Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
      seen.add(r);
      Answer a = responder.apply(r);
      ex.getResponseHeaders().add("Content-Type", a.contentType());
      boolean empty = r.method().equals("HEAD") || a.body().length == 0;
      ex.sendResponseHeaders(a.status(), empty ? -1 : a.body().length);
      if (!empty) ex.getResponseBody().write(a.body());
      ex.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void respond(Function<Recorded, Answer> responder) {
    this.responder = responder;
  }

  /** Answers with these JSON bodies in turn; the last one repeats. */
  public void respondInTurn(String... json) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    respond(r -> Answer.json(json[Math.min(next.getAndIncrement(), json.length - 1)]));
  }

  /** The requests recorded since the last call, oldest first. */
  public List<Recorded> drain() {
    List<Recorded> out = new ArrayList<>();
    for (Recorded r; (r = seen.poll()) != null; ) out.add(r);
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
