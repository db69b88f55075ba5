package io.databricks4j.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.core.auth.Credentials;
import io.databricks4j.core.auth.CredentialsResolver;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.ResponseHandler;
import io.databricks4j.auth.Token;
import io.databricks4j.core.internal.Background;
import io.databricks4j.core.internal.DataPlaneTokens;
import io.databricks4j.core.internal.HostResolution;
import io.databricks4j.core.internal.JsonCodec;
import io.databricks4j.core.internal.WireInvoker;
import io.databricks4j.core.internal.Pipelines;
import io.databricks4j.core.useragent.UserAgent;
import io.databricks4j.error.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

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
  /** One codec for every client: its readers and writers depend only on the shared mapper. */
  private static final JsonCodec CODEC = new JsonCodec(Json::mapper);

  static {
    // no request and no proxy while a client is built; but every call needs the JSON mapper, whose
    // classes take about 100 ms to load: the first client starts on them, on a daemon thread
    Background.run("databricks4j-json", Json::mapper);
  }

  private final Map<Class<?>, Object> wires = new ConcurrentHashMap<>();
  private final AtomicBoolean warmingUp = new AtomicBoolean();
  private final Object credentialsLock = new Object();
  private volatile DatabricksConfig effective;
  private volatile Credentials credentials;
  private final SharedBase base;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile HttpPipeline pipeline;

  private ApiClient(DatabricksConfig config, CredentialsResolver resolver, SharedBase base) {
    this.config = config.resolve();
    this.resolver = resolver;
    this.base = base;
  }

  /** A client of {@code config} (resolved here) using the credential strategies found by ServiceLoader. */
  public static ApiClient create(DatabricksConfig config) {
    return new ApiClient(config, CredentialsResolver.create(), new SharedBase());
  }

  /** A client with a credentials resolver of your own. */
  public static ApiClient create(DatabricksConfig config, CredentialsResolver resolver) {
    return new ApiClient(config, resolver, new SharedBase());
  }

  /**
   * A client of another configuration (another workspace of an account, say) with this client's
   * credentials resolver. When the two configurations have the same HTTP settings (the same {@link
   * HttpOptions} object, as {@link DatabricksConfig#toBuilder()} keeps it, and equal time-outs,
   * retry, rate-limit, TLS, transport, proxy and debug attributes, environment and user-agent
   * extras), the new client uses this client's transport and connection pool rather than opening
   * its own. Either client may be closed first: the pool closes with the last one. Otherwise, or
   * when this client is closed already, the new client has a pool of its own.
   */
  public ApiClient derive(DatabricksConfig other) {
    DatabricksConfig resolved = other.resolve();
    if (sameHttp(config, resolved) && base.retain()) {
      return new ApiClient(resolved, resolver, base);
    }
    return new ApiClient(resolved, resolver, new SharedBase());
  }

  /** The attributes the base pipeline (transport, plug-in sender) is built from. */
  private static final List<ConfigAttribute> HTTP_ATTRIBUTES = List.of(ConfigAttribute.HTTP_TIMEOUT_SECONDS,
      ConfigAttribute.RETRY_TIMEOUT_SECONDS, ConfigAttribute.RATE_LIMIT, ConfigAttribute.SKIP_VERIFY,
      ConfigAttribute.DISABLE_RETRIES, ConfigAttribute.DEBUG_TRUNCATE_BYTES, ConfigAttribute.DEBUG_HEADERS,
      ConfigAttribute.HTTP_TRANSPORT, ConfigAttribute.PROXY_HOST, ConfigAttribute.PROXY_PORT,
      ConfigAttribute.PROXY_USERNAME, ConfigAttribute.PROXY_PASSWORD, ConfigAttribute.PROXY_AUTH_TYPE,
      ConfigAttribute.USE_SYSTEM_PROPERTIES_HTTP);

  private static boolean sameHttp(DatabricksConfig a, DatabricksConfig b) {
    return a.httpOptions() == b.httpOptions() && a.environment().equals(b.environment())
        && a.userAgentExtras().equals(b.userAgentExtras())
        && HTTP_ATTRIBUTES.stream().allMatch(at -> a.get(at).equals(b.get(at)));
  }

  /**
   * The resolved configuration; once the credentials are resolved (by the first call), with the
   * {@code auth_type} that was selected, so {@code config().authType()} names the winner.
   */
  public DatabricksConfig config() {
    Credentials c = credentials;
    if (c == null || config.authType().isPresent()) {
      return config;
    }
    DatabricksConfig withType = withAuthType;
    if (withType == null) {
      withType = config.withDerived(ConfigAttribute.AUTH_TYPE, c.authType(),
          "the credentials strategy that applied");
      withAuthType = withType;
    }
    return withType;
  }

  private volatile DatabricksConfig withAuthType;

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
          c = resolver.resolve(effectiveConfig(), base().sender());
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
          e = HostResolution.withHost(config, base().sender());
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
    warmUpPipeline();
    return WireInvoker.create(type, this::pipeline, CODEC);
  }

  /**
   * A wire is built because a call is about to be made: build the pipeline (credentials, HTTP
   * client) on another thread meanwhile, so a cold start pays for the proxy and the pipeline at
   * once rather than one after the other. A failure there is dropped: the call builds the pipeline
   * itself and reports it.
   */
  private void warmUpPipeline() {
    if (pipeline == null && warmingUp.compareAndSet(false, true)) {
      Background.run("databricks4j-pipeline", () -> {
        try {
          pipeline();
        } catch (RuntimeException e) {
          LoggerFactory.getLogger("io.databricks4j")
              .debug("building the pipeline ahead of the first call failed; the call will report it", e);
        }
      });
    }
  }

  /** Sends a request through the authentication, retry, logging and error pipeline. */
  public HttpResponse execute(HttpRequest request) {
    return pipeline().execute(request);
  }

  /**
   * Sends {@code request} and hands the successful response to {@code handler} inside the attempt:
   * a connection lost while the handler reads the body fails the attempt, which is retried when the
   * request {@linkplain HttpRequest#idempotent() may be repeated}. The response is closed afterwards.
   *
   * @return what {@code handler} returned
   */
  public <T> T call(HttpRequest request, ResponseHandler<T> handler) {
    return pipeline().execute(request, handler);
  }

  /** Sends {@code request} and reads and drops the body of its successful response. */
  public void call(HttpRequest request) {
    call(request, response -> {
      response.body().transferTo(java.io.OutputStream.nullOutputStream());
      return null;
    });
  }

  /**
   * Sends {@code request} and returns the response with its body still streaming. With {@code
   * resumable}, the operation honours {@code Range}: a connection lost while the body is read is
   * resumed from the next byte with a ranged request, as long as the resource is unchanged.
   * Close the response.
   */
  public HttpResponse stream(HttpRequest request, boolean resumable) {
    return pipeline().stream(request, resumable);
  }

  /**
   * Retries a whole operation of several requests from its start (an upload from a file, say) when
   * it fails in a way the failure table retries, at most {@code maxAttempts} times within {@code
   * retry_timeout_seconds}, waiting as the client's calls do ({@link HttpOptions#retryBackoff()}).
   * Only for operations that may be done again: their source can be read again and their first
   * request starts afresh. With {@code disable_retries}, the operation runs once.
   */
  public <T> T retrying(String what, int maxAttempts, java.util.function.Supplier<T> operation) {
    return io.databricks4j.core.retry.Retrying.of(config.disableRetries() ? 1 : maxAttempts,
            java.time.Duration.ofSeconds(config.retryTimeoutSeconds()),
            config.httpOptions().retryBackoff().orElseGet(io.databricks4j.core.retry.Backoff::exponential),
            io.databricks4j.core.retry.Sleeper.system(), java.time.Clock.systemUTC())
        .run(what, operation);
  }

  /**
   * Calls a serving data-plane URL: {@code request} (an absolute URL, the endpoint's {@code
   * data_plane_info} {@code endpoint_url}) is sent through this client's pipeline with a
   * data-plane token instead of the client's credentials. The token is the client's Databricks
   * OAuth token exchanged for one scoped by {@code authorizationDetails}, cached until it expires.
   *
   * @throws io.databricks4j.auth.CredentialsException when the credentials are not a Databricks OAuth
   *     token (a PAT, basic, Azure or Google credentials cannot be exchanged)
   */
  public <T> T dataPlane(HttpRequest request, String authorizationDetails, ResponseHandler<T> handler) {
    DataPlaneTokens tokens = dataPlaneTokens;
    if (tokens == null) {
      synchronized (this) {
        tokens = dataPlaneTokens;
        if (tokens == null) {
          Credentials c = credentials();
          tokens = new DataPlaneTokens(requireHost(), base().sender(), () -> c.headerFactory().oauthToken()
              .orElseThrow(() -> new io.databricks4j.auth.CredentialsException("this operation calls the serving data "
                  + "plane, which needs a Databricks OAuth credential (oauth-m2m, external-browser, databricks-cli, "
                  + "github-oidc, ...); the " + c.authType() + " credentials cannot be exchanged for a data-plane "
                  + "token. Configure OAuth, or call the control-plane route (servingEndpoints().query(...))")));
          dataPlaneTokens = tokens;
        }
      }
    }
    Token token = tokens.token(authorizationDetails);
    return pipeline().executeWithOwnAuthorization(request.toBuilder().header("Authorization",
        token.authorizationHeader()).build(), handler);
  }

  private volatile DataPlaneTokens dataPlaneTokens;

  /** A handler that reads the body as JSON of {@code type}; an empty body gives {@code null}. */
  public static <T> ResponseHandler<T> json(Class<T> type) {
    return response -> type.cast(CODEC.decode(response, type));
  }

  private String requireHost() {
    return effectiveConfig().host().orElseThrow(() -> new ConfigException(
        "no host configured: set host, DATABRICKS_HOST or a profile with a host. " + config.debugString(true)));
  }

  /**
   * The pipeline that owns the transport and carries the plug-ins' requests (tokens, discovery):
   * built before the credentials, which reach the network through it. Builds no connection.
   */
  private HttpPipeline base() {
    return base.get(() -> Pipelines.base(config, UserAgent.forClient(config.environment(), "", config.userAgentExtras())));
  }

  private HttpPipeline pipeline() {
    HttpPipeline p = pipeline;
    if (p == null) {
      synchronized (this) {
        p = pipeline;
        if (p == null) {
          // credentials first, so the user agent names the auth type and each attempt asks the
          // header factory alone; the 401/403 context names the strategy that was used
          Credentials c = credentials();
          String userAgent = UserAgent.forClient(config.environment(), c.authType(), config.userAgentExtras());
          DatabricksConfig e = effectiveConfig();
          p = Pipelines.client(e, base(), requireHost(), userAgent, c::headers,
              () -> e.debugString(true) + (e.authType().isPresent() ? "" : ". Credentials: " + c.authType()));
          pipeline = p;
        }
      }
    }
    return p;
  }

  /** The way to the network of plug-ins, through this client's pipeline and transport. */
  public io.databricks4j.http.HttpSender pluginSender() {
    return base().sender();
  }

  /**
   * Closes this client's pipeline, and the transport with its connection pool unless a client
   * {@linkplain #derive derived} from it (or the one it was derived from) still uses them.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    HttpPipeline p = pipeline;
    if (p != null) {
      p.close();
    }
    base.release();
  }

  @Override
  public String toString() {
    return "ApiClient{host=" + config.host().orElse("(unresolved)") + ", credentials=" + (credentials == null ? "unresolved" : credentials.authType()) + "}";
  }

  /**
   * The base pipeline, which owns the transport (the connection pool), with the clients that use
   * it counted: built on first use by whichever client needs it first, closed when the last client
   * is closed.
   */
  private static final class SharedBase {
    private HttpPipeline pipeline;
    private int users = 1;

    synchronized HttpPipeline get(Supplier<HttpPipeline> build) {
      if (users == 0) {
        throw new IllegalStateException("this client is closed: create a new one");
      }
      if (pipeline == null) {
        pipeline = build.get();
      }
      return pipeline;
    }

    /** Counts one more client, unless every client is closed already. */
    synchronized boolean retain() {
      if (users == 0) {
        return false;
      }
      users++;
      return true;
    }

    synchronized void release() {
      if (users > 0 && --users == 0 && pipeline != null) {
        pipeline.close();
      }
    }
  }
}
