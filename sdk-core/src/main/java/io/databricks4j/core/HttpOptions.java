package io.databricks4j.core;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Per-client HTTP settings that are not configuration attributes: proxy, TLS, pool size,
 * time-outs and request interceptors. Immutable; {@link #builder()}.
 */
public final class HttpOptions {
  /** Connections kept per host by default: enough for 64 threads sharing one client. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  private static final HttpOptions DEFAULTS = builder().build();

  private final InetSocketAddress proxy;
  private final String proxyUsername;
  private final String proxyPassword;
  private final SSLContext sslContext;
  private final int maxConnections;
  private final Duration connectTimeout;
  private final List<Consumer<io.databricks4j.http.HttpRequest.Builder>> interceptors;

  private HttpOptions(Builder b) {
    this.proxy = b.proxy;
    this.proxyUsername = b.proxyUsername;
    this.proxyPassword = b.proxyPassword;
    this.sslContext = b.sslContext;
    this.maxConnections = b.maxConnections;
    this.connectTimeout = b.connectTimeout;
    this.interceptors = List.copyOf(b.interceptors);
  }

  public static HttpOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.proxy = proxy;
    b.proxyUsername = proxyUsername;
    b.proxyPassword = proxyPassword;
    b.sslContext = sslContext;
    b.maxConnections = maxConnections;
    b.connectTimeout = connectTimeout;
    b.interceptors.addAll(interceptors);
    return b;
  }

  /** An explicit proxy; when empty the JVM's standard proxy properties apply. */
  public Optional<InetSocketAddress> proxy() {
    return Optional.ofNullable(proxy);
  }

  public Optional<String> proxyUsername() {
    return Optional.ofNullable(proxyUsername);
  }

  public Optional<String> proxyPassword() {
    return Optional.ofNullable(proxyPassword);
  }

  /** A TLS context of your own (a custom truststore, a client certificate for mTLS). */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Connect time-out; {@code http_timeout_seconds} when empty. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** Called on every request before it is sent (after authentication headers are added). */
  public List<Consumer<io.databricks4j.http.HttpRequest.Builder>> interceptors() {
    return interceptors;
  }

  @Override
  public String toString() {
    return "HttpOptions{proxy=" + proxy + (proxyPassword == null ? "" : ", proxyPassword=***")
        + ", customTls=" + (sslContext != null) + ", maxConnections=" + maxConnections
        + ", connectTimeout=" + connectTimeout + ", interceptors=" + interceptors.size() + "}";
  }

  /** Builder of {@link HttpOptions}. */
  public static final class Builder {
    private InetSocketAddress proxy;
    private String proxyUsername;
    private String proxyPassword;
    private SSLContext sslContext;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration connectTimeout;
    private final List<Consumer<io.databricks4j.http.HttpRequest.Builder>> interceptors = new ArrayList<>();

    private Builder() {}

    public Builder proxy(String host, int port) {
      proxy = InetSocketAddress.createUnresolved(host, port);
      return this;
    }

    public Builder proxyCredentials(String username, String password) {
      proxyUsername = username;
      proxyPassword = password;
      return this;
    }

    public Builder sslContext(SSLContext v) {
      sslContext = v;
      return this;
    }

    public Builder maxConnections(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + v);
      }
      maxConnections = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    /** Adds a request interceptor, for example one that sets a header. */
    public Builder interceptor(Consumer<io.databricks4j.http.HttpRequest.Builder> v) {
      interceptors.add(v);
      return this;
    }

    public HttpOptions build() {
      return new HttpOptions(this);
    }
  }
}
