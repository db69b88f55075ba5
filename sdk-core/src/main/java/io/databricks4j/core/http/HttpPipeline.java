package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.ResponseHandler;
import io.databricks4j.core.http.internal.DefaultPipeline;
import io.databricks4j.core.http.internal.PipelineSettings;
import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import io.databricks4j.core.useragent.UserAgent;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.slf4j.Logger;

/**
 * The one place where authentication, retries, logging and error mapping happen. For every
 * attempt it adds the static headers, the user agent and the headers of the header supplier
 * (called per attempt, so a refreshed token applies), runs the interceptors, logs at DEBUG, sends
 * with Apache HttpClient 5 over a connection pool, and for a non-2xx answer reads the body and
 * throws the mapped {@link DatabricksError}. Thread-safe; share one per host and close it.
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
   * Sends {@code request}, retrying what is safe to retry within the retry time-out.
   *
   * @return the 2xx response, its body streaming from the connection: close it
   * @throws DatabricksError what the service answered, the last one when retries ran out (with
   *     {@link io.databricks4j.error.ErrorResponse#attempts()} and {@code elapsed()} set)
   * @throws DatabricksException an I/O failure (the {@link IOException} is the cause), or an HTML
   *     page where JSON was expected
   */
  public HttpResponse execute(HttpRequest request) {
    return pipeline.execute(request);
  }

  /**
   * Sends {@code request} and hands the 2xx response to {@code handler} inside the attempt, then
   * closes it: a failure while the handler reads the body is retried like a failure before it,
   * when the request {@linkplain HttpRequest#idempotent() may be repeated}.
   */
  public <T> T execute(HttpRequest request, ResponseHandler<T> handler) {
    return pipeline.execute(request, java.util.Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Sends {@code request} and returns the 2xx response with its body streaming. With {@code
   * resumable}, a connection lost while the body is read is resumed with a {@code Range} request.
   */
  public HttpResponse stream(HttpRequest request, boolean resumable) {
    return pipeline.execute(request);
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    try {
      pipeline.close();
    } catch (IOException e) {
      throw new DatabricksException("cannot close the HTTP connection pool: " + e, e);
    }
  }

  /** Builder of {@link HttpPipeline}; only {@link #baseUrl} is required. */
  public static final class Builder {
    private String baseUrl;
    private Supplier<Map<String, String>> headers = Map::of;
    private final Map<String, String> staticHeaders = new LinkedHashMap<>();
    private String userAgent;
    private Duration connectTimeout = Duration.ofSeconds(60);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration retryTimeout = Duration.ofSeconds(300);
    private boolean retriesEnabled = true;
    private int rateLimit;
    private boolean skipVerify;
    private SSLContext sslContext;
    private String proxyHost;
    private int proxyPort;
    private String proxyUsername;
    private String proxyPassword;
    private int maxConnections = 64;
    private final List<Consumer<HttpRequest.Builder>> interceptors = new ArrayList<>();
    private int debugTruncateBytes = HttpLogger.DEFAULT_TRUNCATE_BYTES;
    private boolean debugHeaders;
    private Logger logger;
    private Supplier<String> errorContext;
    private Backoff backoff = Backoff.exponential();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DnsResolver dnsResolver;

    private Builder() {}

    /** Scheme, host and port every request path is relative to, for example {@code https://adb-1.2.azuredatabricks.net}. */
    public Builder baseUrl(String v) {
      String u = Objects.requireNonNull(v, "baseUrl").strip();
      while (u.endsWith("/")) {
        u = u.substring(0, u.length() - 1);
      }
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new IllegalArgumentException("baseUrl must start with https:// or http://, got: " + v);
      }
      baseUrl = u;
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

    /** Connect and read time-out ({@code http_timeout_seconds}); 60 s by default. */
    public Builder httpTimeout(Duration v) {
      connectTimeout = positive(v, "httpTimeout");
      readTimeout = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = positive(v, "connectTimeout");
      return this;
    }

    /** Longest silence while waiting for response bytes. */
    public Builder readTimeout(Duration v) {
      readTimeout = positive(v, "readTimeout");
      return this;
    }

    /** Time budget for all attempts of a call ({@code retry_timeout_seconds}); 300 s by default. */
    public Builder retryTimeout(Duration v) {
      retryTimeout = positive(v, "retryTimeout");
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
      skipVerify = v;
      return this;
    }

    /** A TLS context of your own: a custom truststore, or a client certificate for mTLS. */
    public Builder sslContext(SSLContext v) {
      sslContext = v;
      return this;
    }

    /** An explicit HTTP proxy. Without one the JVM's proxy settings apply ({@code https.proxyHost}, ...). */
    public Builder proxy(String host, int port) {
      proxyHost = Objects.requireNonNull(host, "host");
      proxyPort = port;
      return this;
    }

    public Builder proxyCredentials(String username, String password) {
      proxyUsername = username;
      proxyPassword = password;
      return this;
    }

    /** Pooled connections, in total and per host; 64 by default so 64 threads do not queue. */
    public Builder maxConnections(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + v);
      }
      maxConnections = v;
      return this;
    }

    /** Called on every attempt, after the authentication headers, to change the request. */
    public Builder interceptor(Consumer<HttpRequest.Builder> v) {
      interceptors.add(Objects.requireNonNull(v, "interceptor"));
      return this;
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

    Builder dnsResolver(DnsResolver v) {
      dnsResolver = v;
      return this;
    }

    public HttpPipeline build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      HttpLogger log = logger == null ? HttpLogger.create(debugTruncateBytes, debugHeaders)
          : HttpLogger.create(logger, debugTruncateBytes, debugHeaders);
      String ua = userAgent != null ? userAgent : UserAgent.forClient(System.getenv(), "", Map.of());
      return new HttpPipeline(new PipelineSettings(baseUrl, headers, Map.copyOf(staticHeaders), ua,
          connectTimeout, readTimeout, retryTimeout, retriesEnabled, rateLimit, skipVerify, sslContext,
          proxyHost, proxyPort, proxyUsername, proxyPassword, maxConnections, List.copyOf(interceptors), log,
          errorContext, backoff, clock, sleeper, dnsResolver));
    }

    private static Duration positive(Duration v, String what) {
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + v);
      }
      return v;
    }
  }
}
