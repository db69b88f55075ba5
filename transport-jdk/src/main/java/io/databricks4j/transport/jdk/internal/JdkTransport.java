package io.databricks4j.transport.jdk.internal;

import io.databricks4j.error.ConfigException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.NameResolver;
import io.databricks4j.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/** An {@link HttpTransport} on java.net.http; see {@code JdkTransportProvider} for what it supports. */
public final class JdkTransport implements HttpTransport {
  private final HttpTransportOptions options;
  private final ProxyRoute proxy;
  private final Clients clients;
  private final Watchdog watchdog;
  private final Semaphore connections;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final Set<WatchedBody> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * A transport with {@code options}.
   *
   * @param systemProperty reads system properties ({@code System::getProperty} outside tests)
   * @throws ConfigException for options java.net.http cannot honour: a custom {@link NameResolver},
   *     Basic proxy credentials the JDK would drop
   */
  public JdkTransport(HttpTransportOptions options, UnaryOperator<String> systemProperty) {
    if (options.nameResolver() != NameResolver.SYSTEM) {
      throw new ConfigException("the jdk HTTP transport resolves host names through the JVM only and cannot use a "
          + "custom NameResolver; use the default transport (http_transport=apache) for that");
    }
    this.options = options;
    this.proxy = options.proxy().map(p -> ProxyRoute.of(p, systemProperty)).orElse(null);
    SSLContext tls = options.skipVerify() ? TrustEverything.context() : options.sslContext().orElse(null);
    this.clients = new Clients(() -> newClient(tls), options.connectionTtl().orElse(null), options.idleTimeout(),
        System::nanoTime);
    this.watchdog = new Watchdog(options.readTimeout());
    this.connections = new Semaphore(options.maxConnections(), true);
  }

  private HttpClient newClient(SSLContext tls) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.connectTimeout())
        .proxy(proxy != null ? proxy : HttpClient.Builder.NO_PROXY);
    if (tls != null) {
      b.sslContext(tls);
    }
    return b.build();
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    if (closed) {
      throw new IllegalStateException("the jdk HTTP transport is closed");
    }
    String origin = request.origin().orElseThrow(() -> new IllegalArgumentException(
        "a request reaches the transport with its origin (scheme, host and port): " + request));
    URI uri = URI.create(request.url(origin));
    Failures.Target target = new Failures.Target(origin, uri.getHost(), proxy, options.connectTimeout(),
        options.readTimeout());
    acquireConnection(target);
    boolean handedOut = false;
    Upload upload = null;
    try {
      Optional<RequestBody> body = request.body();
      upload = body.map(Upload::new).orElse(null);
      boolean watchUpload = upload != null && body.get().contentLength() != 0;
      java.net.http.HttpRequest wire = JdkRequests.toJdk(request, uri, upload, !watchUpload, options.readTimeout(),
          proxy != null && proxy.proxies(uri.getHost()) ? proxy.authorization() : Optional.empty());
      CompletableFuture<java.net.http.HttpResponse<InputStream>> exchange =
          clients.get().sendAsync(wire, info -> new BodyStream());
      java.net.http.HttpResponse<InputStream> answer = await(exchange, watchUpload ? upload : null, target);
      HttpResponse response = toResponse(request, answer, target, upload);
      handedOut = true;
      return response;
    } finally {
      if (!handedOut) {
        if (upload != null) {
          upload.closeStreams();
        }
        connections.release();
      }
    }
  }

  private void acquireConnection(Failures.Target target) throws IOException {
    try {
      if (!connections.tryAcquire(options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new ConnectException("all " + options.maxConnections() + " connections of the jdk HTTP transport stayed "
            + "in use for the connect time-out of " + options.connectTimeout().toMillis() + " ms while waiting to send "
            + "to " + target.origin() + "; close every response when done with it, or allow more connections");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection to " + target.origin());
    }
  }

  private java.net.http.HttpResponse<InputStream> await(
      CompletableFuture<java.net.http.HttpResponse<InputStream>> exchange, Upload upload, Failures.Target target)
      throws IOException {
    pending.add(exchange);
    if (upload != null) {
      upload.exchange(exchange);
      watchdog.watch(upload);
    }
    try {
      return exchange.get();
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response from " + target.origin());
    } catch (CancellationException e) {
      throw cancelled(e, upload, target);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException c) {
        throw cancelled(c, upload, target);
      }
      throw Failures.classify(e.getCause(), target);
    } finally {
      pending.remove(exchange);
      if (upload != null) {
        watchdog.unwatch(upload);
      }
    }
  }

  /** The exchange was cancelled by the read time-out or by {@link #close()}. */
  private IOException cancelled(CancellationException e, Upload upload, Failures.Target target) {
    if (upload != null && upload.expired()) {
      SocketTimeoutException timeout = new SocketTimeoutException("read timed out: no response from "
          + target.origin() + " within the read time-out of " + options.readTimeout().toMillis() + " ms");
      timeout.initCause(e);
      return timeout;
    }
    return new IOException("the request to " + target.origin() + " was cancelled: the transport is closing", e);
  }

  /** @param upload the request body, closed once the exchange is over: a server may answer before reading it all */
  private HttpResponse toResponse(HttpRequest request, java.net.http.HttpResponse<InputStream> answer,
      Failures.Target target, Upload upload) {
    int status = answer.statusCode();
    HttpHeaders headers = answer.headers();
    long contentLength = hasNoBody(request.method(), status) ? 0 : headers.firstValueAsLong("Content-Length").orElse(-1);
    InputStream stream = answer.body() != null ? answer.body() : InputStream.nullInputStream(); // a proxy's 407 has none
    WatchedBody body = new WatchedBody(stream, contentLength, target.origin(), options.readTimeout(),
        ended -> finished(ended, upload));
    open.add(body);
    watchdog.watch(body);
    HttpResponse.Builder b = HttpResponse.builder().status(status).reason(ReasonPhrases.of(status))
        .body(body).contentLength(contentLength).onAbort(body::abort);
    headers.map().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    return b.build();
  }

  /** A response body has ended, one way or another: its connection is free or gone. */
  private void finished(WatchedBody body, Upload upload) {
    if (upload != null) {
      upload.closeStreams();
    }
    watchdog.unwatch(body);
    open.remove(body);
    connections.release();
  }

  private static boolean hasNoBody(String method, int status) {
    return method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
  }

  @Override
  public void close() {
    closed = true;
    pending.forEach(f -> f.cancel(true));
    open.forEach(WatchedBody::abort);
    watchdog.close();
    clients.close();
  }

  /** Connections not held by an exchange; for tests. */
  int freeConnections() {
    return connections.availablePermits();
  }

  /** Exchanges and bodies the read time-out watches; for tests. */
  int watched() {
    return watchdog.size();
  }

  @Override
  public String toString() {
    return "JdkTransport{" + options + "}";
  }
}
