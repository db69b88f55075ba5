package io.databricks4j.core.http.internal;

import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.ResponseHandler;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pipeline behind {@link io.databricks4j.core.http.HttpPipeline}: one chain of policies around
 * one transport, for the client's calls and for the requests of its plug-ins.
 * <pre>
 * call ─► user agent ─► PER_CALL policies ─► retry ({@link Call})
 *            └─ each attempt ─► rate limit ─► headers (static, auth) ─► PER_ATTEMPT policies ─► log ─► transport
 *                               └─ then, still in the attempt: status, error body, decoding with a deadline
 * </pre>
 */
public final class DefaultPipeline implements Closeable {
  /** Error bodies are read up to this size; a larger body is cut there and its connection dropped. */
  static final int MAX_ERROR_BODY = 64 * 1024;
  /** JSON bodies up to this size are logged at DEBUG; larger ones stream unlogged. */
  static final int MAX_LOGGED_BODY = 1024 * 1024;
  /** Plug-in answers are read into memory up to this size. */
  static final int MAX_PLUGIN_BODY = 1024 * 1024;
  /** Plug-in requests connect within this time at most, whatever http_timeout_seconds says. */
  static final Duration PLUGIN_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Policies that modules register with ServiceLoader, found once. */
  private static final class ModulePolicies {
    static final List<HttpPolicy> ALL = ServiceLoader.load(HttpPolicy.class, HttpPolicy.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Who a call is for: the client's own calls (rate-limited, errors thrown; with {@code
   * authenticate}, the client's authentication headers) or a plug-in's requests (no authentication
   * headers, no permits, answers returned whatever their status).
   */
  record Route(HttpTransport transport, boolean client, boolean authenticate, Duration budget) {}

  final PipelineSettings s;
  final HttpLogger log;
  final HttpPolicy[] perCall;
  final HttpPolicy[] perAttempt;
  final RateLimit rateLimit;
  final Route clientRoute;
  /** The client's calls that carry authentication of their own (a data-plane token). */
  private final Route ownAuthRoute;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final Map<String, String> clientHeaders;
  private final Map<String, String> pluginHeaders;
  /** Transports of plug-in routes, by connect and read time-out. */
  private final Map<String, HttpTransport> pluginTransports = new ConcurrentHashMap<>();

  public DefaultPipeline(PipelineSettings settings) {
    this.s = settings;
    this.log = settings.logger();
    List<HttpPolicy> all = new ArrayList<>(settings.policies());
    all.addAll(ModulePolicies.ALL);
    this.perCall = all.stream().filter(p -> p.position() == HttpPolicy.Position.PER_CALL).toArray(HttpPolicy[]::new);
    this.perAttempt = all.stream().filter(p -> p.position() != HttpPolicy.Position.PER_CALL).toArray(HttpPolicy[]::new);
    this.rateLimit = settings.rateLimit() > 0 ? new RateLimit(settings.rateLimit(), settings.nanoTime()) : null;
    this.ownsTransport = settings.transport() == null;
    this.transport = ownsTransport
        ? Transports.select(settings.transportName()).create(settings.transportOptions()) : settings.transport();
    this.clientRoute = new Route(transport, true, true, settings.retryTimeout());
    this.ownAuthRoute = new Route(transport, true, false, settings.retryTimeout());
    Map<String, String> h = new HashMap<>();
    if (!settings.userAgent().isEmpty()) {
      h.put("User-Agent", settings.userAgent());
    }
    this.pluginHeaders = Map.copyOf(h);
    this.clientHeaders = pluginHeaders;
  }

  /** The transport of this pipeline (its own, or the one it shares). */
  public HttpTransport transport() {
    return transport;
  }

  /**
   * Sends a call of the client; with a {@code handler}, hands it the successful response inside the
   * attempt and returns what it made, else returns the open response.
   */
  public <T> T execute(HttpRequest request, ResponseHandler<T> handler) {
    return new Call<>(this, clientRoute, request, handler, false).run();
  }

  /**
   * Sends a call of the client that carries its own {@code Authorization} (a data-plane token, say)
   * instead of the client's credentials; otherwise like {@link #execute}.
   */
  public <T> T executeWithOwnAuthorization(HttpRequest request, ResponseHandler<T> handler) {
    return new Call<>(this, ownAuthRoute, request, handler, false).run();
  }

  /** Sends a call whose body streams to the caller; with {@code resumable}, a broken body resumes with {@code Range}. */
  public HttpResponse stream(HttpRequest request, boolean resumable) {
    return new Call<HttpResponse>(this, clientRoute, request, null, resumable).run();
  }

  /** The way to the network of the client's plug-ins: same pipeline, no authentication, own budget. */
  public HttpSender sender() {
    return new PluginSender(this, null, s.pluginBudget());
  }

