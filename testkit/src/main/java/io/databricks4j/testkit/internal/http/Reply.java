package io.databricks4j.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.databricks4j.testkit.internal.Json;
import java.io.IOException;
import java.io.OutputStream;

/** How a handler answers; written by the dispatcher with a fixed Content-Length so that connections stay alive. */
@FunctionalInterface
public interface Reply {
  void write(HttpExchange exchange) throws IOException;

  static Reply json(JsonNode body) {
    return json(200, body);
  }

  static Reply json(int status, JsonNode body) {
    return new JsonReply(status, body);
  }

  /** A JSON answer whose body the emulator can read back when it calls its own handlers. */
  record JsonReply(int status, JsonNode body) implements Reply {
    @Override
    public void write(HttpExchange exchange) throws IOException {
      bytes(exchange, status, "application/json", Json.bytes(body));
    }
  }

  /** A status without a body. */
  record StatusReply(int status) implements Reply {
    @Override
    public void write(HttpExchange exchange) throws IOException {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }
  }

  /** 200 with {@code {}}, what Databricks answers to an operation without a result. */
  static Reply empty() {
    return EMPTY;
  }

  /** A status without a body (204, or any status to a HEAD request). */
  static Reply status(int status) {
    return new StatusReply(status);
  }

  static Reply redirect(String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    };
  }

  /** The most bytes written to the connection at once. */
  int SLICE = 64 * 1024;

  Reply EMPTY = new JsonReply(200, Json.object());

  static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // in slices: the server copies each write through a direct buffer of its size, kept per thread
      for (int done = 0; done < body.length; done += SLICE) {
        out.write(body, done, Math.min(SLICE, body.length - done));
      }
    }
  }
}
