package io.databricks4j.auth.testing;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sender of plug-in tests whose libraries insist on real endpoints ({@code https://login.microsoftonline.com},
 * the fixed metadata address): requests for an origin given to {@link #route} go to the local server
 * registered for it, loopback origins go through as they are, and any other origin fails as a transport
 * error, so no test can reach the network. Every request is recorded as the plug-in sent it, before
 * routing, and so is every {@link #withLimits} a plug-in asks for; senders made by {@link #withLimits}
 * route and record into the same lists.
 */
public final class RoutingSender implements HttpSender {
  private final HttpSender delegate;
  private final Map<String, String> routes;
  private final Map<String, String> failures;
  private final List<Sent> sent;
  private final List<Limits> limits;
  private final Limits own;

  /** What a plug-in asked {@link #withLimits} for. */
  public record Limits(Duration connectTimeout, Duration budget) {}

  /** A request as the plug-in made it, and the limits of the sender it used (null: none asked for). */
  public record Sent(HttpRequest request, Limits limits) {}

  /** Over a fresh {@link JdkSender}. */
  public RoutingSender() {
    this(new JdkSender());
  }

  public RoutingSender(HttpSender delegate) {
    this(delegate, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(),
        new CopyOnWriteArrayList<>(), null);
  }

  private RoutingSender(HttpSender delegate, Map<String, String> routes, Map<String, String> failures,
      List<Sent> sent, List<Limits> limits, Limits own) {
    this.delegate = delegate;
    this.routes = routes;
    this.failures = failures;
    this.sent = sent;
    this.limits = limits;
    this.own = own;
  }

  /** Sends requests for {@code origin} ({@code https://login.microsoftonline.com}) to {@code target} ({@code http://127.0.0.1:1234}). */
  public RoutingSender route(String origin, String target) {
    routes.put(normalize(origin), target);
    return this;
  }

  /** Requests for {@code origin} fail as a sender does when it gets no answer, with {@code message}. */
  public RoutingSender fail(String origin, String message) {
    failures.put(normalize(origin), message);
    return this;
  }

  /** Forgets routes, failures, recorded requests and limits, for this sender and those made from it. */
  public void clear() {
    routes.clear();
    failures.clear();
    sent.clear();
    limits.clear();
  }

  /** Every request sent so far, as the plug-in made it (its origin not yet rewritten). */
  public List<HttpRequest> requests() {
    List<HttpRequest> out = new ArrayList<>();
    sent.forEach(s -> out.add(s.request()));
    return out;
  }

  /** Every request sent so far with the limits it was sent under. */
  public List<Sent> sent() {
    return new ArrayList<>(sent);
  }

  /** The number of requests sent so far. */
  public int count() {
    return sent.size();
  }

  /** The limits asked for so far, in order. */
  public List<Limits> limitsAsked() {
    return new ArrayList<>(limits);
  }

  /** The limits this sender was made with; null for the one a test built. */
  public Limits limits() {
    return own;
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    String origin = normalize(request.origin().orElseThrow(
        () -> new IllegalArgumentException("a plug-in request must carry an origin: " + request)));
    sent.add(new Sent(request, own));
    String failure = failures.get(origin);
    if (failure != null) {
      throw new DatabricksException(request.method() + " " + origin + request.path() + " failed: " + failure);
    }
    String target = routes.get(origin);
    if (target == null && !loopback(origin)) {
      throw new DatabricksException(request.method() + " " + origin + request.path()
          + " failed: the test has no local server for " + origin);
    }
    return delegate.send(target == null ? request : request.withOrigin(target));
  }

  @Override
  public HttpSender withLimits(Duration connectTimeout, Duration budget) {
    Limits l = new Limits(connectTimeout, budget);
    limits.add(l);
    return new RoutingSender(delegate.withLimits(connectTimeout, budget), routes, failures, sent, limits, l);
  }

  private static boolean loopback(String origin) {
    String rest = origin.substring(origin.indexOf("://") + 3);
    return rest.startsWith("127.0.0.1") || rest.startsWith("localhost") || rest.startsWith("[::1]");
  }

  /** Lower case, without the scheme's default port. */
  private static String normalize(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (o.startsWith("https://") && o.endsWith(":443")) {
      return o.substring(0, o.length() - 4);
    }
    if (o.startsWith("http://") && o.endsWith(":80")) {
      return o.substring(0, o.length() - 3);
    }
    return o;
  }
}
