package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.ProxySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default transport: Apache HttpClient 5 (classic API) over a connection pool of {@link
 * QuietConnection}s. It does no retries, follows no redirects and keeps no cookies; the pipeline
 * above it does what is needed of those.
 */
final class ApacheTransport implements HttpTransport {
  private final CloseableHttpClient client;
  /** Basic credentials of the proxy, sent with the first request rather than after a 407; null without. */
  private final AuthCache authCache;

  ApacheTransport(HttpTransportOptions o) {
    ConnectionConfig.Builder connection = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(o.connectTimeout()))
        .setSocketTimeout(Timeout.of(o.readTimeout()))
        .setValidateAfterInactivity(TimeValue.ofSeconds(2));
    o.connectionTtl().ifPresent(ttl -> connection.setTimeToLive(TimeValue.of(ttl)));
    PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(o.connectTimeout())).build())
        .setMaxConnTotal(o.maxConnections())
        .setMaxConnPerRoute(o.maxConnections())
        .setConnectionFactory(QuietConnection.FACTORY)
        .setTlsSocketStrategy(new Tls(o))
        .setDnsResolver(new Dns(o.nameResolver()))
        .setDefaultConnectionConfig(connection.build());
    HttpClientBuilder b = HttpClientBuilder.create()
        .setConnectionManager(pool.build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableDefaultUserAgent()
        .evictIdleConnections(TimeValue.of(o.idleTimeout()))
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(o.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(o.readTimeout()))
            .build());
    this.authCache = o.proxy().map(p -> proxy(b, p)).orElse(null);
    this.client = b.build();
  }

  /** The proxy for the hosts it applies to, direct for the others (loopback, metadata, NO_PROXY). */
  private static AuthCache proxy(HttpClientBuilder b, ProxySettings p) {
    HttpHost proxy = new HttpHost(p.host(), p.port());
    HttpRoutePlanner direct = new org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner(null);
    HttpRoutePlanner viaProxy = new org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner(proxy);
    b.setRoutePlanner((target, context) -> p.appliesTo(target.getHostName())
        ? viaProxy.determineRoute(target, context) : direct.determineRoute(target, context));
    if (p.authType() != ProxySettings.AuthType.BASIC || p.username().isEmpty()) {
      return null;
    }
    UsernamePasswordCredentials credentials =
        new UsernamePasswordCredentials(p.username().get(), p.password().orElse("").toCharArray());
    BasicCredentialsProvider creds = new BasicCredentialsProvider();
    creds.setCredentials(new AuthScope(proxy), credentials);
    b.setDefaultCredentialsProvider(creds);
    BasicScheme basic = new BasicScheme();
    basic.initPreemptive(credentials);
    BasicAuthCache cache = new BasicAuthCache();
    cache.put(proxy, basic);
    return cache;
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      // blocking sockets do not notice an interrupt, so an interrupted thread starts no exchange
      throw new InterruptedIOException("interrupted before " + request.method() + " " + request.path() + " was sent");
    }
    String origin = request.origin().orElseThrow(() -> new IllegalArgumentException(
        "a request reaches the transport with its origin set: " + request));
    HttpHost host = host(origin);
    BasicClassicHttpRequest r = new BasicClassicHttpRequest(request.method(), host, request.pathAndQuery());
    boolean hasBody = request.body().isPresent();
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (!managed(h.getKey()) && !(hasBody && h.getKey().equalsIgnoreCase("Content-Type"))) {
        r.setHeader(h.getKey(), h.getValue()); // a body's own type wins over a header
      }
    }
    request.body().ifPresent(body -> r.setEntity(new BodyEntity(body)));
    ClassicHttpResponse response;
    try {
      HttpClientContext context = null;
      if (authCache != null) {
        context = HttpClientContext.create();
        context.setAuthCache(authCache);
      }
      response = client.executeOpen(host, r, context);
    } catch (Tls.HandshakeFailed e) {
      throw e.asConnectException();
    } catch (ConnectTimeoutException e) {
      // HttpClient's connect time-out is an InterruptedIOException; it is a connect failure
      ConnectException c = new ConnectException("connect to " + origin + " timed out: " + e.getMessage());
      c.initCause(e);
      throw c;
    }
    HttpEntity entity = response.getEntity();
    InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
    HttpResponse.Builder b = HttpResponse.builder()
        .status(response.getCode())
        .reason(response.getReasonPhrase() == null ? "" : response.getReasonPhrase())
        .body(body)
        .contentLength(entity == null ? 0 : entity.getContentLength())
        .onClose(() -> {
          try {
            response.close();
          } catch (IOException broken) {
            abort(body, response); // a connection that cannot be drained is dropped
          }
        })
        .onAbort(() -> abort(body, response));
    for (Header h : response.getHeaders()) {
      b.header(h.getName(), h.getValue());
    }
    return b.build();
  }

  /** The last origin and its parsed host: a client sends nearly every request to one host. */
  private record Target(String origin, HttpHost host) {}

  private volatile Target last;

  private HttpHost host(String origin) {
    Target t = last;
    if (t == null || !t.origin().equals(origin)) {
      t = new Target(origin, HttpHost.create(URI.create(origin)));
      last = t;
    }
    return t.host();
  }

  /** Drops the connection without reading the rest of the body. */
  private static void abort(InputStream body, ClassicHttpResponse response) {
    try {
      if (body instanceof EofSensorInputStream eof) {
        eof.abort();
      }
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
    try {
      response.close();
    } catch (IOException ignored) {
      // likewise
    }
  }

  /** Headers the transport sets itself from the entity and the connection. */
  private static boolean managed(String name) {
    return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Connection");
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  @Override
  public String toString() {
    return "ApacheTransport";
  }
}
