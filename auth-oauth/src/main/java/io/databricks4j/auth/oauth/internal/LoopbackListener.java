package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.auth.CredentialsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the browser's redirect after login on the loopback interface: the requested port
 * (8020 for the CLI's client) or, when that is taken, any free one. Only the first request to the
 * redirect path counts; the page it answers echoes nothing from the request.
 */
final class LoopbackListener implements AutoCloseable {
  private static final String DONE = "<!doctype html><title>Databricks login</title>"
      + "<p>Login complete. You can close this tab and return to the application.</p>";
  private final HttpServer server;
  private final URI redirect;
  private final CompletableFuture<Map<String, List<String>>> callback = new CompletableFuture<>();

  private LoopbackListener(HttpServer server, URI redirect) {
    this.server = server;
    this.redirect = redirect;
  }

  /** Starts listening for {@code requested}, an {@code http://localhost:<port>[/path]} URL (checked by the caller). */
  static LoopbackListener start(String strategy, URI requested) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int port = requested.getPort() == -1 ? 80 : requested.getPort();
    HttpServer server;
    try {
      try {
        server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
      } catch (BindException taken) {
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
      }
    } catch (IOException e) {
      throw new CredentialsException(strategy + ": cannot listen on the loopback interface for the login redirect", e);
    }
    String path = requested.getPath() == null || requested.getPath().isEmpty() ? "/" : requested.getPath();
    URI redirect;
    try {
      redirect = new URI("http", null, requested.getHost(), server.getAddress().getPort(),
          requested.getPath() == null || requested.getPath().isEmpty() ? null : requested.getPath(), null, null);
    } catch (URISyntaxException e) {
      server.stop(0);
      throw new CredentialsException(strategy + ": invalid redirect_url", e);
    }
    LoopbackListener listener = new LoopbackListener(server, redirect);
    server.createContext("/", exchange -> listener.handle(exchange, path));
    server.start();
    return listener;
  }

  /** The redirect URI to send in the authorization request (with the port actually bound). */
  URI redirect() {
    return redirect;
  }

  private void handle(HttpExchange exchange, String path) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      callback.complete(URLUtils.parseParameters(query == null ? "" : query));
      byte[] page = DONE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    }
  }

  /** The query parameters of the redirect, waiting at most {@code timeout}. */
  Map<String, List<String>> await(String strategy, Duration timeout) {
    try {
      return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CredentialsException(strategy + ": no login within " + timeout.toSeconds()
          + " s; open the printed URL in a browser and log in, or run again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialsException(strategy + ": interrupted while waiting for the login", e);
    } catch (ExecutionException e) {
      throw new CredentialsException(strategy + ": the login redirect failed", e.getCause());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
