package io.databricks4j.testkit.sdk;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.HttpTransportProvider;
import java.io.IOException;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default transport, counted: {@code http_transport = counting} selects it (registered for
 * testkit's tests in META-INF/services), and every transport made, and closed, is counted. A
 * transport is a connection pool.
 */
public final class CountingTransports implements HttpTransportProvider {
  public static final String NAME = "counting";
  static final AtomicInteger CREATED = new AtomicInteger();
  static final AtomicInteger CLOSED = new AtomicInteger();

  static void reset() {
    CREATED.set(0);
    CLOSED.set(0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 10_000; // never chosen unless named
  }

  @Override
  public HttpTransport create(HttpTransportOptions options) {
    HttpTransport real = ServiceLoader.load(HttpTransportProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("apache")).findFirst().orElseThrow().create(options);
    CREATED.incrementAndGet();
    return new HttpTransport() {
      @Override
      public HttpResponse send(HttpRequest request) throws IOException {
        return real.send(request);
      }

      @Override
      public void close() {
        CLOSED.incrementAndGet();
        real.close();
      }
    };
  }
}
