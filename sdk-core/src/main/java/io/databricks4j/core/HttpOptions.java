package io.databricks4j.core;

import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.NameResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Per-client HTTP settings given in code rather than as configuration attributes: proxy, TLS,
 * pool, time-outs, name resolution, the transport and policies. A proxy here wins over {@code
 * proxy_host}, {@code HTTPS_PROXY} and the JVM's proxy properties. Immutable; {@link #builder()}.
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
  private final List<Consumer<HttpRequest.Builder>> interceptors;
  private final List<HttpPolicy> policies;
  private final String transport;
  private final NameResolver nameResolver;
  private final Duration connectionTtl;
  private final Duration idleTimeout;
  private final io.databricks4j.core.retry.Backoff backoff;

  private HttpOptions(Builder b) {
    this.proxy = b.proxy;
    this.proxyUsername = b.proxyUsername;
    this.proxyPassword = b.proxyPassword;
    this.sslContext = b.sslContext;
    this.maxConnections = b.maxConnections;
    this.connectTimeout = b.connectTimeout;
    this.interceptors = List.copyOf(b.interceptors);
    this.policies = List.copyOf(b.policies);
    this.transport = b.transport;
    this.nameResolver = b.nameResolver;
    this.connectionTtl = b.connectionTtl;
    this.idleTimeout = b.idleTimeout;
    this.backoff = b.backoff;
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
    b.policies.addAll(policies);
    b.transport = transport;
    b.nameResolver = nameResolver;
    b.connectionTtl = connectionTtl;
    b.idleTimeout = idleTimeout;
    b.backoff = backoff;
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

  /**
   * Called on every request before it is sent (after authentication headers are added).
   *
   * @deprecated use {@link #policies()}
   */
  @Deprecated
  public List<Consumer<HttpRequest.Builder>> interceptors() {
    return interceptors;
  }

  /** Policies added to the pipeline, in order; {@link HttpPolicy#position()} says where each runs. */
  public List<HttpPolicy> policies() {
    return policies;
  }

  /** The transport by name ({@code apache}, {@code jdk}); wins over {@code http_transport}. */
  public Optional<String> transport() {
    return Optional.ofNullable(transport);
  }

  /** How host names resolve; the JVM's resolver when empty (a seam for tests). */
  public Optional<NameResolver> nameResolver() {
    return Optional.ofNullable(nameResolver);
  }

  /** Age after which a pooled connection is not reused; no limit when empty. */
  public Optional<Duration> connectionTtl() {
    return Optional.ofNullable(connectionTtl);
  }

  /** How long to wait between attempts; the official SDKs' backoff when empty. */
  public Optional<io.databricks4j.core.retry.Backoff> retryBackoff() {
    return Optional.ofNullable(backoff);
  }

  /** Idle time after which a pooled connection is closed; 55 s when empty. */
  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(idleTimeout);
  }

  @Override
  public String toString() {
    return "HttpOptions{proxy=" + proxy + (proxyPassword == null ? "" : ", proxyPassword=***")
        + ", customTls=" + (sslContext != null) + ", maxConnections=" + maxConnections
        + ", connectTimeout=" + connectTimeout + ", policies=" + (policies.size() + interceptors.size())
        + (transport == null ? "" : ", transport=" + transport) + "}";
  }

  /** Builder of {@link HttpOptions}. */
  public static final class Builder {
    private InetSocketAddress proxy;
    private String proxyUsername;
    private String proxyPassword;
    private SSLContext sslContext;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration connectTimeout;
    private final List<Consumer<HttpRequest.Builder>> interceptors = new ArrayList<>();
    private final List<HttpPolicy> policies = new ArrayList<>();
    private String transport;
    private NameResolver nameResolver;
    private Duration connectionTtl;
    private Duration idleTimeout;
    private io.databricks4j.core.retry.Backoff backoff;

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

    /**
     * Adds a request interceptor, for example one that sets a header.
     *
     * @deprecated add an {@link HttpPolicy} with {@link #policy}, which also sees the response and the failure
     */
    @Deprecated
    public Builder interceptor(Consumer<HttpRequest.Builder> v) {
      interceptors.add(v);
      return this;
    }

    /** Adds a policy: a header, a metric, a trace span around every call or attempt. */
    public Builder policy(HttpPolicy v) {
      policies.add(java.util.Objects.requireNonNull(v, "policy"));
      return this;
    }

    /** The transport by name; {@code jdk} needs io.databricks4j:transport-jdk. */
    public Builder transport(String v) {
      transport = v;
      return this;
    }

    public Builder nameResolver(NameResolver v) {
      nameResolver = v;
      return this;
    }

    public Builder connectionTtl(Duration v) {
      connectionTtl = v;
      return this;
    }

    /**
     * The wait between attempts: {@code Retry-After} when the service sent one, else this backoff
     * (the default is 1 s doubling to 60 s with jitter). Tests of fault handling use a short one.
     */
    public Builder retryBackoff(io.databricks4j.core.retry.Backoff v) {
      backoff = v;
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    public HttpOptions build() {
      return new HttpOptions(this);
    }
  }
}
