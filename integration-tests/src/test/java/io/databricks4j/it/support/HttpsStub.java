package io.databricks4j.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An HTTPS server on 127.0.0.1 with {@link TestCertificate}, answering by method and path: the
 * stand-in for a token endpoint. Records every request (with the {@code Host} it named, so a test
 * sees which name a client asked for).
 */
public final class HttpsStub implements AutoCloseable {
  /** A request as received; {@code form} holds the decoded fields of a form body. */
  public record Request(String method, String host, String path, Map<String, String> headers, String body,
                        Map<String, String> form) {
    public String param(String name) {
      return form.get(name);
    }
  }

  /** An answer. */
  public record Answer(int status, String contentType, String body) {
    public static Answer json(int status, String json) {
      return new Answer(status, "application/json", json);
    }
  }

  private record Route(String method, Pattern path, Function<Request, Answer> handler) {}

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private HttpsStub() throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setHttpsConfigurator(new HttpsConfigurator(TestCertificate.serverContext()));
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  public static HttpsStub start() {
    try {
      return new HttpsStub();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code method} on paths matching {@code pathRegex}; a later route wins over an earlier one. */
  public HttpsStub route(String method, String pathRegex, Function<Request, Answer> handler) {
    routes.add(0, new Route(method, Pattern.compile(pathRegex), handler));
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      Request r = new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
          exchange.getRequestURI().getRawPath(), headers, body, form(body, exchange.getRequestURI().getRawQuery()));
      requests.add(r);
      Answer a = routes.stream().filter(rt -> rt.method().equals(r.method()) && rt.path().matcher(r.path()).matches())
          .findFirst().map(rt -> rt.handler().apply(r))
          .orElse(Answer.json(404, "{\"error\":\"not_found\",\"error_description\":\"no route for " + r.path() + "\"}"));
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", a.contentType());
      exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static Map<String, String> form(String body, String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : new String[] {query, body}) {
      if (part == null || part.isEmpty() || part.startsWith("{")) {
        continue;
      }
      for (String pair : part.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
