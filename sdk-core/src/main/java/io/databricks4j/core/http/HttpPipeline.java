package io.databricks4j.core.http;

import io.databricks4j.core.http.internal.DefaultPipeline;
import io.databricks4j.core.http.internal.PipelineSettings;
import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import io.databricks4j.core.useragent.UserAgent;
import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.NameResolver;
import io.databricks4j.http.ProxySettings;
import io.databricks4j.http.ResponseHandler;
import java.io.Closeable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;

/**
 * The one way to the wire: every request of a client, and every request of its credential and
 * host plug-ins ({@link #sender()}), goes through this chain of policies around one transport.
 * <pre>
 * call ─► user agent ─► PER_CALL policies ─► retry (budget retry_timeout_seconds)
 *            └─ each attempt ─► rate limit ─► headers (static, auth) ─► PER_ATTEMPT policies ─► log ─► transport
 * </pre>
 * An attempt ends when the answer has been handled: with a {@link ResponseHandler} the body is
 * read and decoded inside it, so a connection lost while the body arrives is retried like one lost
 * before it, when the request {@linkplain HttpRequest#idempotent() may be repeated}. Failures are
 * sorted by {@link io.databricks4j.core.retry.RetryClassifier}'s table; errors read like {@code GET
 * /api/2.1/clusters/get: 404 RESOURCE_DOES_NOT_EXIST: ... (call 7f3a)}. The transport is found by
 * {@link java.util.ServiceLoader} ({@code apache} unless {@code http_transport} names another).
 * Thread-safe; share one per host and close it.
 */
public final class HttpPipeline implements Closeable {
  private final DefaultPipeline pipeline;

