package io.databricks4j.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Every setting a transport needs, in one immutable value: time-outs, pool, TLS, proxy and name
 * resolution. The pipeline builds it once per client from the configuration and hands it to the
 * selected {@link HttpTransportProvider}. {@link #builder()}, {@link #toBuilder()}.
 */
public final class HttpTransportOptions {
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxConnections;
  private final Duration connectionTtl;
  private final Duration idleTimeout;
  private final SSLContext sslContext;
  private final boolean skipVerify;
  private final ProxySettings proxy;
  private final NameResolver nameResolver;

  private HttpTransportOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxConnections = b.maxConnections;
    this.connectionTtl = b.connectionTtl;
    this.idleTimeout = b.idleTimeout;
    this.sslContext = b.sslContext;
    this.skipVerify = b.skipVerify;
    this.proxy = b.proxy;
    this.nameResolver = b.nameResolver;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxConnections = maxConnections;
    b.connectionTtl = connectionTtl;
    b.idleTimeout = idleTimeout;
    b.sslContext = sslContext;
    b.skipVerify = skipVerify;
    b.proxy = proxy;
    b.nameResolver = nameResolver;
    return b;
  }

  /** Longest wait for a TCP connection and its TLS handshake; 60 s by default. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest silence while waiting for response bytes; 60 s by default. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Pooled connections, per host and in total; 64 by default. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Age after which a pooled connection is not reused; empty: no limit. */
  public Optional<Duration> connectionTtl() {
    return Optional.ofNullable(connectionTtl);
  }

  /**
   * Idle time after which a pooled connection is closed (keep-alive); 55 s by default, under the
   * 60 s most load balancers close idle connections at.
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** A TLS context of the application's (a custom truststore, a client certificate); empty: the JVM's. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** Trust any certificate and host name ({@code skip_verify}); for tests only. */
  public boolean skipVerify() {
    return skipVerify;
  }

  /** The proxy, if requests leave through one. */
  public Optional<ProxySettings> proxy() {
    return Optional.ofNullable(proxy);
  }

  public NameResolver nameResolver() {
    return nameResolver;
  }

  @Override
  public String toString() {
    return "HttpTransportOptions{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxConnections=" + maxConnections + ", connectionTtl=" + connectionTtl + ", idleTimeout=" + idleTimeout
        + ", customTls=" + (sslContext != null) + ", skipVerify=" + skipVerify + ", proxy=" + proxy + "}";
  }

  /** Builder of {@link HttpTransportOptions}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(60);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int maxConnections = 64;
    private Duration connectionTtl;
    private Duration idleTimeout = Duration.ofSeconds(55);
    private SSLContext sslContext;
    private boolean skipVerify;
    private ProxySettings proxy;
    private NameResolver nameResolver = NameResolver.system();

    private Builder() {}

    public Builder connectTimeout(Duration v) {
      connectTimeout = positive(v, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration v) {
      readTimeout = positive(v, "readTimeout");
      return this;
    }

    public Builder maxConnections(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + v);
      }
      maxConnections = v;
      return this;
    }

    /** Null for no limit. */
    public Builder connectionTtl(Duration v) {
      connectionTtl = v == null ? null : positive(v, "connectionTtl");
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = positive(v, "idleTimeout");
      return this;
    }

    /** Null for the JVM's default context. */
    public Builder sslContext(SSLContext v) {
      sslContext = v;
      return this;
    }

    public Builder skipVerify(boolean v) {
      skipVerify = v;
      return this;
    }

    /** Null for a direct connection. */
    public Builder proxy(ProxySettings v) {
      proxy = v;
      return this;
    }

    public Builder nameResolver(NameResolver v) {
      nameResolver = Objects.requireNonNull(v, "nameResolver");
      return this;
    }

    public HttpTransportOptions build() {
      return new HttpTransportOptions(this);
    }

    private static Duration positive(Duration v, String what) {
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + v);
      }
      return v;
    }
  }
}
