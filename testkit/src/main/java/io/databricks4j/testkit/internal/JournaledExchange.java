package io.databricks4j.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An exchange that enters itself in the journal when its status is sent, before any byte of the
 * answer: a client that has its answer always finds its request in the journal.
 */
final class JournaledExchange extends HttpExchange {
  private final HttpExchange exchange;
  private final Journal journal;
  private final long timeMillis;
  private final long started = System.nanoTime();
  private String operation;
  private boolean recorded;

  JournaledExchange(HttpExchange exchange, Journal journal, long timeMillis) {
    this.exchange = exchange;
    this.journal = journal;
    this.timeMillis = timeMillis;
  }

  /** The operation of the description the request called ({@code Clusters.create}). */
  void operation(String name) {
    this.operation = name;
  }

  /** Enters the request with {@code status} (0: no answer), once. */
  synchronized void record(int status) {
    if (!recorded) {
      recorded = true;
      journal.record(timeMillis, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), status, operation, (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws IOException {
    record(status);
    exchange.sendResponseHeaders(status, length);
  }

  @Override
  public Headers getRequestHeaders() {
    return exchange.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return exchange.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return exchange.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return exchange.getHttpContext();
  }

  @Override
  public void close() {
    exchange.close();
  }

  @Override
  public InputStream getRequestBody() {
    return exchange.getRequestBody();
  }

  @Override
  public OutputStream getResponseBody() {
    return exchange.getResponseBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return exchange.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return exchange.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return exchange.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return exchange.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    exchange.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    exchange.setStreams(in, out);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return exchange.getPrincipal();
  }
}
