package io.databricks4j.auth.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The plain-HTTP seam of the Azure tests: an azure-core {@link HttpClient} (the library's own
 * transport SPI, handed to every Azure Identity builder and to our own pipeline) that sends each
 * request to the local server registered for its origin, over real HTTP with the library's default
 * JDK client. Azure Identity insists on an https authority host and MSAL on the fixed IMDS address,
 * so re-pointing origins here is what lets the real library code reach 127.0.0.1. An origin with
 * no route fails: the tests can never reach the network.
 */
final class RoutingHttpClient implements HttpClient {
  private final HttpClient delegate = HttpClient.createDefault();
  private final Map<String, String> routes = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Sends requests for {@code origin} (for example {@code https://login.microsoftonline.com}) to {@code target}. */
  RoutingHttpClient route(String origin, String target) {
    routes.put(origin, target);
    return this;
  }

  /** Requests for {@code origin} fail as a transport error with {@code message}. */
  RoutingHttpClient fail(String origin, String message) {
    failures.put(origin, message);
    return this;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.defer(() -> delegate.send(reroute(request)));
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return Mono.defer(() -> delegate.send(reroute(request), context));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    return delegate.sendSync(reroute(request), context);
  }

  private HttpRequest reroute(HttpRequest request) {
    URL url = request.getUrl();
    boolean defaultPort = url.getPort() < 0 || url.getPort() == url.getDefaultPort();
    String origin = url.getProtocol() + "://" + url.getHost() + (defaultPort ? "" : ":" + url.getPort());
    String failure = failures.get(origin);
    if (failure != null) {
      throw new UncheckedIOException(new java.io.IOException(failure));
    }
    String target = routes.get(origin);
    if (target == null) {
      throw new IllegalStateException("the test has no local server for " + origin + " (" + url + ")");
    }
    String file = url.getFile();
    try {
      return request.copy().setUrl(new URL(target + file));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