  private HttpPipeline(PipelineSettings settings) {
    this.pipeline = new DefaultPipeline(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends {@code request}, retrying what is safe to retry within the retry time-out, and returns
   * the 2xx response with its body streaming from the connection: close it. Prefer {@link
   * #execute(HttpRequest, ResponseHandler)}, which reads the body inside the attempt.
   *
   * @throws io.databricks4j.error.DatabricksError what the service answered, the last one when
   *     retries ran out
   * @throws io.databricks4j.error.DatabricksException a failure with no answer (the cause is kept),
   *     or an HTML page where JSON was expected
   */
  public HttpResponse execute(HttpRequest request) {
    return pipeline.stream(request, false);
  }

  /**
   * Sends {@code request} and hands the 2xx response to {@code handler} inside the attempt, then
   * closes it: a failure while the handler reads the body is retried like a failure before it,
   * when the request {@linkplain HttpRequest#idempotent() may be repeated}.
   */
  public <T> T execute(HttpRequest request, ResponseHandler<T> handler) {
    return pipeline.execute(request, Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Like {@link #execute(HttpRequest, ResponseHandler)} for a request that carries its own {@code
   * Authorization} (a serving data-plane token, say): the client's credentials are not added.
   */
  public <T> T executeWithOwnAuthorization(HttpRequest request, ResponseHandler<T> handler) {
    return pipeline.executeWithOwnAuthorization(request, Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Sends {@code request} and returns the 2xx response with its body streaming. With {@code
   * resumable} (an operation that honours {@code Range}), a connection lost while the body is read
   * is resumed from the next byte not delivered, as long as the file is unchanged.
   */
  public HttpResponse stream(HttpRequest request, boolean resumable) {
    return pipeline.stream(request, resumable);
  }

  /**
   * The way to the network for plug-ins: requests to any absolute URL through this pipeline, without
   * the authentication headers and rate-limit permits, each with a short budget of its own.
   */
  public HttpSender sender() {
    return pipeline.sender();
  }

  /** Closes the connection pools. */
  @Override
  public void close() {
    pipeline.close();
  }

  /** Builder of {@link HttpPipeline}. */
  public static final class Builder {
    private String origin;
    private String hostSource = "";
    private Supplier<Map<String, String>> headers;
    private final Map<String, String> staticHeaders = new LinkedHashMap<>();
    private String userAgent;
    private HttpTransportOptions.Builder transport = HttpTransportOptions.builder();
    private String transportName;
    private HttpTransport transportInstance;
    private Duration attemptTimeout = Duration.ofSeconds(60);
    private Duration retryTimeout = Duration.ofSeconds(300);
    private Duration pluginBudget = Duration.ofSeconds(30);
    private boolean retriesEnabled = true;
    private int rateLimit;
    private ProxySettings.Builder proxy;
    private final List<HttpPolicy> policies = new ArrayList<>();
    private int debugTruncateBytes = HttpLogger.DEFAULT_TRUNCATE_BYTES;
    private boolean debugHeaders;
    private Logger logger;
    private Supplier<String> errorContext;
    private Backoff backoff = Backoff.exponential();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /**
     * Scheme, host and port every relative request goes to, for example {@code
     * https://adb-1.2.azuredatabricks.net}; a path is not allowed.
     */
    public Builder baseUrl(String v) {
      String u = Objects.requireNonNull(v, "baseUrl").strip();
      while (u.endsWith("/")) {
        u = u.substring(0, u.length() - 1);
      }
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new IllegalArgumentException("baseUrl must start with https:// or http://, got: " + v);
      }
      URI parsed = URI.create(u);
      if (parsed.getHost() == null || parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()) {
        throw new IllegalArgumentException("baseUrl must be scheme, host and port only, got: " + v);
      }
      origin = u;
      return this;
    }

    /** Where the host was configured ({@code DATABRICKS_HOST}, {@code profile DEFAULT}), for error messages. */
    public Builder hostSource(String v) {
      hostSource = v == null ? "" : v;
      return this;
    }

    /** The authentication headers, asked for on every attempt so a refreshed token applies. */
    public Builder headers(Supplier<Map<String, String>> v) {
      headers = Objects.requireNonNull(v, "headers");
      return this;
    }

    /** A header sent on every request that does not set it, for example {@code X-Databricks-Workspace-Id}. */
    public Builder staticHeader(String name, String value) {
      staticHeaders.put(name, value);
      return this;
    }

    /** The {@code User-Agent}; by default {@link UserAgent#forClient} of the process environment. */
    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    /**
     * Every transport setting at once (time-outs, pool, TLS, proxy, name resolution); the setters
     * below change single ones.
     */
    public Builder transportOptions(HttpTransportOptions v) {
      transport = v.toBuilder();
      return this;
    }

    /** The transport by its {@code http_transport} name ({@code apache}, {@code jdk}); null for the preferred one. */
    public Builder transport(String name) {
      transportName = name;
      return this;
    }

    /** A transport of the caller's; the pipeline does not close it. */
    public Builder transport(HttpTransport v) {
      transportInstance = v;
      return this;
    }

    /**
     * {@code http_timeout_seconds}: the connect time-out, the longest silence while waiting for
     * bytes, and the longest time one attempt of a decoded call may take, body included; 60 s by default.
     */
    public Builder httpTimeout(Duration v) {
      transport.connectTimeout(v).readTimeout(v);
      attemptTimeout = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      transport.connectTimeout(v);
      return this;
    }

    /** Longest silence while waiting for response bytes. */
    public Builder readTimeout(Duration v) {
      transport.readTimeout(v);
      return this;
    }

    /** Time budget for all attempts of a call ({@code retry_timeout_seconds}); 300 s by default. */
    public Builder retryTimeout(Duration v) {
      retryTimeout = positive(v, "retryTimeout");
      return this;
    }

    /** Time budget for all attempts of one plug-in request (a token, a discovery document); 30 s by default. */
    public Builder pluginBudget(Duration v) {
      pluginBudget = positive(v, "pluginBudget");
      return this;
    }

    public Builder disableRetries(boolean v) {
      retriesEnabled = !v;
      return this;
    }

    /** At most {@code requestsPerSecond} attempts per second through this pipeline; 0 for no limit. */
    public Builder rateLimit(int requestsPerSecond) {
      if (requestsPerSecond < 0) {
        throw new IllegalArgumentException("rateLimit must be 0 (none) or more, got " + requestsPerSecond);
      }
      rateLimit = requestsPerSecond;
      return this;
    }

    /** Trusts any certificate and host name. Only for tests against self-signed endpoints. */
    public Builder skipVerify(boolean v) {
      transport.skipVerify(v);
      return this;
    }

    /** A TLS context of your own: a custom truststore, or a client certificate for mTLS. */
    public Builder sslContext(SSLContext v) {
      transport.sslContext(v);
      return this;
    }

    /** Connection time-to-live and idle time-out of the pool; null keeps the default. */
    public Builder transportTuning(Duration connectionTtl, Duration idleTimeout) {
      transport.connectionTtl(connectionTtl);
      if (idleTimeout != null) {
        transport.idleTimeout(idleTimeout);
      }
      return this;
    }

    /** A proxy, as the configuration resolved it. */
    public Builder proxy(ProxySettings v) {
      proxy = null;
      transport.proxy(v);
      return this;
    }

    /**
     * Use {@code base}'s transport (its connection pool) instead of a transport of this pipeline's
     * own; {@code base} keeps owning it, so close {@code base} last.
     */
    public Builder sharing(HttpPipeline base) {
      transportInstance = base.pipeline.transport();
      return this;
    }

    /** An HTTP proxy for every host but loopback and instance metadata. */
    public Builder proxy(String host, int port) {
      proxy = ProxySettings.builder(host, port);
      return this;
    }

    /** Basic credentials for the proxy of {@link #proxy(String, int)}. */
    public Builder proxyCredentials(String username, String password) {
      if (proxy == null) {
        throw new IllegalStateException("set proxy(host, port) before its credentials");
      }
      proxy.credentials(username, password);
      return this;
    }

    /** Pooled connections, in total and per host; 64 by default so 64 threads do not queue. */
    public Builder maxConnections(int v) {
      transport.maxConnections(v);
      return this;
    }

    /** How host names resolve (a seam for tests that map names to loopback). */
    public Builder nameResolver(NameResolver v) {
      transport.nameResolver(v);
      return this;
    }

    /** Adds a policy; {@link HttpPolicy#position()} says where it runs. Policies of a position run in the order added. */
    public Builder policy(HttpPolicy v) {
      policies.add(Objects.requireNonNull(v, "policy"));
      return this;
    }

    /**
     * Called on every attempt, after the authentication headers, to change the request.
     *
     * @deprecated add an {@link HttpPolicy} with {@link #policy}, which also sees the response and the failure
     */
    @Deprecated
    public Builder interceptor(Consumer<HttpRequest.Builder> v) {
      Objects.requireNonNull(v, "interceptor");
      return policy((request, chain) -> {
        HttpRequest.Builder b = request.toBuilder();
        v.accept(b);
        return chain.proceed(b.build());
      });
    }

    /** Longest string or body logged at DEBUG ({@code debug_truncate_bytes}); 96 by default. */
    public Builder debugTruncateBytes(int v) {
      debugTruncateBytes = v;
      return this;
    }

    /** Logs headers at DEBUG ({@code debug_headers}); secrets stay redacted. */
    public Builder debugHeaders(boolean v) {
      debugHeaders = v;
      return this;
    }

    /**
     * Text added to the message of a 401 or 403, typically the configuration's debug string
     * ({@code Config: host=..., auth_type=pat}), so the reader sees what was used.
     */
    public Builder errorContext(Supplier<String> v) {
      errorContext = v;
      return this;
    }

    /** How long to wait between attempts; {@link Backoff#exponential()} by default. */
    public Builder backoff(Backoff v) {
      backoff = Objects.requireNonNull(v, "backoff");
      return this;
    }

    /** The clock of the retry budget and of {@code Retry-After} dates (a seam for tests). */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /** Waits between attempts and for rate-limit permits (a seam for tests). */
    public Builder sleeper(Sleeper v) {
      sleeper = Objects.requireNonNull(v, "sleeper");
      return this;
    }

    Builder logger(Logger v) {
      logger = v;
      return this;
    }

    Builder nanoTime(LongSupplier v) {
      nanoTime = v;
      return this;
    }

    /**
     * The pipeline. Without {@link #baseUrl} it only sends requests that carry their origin (a
     * plug-in's, through {@link HttpPipeline#sender()}).
     */
    public HttpPipeline build() {
      HttpLogger log = logger == null ? HttpLogger.create(debugTruncateBytes, debugHeaders)
          : HttpLogger.create(logger, debugTruncateBytes, debugHeaders);
      String ua = userAgent != null ? userAgent : UserAgent.forClient(System.getenv(), "", Map.of());
      if (proxy != null) {
        transport.proxy(proxy.build());
      }
      return new HttpPipeline(new PipelineSettings(origin, hostSource, headers, Map.copyOf(staticHeaders), ua,
          transport.build(), transportName, transportInstance, attemptTimeout, retryTimeout, retriesEnabled, rateLimit,
          List.copyOf(policies), log, errorContext, pluginBudget, backoff, clock, sleeper, nanoTime));
    }

    private static Duration positive(Duration v, String what) {
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + v);
      }
      return v;
    }
  }
}
