package io.databricks4j.auth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A JDK HttpServer on 127.0.0.1 that answers by method and path and records every request: the
 * stand-in for the token and metadata services that the auth modules' tests talk to over real HTTP.
 */
public final class LocalServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  public static LocalServer start() {
    try {
      return new LocalServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>} */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code method path} (path without query) with {@code responder}; replaces an earlier route. */
  public LocalServer route(String method, String path, Function<Request, Reply> responder) {
    routes.put(method + " " + path, responder);
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public long count(Predicate<Request> which) {
    return requests.stream().filter(which).count();
  }

  public void reset() {
    routes.clear();
    requests.clear();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
          exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
      requests.add(request);
      Function<Request, Reply> responder = routes.get(request.method + " " + request.path);
      Reply reply;
      try {
        reply = responder == null
            ? Reply.json(404, "{\"error\":\"no route for " + request.method + " " + request.path + "\"}")
            : responder.apply(request);
      } catch (RuntimeException e) {
        e.printStackTrace();
        reply = Reply.json(500, "{\"error\":\"the test server failed: " + e + "\"}");
      }
      reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** One recorded request. Header names are case-insensitive. */
  public static final class Request {
    public final String method;
    public final String path;
    public final String query;
    public final Map<String, String> headers;
    public final String body;

    Request(String method, String path, String query, Map<String, String> headers, String body) {
      this.method = method;
      this.path = path;
      this.query = query == null ? "" : query;
      this.headers = headers;
      this.body = body;
    }

    /** A form or query parameter, URL-decoded. */
    public String param(String name) {
      for (String source : new String[] {query, body}) {
        for (String pair : source.split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
            return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          }
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
  }

  /** What a route answers. */
  public static final class Reply {
    final int status;
    final Map<String, String> headers;
    final String body;

    public Reply(int status, Map<String, String> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    public static Reply redirect(String location) {
      return new Reply(302, Map.of("Location", location), "");
    }
  }
}
