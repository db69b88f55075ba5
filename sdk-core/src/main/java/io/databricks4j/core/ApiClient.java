package io.databricks4j.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.databricks4j.core.auth.Credentials;
import io.databricks4j.core.auth.CredentialsResolver;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.core.http.HttpRequest;
import io.databricks4j.core.http.HttpResponse;
import io.databricks4j.core.internal.FeignPipelineClient;
import io.databricks4j.core.internal.HostResolution;
import io.databricks4j.core.internal.LazyHostTarget;
import io.databricks4j.core.internal.Pipelines;
import io.databricks4j.core.useragent.UserAgent;
import io.databricks4j.error.ConfigException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of a client: one connection pool, one authentication/retry/logging pipeline, and
 * the Feign proxies of the services, each made on first use and cached.
 *
 * <p>Creating an {@code ApiClient} does no network I/O: credentials are resolved on the first
 * request, once, thread-safely. Generated services call {@link #wire(Class)}; streaming
 * operations call {@link #execute(HttpRequest)}.
 */
public final class ApiClient implements AutoCloseable {
  private final DatabricksConfig config;
  private final CredentialsResolver resolver;
  private final Map<Class<?>, Object> wires = new ConcurrentHashMap<>();
  private final Object credentialsLock = new Object();
  private volatile DatabricksConfig effective;
  private volatile Credentials credentials;
  private volatile HttpPipeline pipeline;
  private volatile String userAgent;

  private ApiClient(DatabricksConfig config, CredentialsResolver resolver) {
    this.config = config.resolve();
    this.resolver = resolver;
  }

  /** A client of {@code config} (resolved here) using the credential strategies found by ServiceLoader. */
  public static ApiClient create(DatabricksConfig config) {
    return new ApiClient(config, CredentialsResolver.create());
  }

  /** A client with a credentials resolver of your own. */
  public static ApiClient create(DatabricksConfig config, CredentialsResolver resolver) {
    return new ApiClient(config, resolver);
  }

  /** The resolved configuration. */
  public DatabricksConfig config() {
    return config;
  }

  /** The shared JSON mapper. */
  public ObjectMapper objectMapper() {
    return Json.mapper();
  }

  /** The workspace id, sent as {@code X-Databricks-Workspace-Id} where the API wants it. */
  public Optional<String> workspaceId() {
    return config.workspaceId();
  }

  /** The selected credentials; resolves them on first call. */
  public Credentials credentials() {
    Credentials c = credentials;
    if (c == null) {
      synchronized (credentialsLock) {
        c = credentials;
        if (c == null) {
          c = resolver.resolve(effectiveConfig());
          credentials = c;
        }
      }
    }
    return c;
  }

  /**
   * The configuration requests use: {@link #config()}, with the host found by a
   * {@link io.databricks4j.auth.HostResolver} when none was configured (an Azure resource id,
   * say). Computed on first use, because finding a host may need the network.
   */
  public DatabricksConfig effectiveConfig() {
    DatabricksConfig e = effective;
    if (e == null) {
      synchronized (credentialsLock) {
        e = effective;
        if (e == null) {
          e = HostResolution.withHost(config);
          effective = e;
        }
      }
    }
    return e;
  }

  /** The auth type in use (resolves credentials). */
  public String authType() {
    return credentials().authType();
  }

  /**
   * The Feign proxy of a wire interface, made once per client.
   *
   * @param <T> the wire interface
   */
  @SuppressWarnings("unchecked")
  public <T> T wire(Class<T> wireInterface) {
    return (T) wires.computeIfAbsent(wireInterface, this::newWire);
  }

  private Object newWire(Class<?> type) {
    ObjectMapper mapper = Json.mapper();
    return Feign.builder()
        .client(new FeignPipelineClient(this::pipeline))
        .encoder(new JacksonEncoder(mapper))
        .decoder(new JacksonDecoder(mapper))
        .retryer(Retryer.NEVER_RETRY)
        .target(new LazyHostTarget<>(type, this::requireHost));
  }

  /** Sends a request through the authentication, retry, logging and error pipeline. */
  public HttpResponse execute(HttpRequest request) {
    return pipeline().execute(request);
  }

  private String requireHost() {
    return effectiveConfig().host().orElseThrow(() -> new ConfigException(
        "no host configured: set host, DATABRICKS_HOST or a profile with a host. " + config.debugString(true)));
  }

  private HttpPipeline pipeline() {
    HttpPipeline p = pipeline;
    if (p == null) {
      synchronized (this) {
        p = pipeline;
        if (p == null) {
          p = Pipelines.build(effectiveConfig(), requireHost(), this::requestHeaders);
          pipeline = p;
        }
      }
    }
    return p;
  }

  private Map<String, String> requestHeaders() {
    Credentials c = credentials();
    String ua = userAgent;
    if (ua == null) {
      ua = UserAgent.forClient(config.environment(), c.authType(), config.userAgentExtras());
      userAgent = ua;
    }
    Map<String, String> headers = new HashMap<>(c.headers());
    headers.put("User-Agent", ua);
    return headers;
  }

  @Override
  public void close() {
    HttpPipeline p = pipeline;
    if (p != null) {
      p.close();
    }
  }

  @Override
  public String toString() {
    return "ApiClient{host=" + config.host().orElse("(unresolved)") + ", credentials=" + (credentials == null ? "unresolved" : credentials.authType()) + "}";
  }
}
