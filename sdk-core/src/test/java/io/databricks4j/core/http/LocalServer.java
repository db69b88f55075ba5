package io.databricks4j.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1 answering from a script, recording what it receives. */
public final class LocalServer implements AutoCloseable {

  /** A request as received. */
  public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What to do with a request. */
  @FunctionalInterface
  public interface Reply {
    void send(HttpExchange exchange, Received request) throws IOException;

    /** Answers {@code status} with {@code body} (null or empty for none) and headers as name, value pairs. */
    static Reply of(int status, String body, String... headers) {
      return (ex, req) -> {
        for (int i = 0; i + 1 < headers.length; i += 2) {
          ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(b);
        }
      };
    }

    /** Reads the request and closes the connection without answering. */
    static Reply drop() {
      return (ex, req) -> {
        throw new IOException("dropped by the test server");
      };
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
    Thread t = new Thread(r, "local-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ArrayDeque<>();
  private Reply last = Reply.of(404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no script\"}");
  private boolean repeatLast;
  private volatile boolean recordBodies = true;

  private LocalServer(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static LocalServer start() {
    try {
      return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Replies in order; the last one repeats when {@code repeatLast}. */
  public synchronized LocalServer script(boolean repeatLastReply, Reply... replies) {
    script.clear();
    script.addAll(List.of(replies));
    repeatLast = repeatLastReply;
    return this;
  }

  /** The same reply to every request. */
  public synchronized LocalServer always(Reply reply) {
    script.clear();
    last = reply;
    repeatLast = true;
    return this;
  }

  /** Whether request bodies are kept (off for large uploads whose handler reads the body itself). */
  public LocalServer recordBodies(boolean v) {
    recordBodies = v;
    return this;
  }

  public List<Received> received() {
    return received;
  }

  private synchronized Reply next() {
    if (!script.isEmpty()) {
      last = script.poll();
      return last;
    }
    return repeatLast ? last : Reply.of(500, "{\"error_code\":\"TEST\",\"message\":\"script exhausted\"}");
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
      Reply reply = next();
      byte[] body = new byte[0];
      if (recordBodies) {
        try (InputStream in = ex.getRequestBody()) {
          body = in.readAllBytes();
        }
      }
      Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
          ex.getRequestURI().getRawQuery(), headers, body);
      received.add(r);
      reply.send(ex, r);
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
