package io.databricks4j.transport.jdk.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The {@link HttpClient} a transport sends with, replaced by a new one when its connections should
 * not be reused any more. java.net.http has no per-client connection age or idle limit (only the
 * JVM-wide {@code jdk.httpclient.keepalive.timeout}), so the transport takes a new client, with an
 * empty pool:
 * <ul>
 *   <li>once the client is as old as the connection TTL, so no connection is reused past it;
 *   <li>on Java 21 and later, when no request has started for the idle time-out, so no connection
 *       idle that long is reused. The old client is shut down: its idle connections close, its
 *       requests in flight finish. Java 17 to 20 cannot shut a client down (its connections close
 *       after the JDK's keep-alive time-out, or when it is collected), so there the idle time-out
 *       is left to the JDK, and the TTL, when set, leaves old clients to the garbage collector.
 * </ul>
 */
final class Clients implements AutoCloseable {
  private static final MethodHandle SHUTDOWN = method("shutdown");
  private static final MethodHandle SHUTDOWN_NOW = method("shutdownNow");

  private final Supplier<HttpClient> factory;
  private final long ttlNanos;
  private final long idleNanos;
  private final LongSupplier clock;
  private HttpClient current;
  private long createdAt;
  private long lastUsedAt;
  private boolean closed;

  /**
   * @param ttl connection TTL, null for none
   * @param idleTimeout idle time after which connections are not reused (Java 21+)
   * @param clock {@link System#nanoTime()} outside tests
   */
  Clients(Supplier<HttpClient> factory, Duration ttl, Duration idleTimeout, LongSupplier clock) {
    this.factory = factory;
    this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
    this.idleNanos = SHUTDOWN == null ? Long.MAX_VALUE : idleTimeout.toNanos();
    this.clock = clock;
  }

  /** Whether this JVM lets a client be shut down (Java 21+), and so the idle time-out be kept. */
  static boolean canShutDownClients() {
    return SHUTDOWN != null;
  }

  /** The client for a request that starts now. */
  synchronized HttpClient get() {
    if (closed) {
      throw new IllegalStateException("the jdk HTTP transport is closed");
    }
    long now = clock.getAsLong();
    if (current == null || now - createdAt >= ttlNanos || now - lastUsedAt >= idleNanos) {
      retire(current, SHUTDOWN);
      current = factory.get();
      createdAt = now;
    }
    lastUsedAt = now;
    return current;
  }

  @Override
  public synchronized void close() {
    closed = true;
    retire(current, SHUTDOWN_NOW);
    current = null;
  }

  private static void retire(HttpClient client, MethodHandle how) {
    if (client == null || how == null) {
      return;
    }
    try {
      how.invoke(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot shut down an HttpClient: " + e, e);
    }
  }

  private static MethodHandle method(String name) {
    try {
      return MethodHandles.publicLookup().findVirtual(HttpClient.class, name, MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException before21) {
      return null;
    }
  }
}
