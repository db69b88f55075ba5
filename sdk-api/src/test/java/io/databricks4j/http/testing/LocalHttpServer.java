package io.databricks4j.http.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * A JDK {@code HttpServer} (or {@code HttpsServer} with {@link LocalTls}'s certificate) on
 * 127.0.0.1 that records every request it receives, body checksum included, and answers by path.
 * Unrouted paths echo: status 200, the request body back, {@code X-Method} and two
 * {@code X-Multi} headers.
 */
public final class LocalHttpServer implements AutoCloseable {
  /** Answers one exchange; the request body has been read already. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, Seen request) throws IOException;
  }

  /**
   * A request as the server saw it. Header names are case-insensitive; {@code body} holds the first
   * 64 KiB, {@code bodyLength} and {@code bodyCrc} cover all of it.
   */
  public record Seen(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                     long bodyLength, long bodyCrc, int remotePort) {
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private static final int KEPT_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final String scheme;

  private LocalHttpServer(boolean tls) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls) {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(LocalTls.serverContext()));
      server = https;
    } else {
      server = HttpServer.create(address, 64);
    }
    scheme = tls ? "https" : "http";
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  public static LocalHttpServer http() {
    return start(false);
  }

  public static LocalHttpServer https() {
    return start(true);
  }

  private static LocalHttpServer start(boolean tls) {
    try {
      return new LocalHttpServer(tls);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers requests to {@code path} (without query) with {@code handler}. */
  public LocalHttpServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} or {@code https://127.0.0.1:<port>}. */
  public String origin() {
    return scheme + "://127.0.0.1:" + port();
  }

  /** The same server under the name {@code localhost}, which its certificate names. */
  public String localhostOrigin() {
    return scheme + "://localhost:" + port();
  }

  public List<Seen> seen() {
    return new ArrayList<>(seen);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Seen request = record(exchange);
      seen.add(request);
      Handler handler = routes.getOrDefault(request.path(), LocalHttpServer::echo);
      handler.handle(exchange, request);
    }
  }

  private static Seen record(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    CRC32 crc = new CRC32();
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long length = 0;
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        crc.update(buffer, 0, n);
        kept.write(buffer, 0, (int) Math.max(0, Math.min(n, KEPT_BODY - length)));
        length += n;
      }
    }
    return new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, kept.toByteArray(), length, crc.getValue(),
        exchange.getRemoteAddress().getPort());
  }

  /** The default answer: 200, the request body back, {@code X-Method} and {@code X-Multi: a}, {@code X-Multi: b}. */
  public static void echo(HttpExchange exchange, Seen request) throws IOException {
    exchange.getResponseHeaders().add("X-Method", request.method());
    exchange.getResponseHeaders().add("X-Multi", "a");
    exchange.getResponseHeaders().add("X-Multi", "b");
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    reply(exchange, 200, request.body());
  }

  /** Sends {@code status} with {@code body} (none when empty) and its length. */
  public static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
