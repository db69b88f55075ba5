package io.databricks4j.it.support;

import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.NameResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the requests for real host names to local servers: as a {@link NameResolver} it resolves
 * the routed names to 127.0.0.1 (and no other name: nothing reaches the network); as a policy it
 * puts the local server's port into a URL that names none (or 443), since a test cannot listen on 443.
 * The request still goes out through the transport to the host name, with its TLS check of that
 * name.
 */
public final class LocalRoutes implements NameResolver, HttpPolicy {
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  /** Routes {@code https://host} (no port) to 127.0.0.1:{@code port}. */
  public LocalRoutes route(String host, int port) {
    ports.put(host.toLowerCase(Locale.ROOT), port);
    return this;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String h = host.toLowerCase(Locale.ROOT);
    if (ports.containsKey(h) || h.equals("localhost")) {
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }
    if (h.matches("[0-9.]+")) {
      return new InetAddress[] {InetAddress.getByName(h)};
    }
    throw new UnknownHostException(host + " is not routed by the test");
  }

  @Override
  public HttpResponse process(HttpRequest request, Chain chain) throws IOException {
    String origin = request.origin().orElse(null);
    if (origin != null) {
      URI u = URI.create(origin);
      boolean defaultPort = u.getPort() < 0 || u.getPort() == 443 && u.getScheme().equalsIgnoreCase("https");
      Integer port = defaultPort ? ports.get(u.getHost().toLowerCase(Locale.ROOT)) : null;
      if (port != null) {
        return chain.proceed(request.withOrigin(u.getScheme() + "://" + u.getHost() + ":" + port));
      }
    }
    return chain.proceed(request);
  }
}
