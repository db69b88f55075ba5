package io.databricks4j.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * An exchange that enters itself in the journal when its status is sent, before any byte of the
 * answer: a client that has its answer always finds its request in the journal.
 */
final class JournaledExchange extends ForwardingExchange {
  private final Journal journal;
  private final long timeMillis;
  private final long started = System.nanoTime();
  private String operation;
  private boolean recorded;

  JournaledExchange(HttpExchange exchange, Journal journal, long timeMillis) {
    super(exchange);
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
}