  /** A plug-in route whose connections give up after {@code connectTimeout}, sharing nothing with the client's pool. */
  Route pluginRoute(Duration connectTimeout, Duration budget) {
    Duration connect = connectTimeout != null ? connectTimeout
        : min(s.transportOptions().connectTimeout(), PLUGIN_CONNECT_TIMEOUT);
    // a plug-in's silence may not outlast its budget: the read time-out is the budget at most
    Duration read = min(s.transportOptions().readTimeout(), budget);
    HttpTransport t = pluginTransports.computeIfAbsent(connect + "/" + read, k -> Transports.select(s.transportName())
        .create(s.transportOptions().toBuilder().connectTimeout(connect).readTimeout(read).maxConnections(4).build()));
    return new Route(t, false, false, budget);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The request as sent: the client's origin unless it has one, static headers it does not set,
   * the user agent and, on the client's route, the authentication headers of this attempt.
   */
  HttpRequest prepare(HttpRequest original, Route route) {
    if (s.origin() == null && original.origin().isEmpty()) {
      throw new IllegalStateException("this pipeline has no host: " + original + " needs an absolute URL");
    }
    if (!route.client()) {
      return original.resolve(s.origin(), pluginHeaders);
    }
    Map<String, String> more = s.staticHeaders().isEmpty() && (s.headers() == null || !route.authenticate())
        ? clientHeaders : new HashMap<>(clientHeaders);
    s.staticHeaders().forEach((k, v) -> {
      if (original.header(k).isEmpty()) {
        more.put(k, v);
      }
    });
    if (s.headers() != null && route.authenticate()) {
      Map<String, String> auth = s.headers().get();
      if (auth != null) {
        more.putAll(auth);
      }
    }
    return original.resolve(s.origin(), more);
  }

  /**
   * The innermost stage of an attempt: logs the request, sends it, logs the answer. An error answer's
   * body is read here, up to {@link #MAX_ERROR_BODY}, and the connection released (dropped when the
   * body was larger); {@code call} learns whether it was cut.
   */
  HttpResponse logAndSend(HttpRequest sent, Route route, Call<?> call) throws IOException {
    boolean logging = log.isEnabled(); // the call's tag is made only for a log line that is written
    if (logging) {
      log.request(sent, call.tag(), !route.client());
    }
    HttpResponse r = route.transport().send(sent);
    int status = r.status();
    if (status < 200 || status >= 300) {
      byte[] body;
      boolean cut;
      try (InputStream in = r.body()) {
        body = in.readNBytes(route.client() ? MAX_ERROR_BODY : MAX_PLUGIN_BODY);
        cut = in.read() >= 0;
      } catch (IOException e) {
        r.abort();
        throw e;
      }
      if (cut) {
        r.abort(); // do not drain a body of any size to reuse one connection
      } else {
        r.close();
      }
      call.cut = cut;
      if (logging) {
        log.response(sent, status, r.reason(), r.headers(), body, null, call.tag(), !route.client());
      }
      return r.withBody(new ByteArrayInputStream(body), body.length);
    }
    if (!logging || !route.client()) {
      if (logging) {
        log.response(sent, status, r.reason(), r.headers(), null, "<" + length(r) + ">", call.tag(), !route.client());
      }
      return r;
    }
    String type = r.header("Content-Type").orElse(null);
    if (type != null && type.toLowerCase(Locale.ROOT).contains("json") && r.contentLength() <= MAX_LOGGED_BODY) {
      InputStream body = r.body();
      byte[] head;
      try {
        head = body.readNBytes(MAX_LOGGED_BODY + 1);
      } catch (IOException e) {
        r.abort();
        throw e;
      }
      if (head.length <= MAX_LOGGED_BODY) {
        log.response(sent, status, r.reason(), r.headers(), head, null, call.tag(), !route.client());
        return r.withBody(new ByteArrayInputStream(head), head.length);
      }
      log.response(sent, status, r.reason(), r.headers(), null, "<JSON body over 1 MiB, not logged>", call.tag(), !route.client());
      return r.withBody(new SequenceInputStream(new ByteArrayInputStream(head), body), r.contentLength());
    }
    log.response(sent, status, r.reason(), r.headers(), null, status == 204 ? "" : "<streaming body, " + length(r)
        + (type == null ? "" : ", " + type) + ">", call.tag(), !route.client());
    return r;
  }

  private static String length(HttpResponse r) {
    return r.contentLength() < 0 ? "unknown length" : r.contentLength() + " bytes";
  }

  @Override
  public void close() {
    DatabricksException failure = null;
    List<HttpTransport> all = new ArrayList<>(pluginTransports.values());
    if (ownsTransport) {
      all.add(transport);
    }
    for (HttpTransport t : all) {
      try {
        t.close();
      } catch (RuntimeException e) {
        failure = failure != null ? failure : new DatabricksException("cannot close the HTTP transport: " + e, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
