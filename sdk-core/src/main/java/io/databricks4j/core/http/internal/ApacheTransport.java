package io.databricks4j.core.http.internal;

import io.databricks4j.core.error.ErrorParser;
import io.databricks4j.http.HttpRequest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.SystemDefaultCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.LoggerFactory;

/** Sends one attempt with Apache HttpClient 5 (classic API) over a connection pool. */
final class ApacheTransport implements Closeable {
  /** Headers HttpClient sets itself from the entity and the route. */
  /** One response, its body still on the connection. */
  /** One answer; headers are read from the Apache response on demand (most calls need one or two). */
  static final class Exchange implements Closeable {
    private final ClassicHttpResponse response;
    private final InputStream body;
    private final long contentLength;
    private final URI redirectedTo;
    private final String reason;
    private Map<String, List<String>> headers;

    Exchange(ClassicHttpResponse response, InputStream body, long contentLength, URI redirectedTo) {
      this.response = response;
      this.body = body;
      this.contentLength = contentLength;
      this.redirectedTo = redirectedTo;
      String r = response.getReasonPhrase();
      this.reason = r == null || r.isBlank() ? ErrorParser.reasonPhrase(response.getCode()) : r;
    }

    int status() {
      return response.getCode();
    }

    String reason() {
      return reason;
    }

    InputStream body() {
      return body;
    }

    long contentLength() {
      return contentLength;
    }

    /** Where redirects ended, or null when the request was answered where it was sent. */
    URI redirectedTo() {
      return redirectedTo;
    }

    /** Every header, names case-insensitive, values in order. */
    Map<String, List<String>> headers() {
      Map<String, List<String>> h = headers;
      if (h == null) {
        h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header each : response.getHeaders()) {
          h.computeIfAbsent(each.getName(), k -> new ArrayList<>(1)).add(each.getValue());
        }
        headers = h;
      }
      return h;
    }

    void forEachHeader(java.util.function.BiConsumer<String, String> action) {
      for (Header each : response.getHeaders()) {
        action.accept(each.getName(), each.getValue());
      }
    }

    String header(String name) {
      Header h = response.getFirstHeader(name);
      return h == null ? null : h.getValue();
    }

    @Override
    public void close() throws IOException {
      response.close();
    }

    /** Closes the connection without reading the rest of the body (HttpClient's own abort of its body stream). */
    void abort() {
      try {
        if (body instanceof EofSensorInputStream eof) {
          eof.abort();
        }
        response.close();
      } catch (IOException ignored) {
        // the connection is gone either way
      }
    }
  }

  private final HttpHost host;
  private final String basePath;
  private final CloseableHttpClient client;

  ApacheTransport(PipelineSettings s) {
    URI base = URI.create(s.baseUrl());
    this.host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
    String p = base.getRawPath() == null ? "" : base.getRawPath();
    this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(s.maxConnections())
        .setMaxConnPerRoute(s.maxConnections())
        .setTlsSocketStrategy(new LazyTls(() -> tls(s)))
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(Timeout.of(s.readTimeout()))
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build());
    if (s.dnsResolver() != null) {
      pool.setDnsResolver(s.dnsResolver());
    }
    PoolingHttpClientConnectionManager manager = pool.build();
    HttpClientBuilder b = HttpClientBuilder.create()
        .setConnectionManager(manager)
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableDefaultUserAgent()
        .evictIdleConnections(TimeValue.ofMinutes(1))
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(s.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(s.readTimeout()))
            .build());
    if (s.proxyHost() != null) {
      HttpHost proxy = new HttpHost(s.proxyHost(), s.proxyPort());
      b.setRoutePlanner(new DefaultProxyRoutePlanner(proxy));
      if (s.proxyUsername() != null) {
        BasicCredentialsProvider creds = new BasicCredentialsProvider();
        creds.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(s.proxyUsername(),
            s.proxyPassword() == null ? new char[0] : s.proxyPassword().toCharArray()));
        b.setDefaultCredentialsProvider(creds);
      }
    } else {
      // http(s).proxyHost/Port, http.nonProxyHosts, java.net.useSystemProxies and http(s).proxyUser/Password
      if (systemProxyPossible()) {
        b.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
      }
      b.setDefaultCredentialsProvider(new SystemDefaultCredentialsProvider());
    }
    this.client = b.build();
  }

  /**
   * Whether the JVM may route through a proxy: a proxy system property, OS proxies, or a
   * ProxySelector the application installed. Without one, asking the selector on every request is
   * wasted work, so the direct route planner is used.
   */
  static boolean systemProxyPossible() {
    for (String p : new String[] {"http.proxyHost", "https.proxyHost", "socksProxyHost"}) {
      String v = System.getProperty(p);
      if (v != null && !v.isBlank()) {
        return true;
      }
    }
    ProxySelector selector = ProxySelector.getDefault();
    return Boolean.getBoolean("java.net.useSystemProxies") || selector == null
        || !selector.getClass().getName().equals("sun.net.spi.DefaultProxySelector");
  }

  /**
   * Builds the TLS strategy on the first TLS connection: loading the trust store takes 100-150 ms
   * of a cold start, which a client of a plain-HTTP host (the testkit's local workspace) never needs.
   */
  static final class LazyTls implements TlsSocketStrategy {
    private final Supplier<TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy strategy;

    LazyTls(Supplier<TlsSocketStrategy> factory) {
      this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
        throws IOException {
      TlsSocketStrategy t = strategy;
      if (t == null) {
        synchronized (this) {
          t = strategy;
          if (t == null) {
            t = factory.get();
            strategy = t;
          }
        }
      }
      return t.upgrade(socket, target, port, attachment, context);
    }
  }

  private static DefaultClientTlsStrategy tls(PipelineSettings s) {
    if (s.sslContext() != null) {
      return new DefaultClientTlsStrategy(s.sslContext());
    }
    if (s.skipVerify()) {
      LoggerFactory.getLogger("io.databricks4j").warn(
          "skip_verify is on: TLS certificates and host names are NOT verified for {}", s.baseUrl());
      return new DefaultClientTlsStrategy(trustAll(), HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
    }
    return new DefaultClientTlsStrategy(SSLContexts.createSystemDefault());
  }

  private static SSLContext trustAll() {
    TrustManager tm = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // skip_verify
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // skip_verify
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context for skip_verify", e);
    }
  }

  Exchange send(HttpRequest request) throws IOException {
    // the host is parsed once per pipeline; only the path and query change per call
    BasicClassicHttpRequest r = new BasicClassicHttpRequest(request.method(), host, basePath + request.pathAndQuery());
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (!managed(h.getKey())) {
        r.setHeader(h.getKey(), h.getValue());
      }
    }
    request.body().ifPresent(body -> r.setEntity(new BodyEntity(body)));
    HttpClientContext context = HttpClientContext.create();
    ClassicHttpResponse response = client.executeOpen(host, r, context);
    HttpEntity entity = response.getEntity();
    InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
    long length = entity == null ? 0 : entity.getContentLength();
    RedirectLocations redirects = context.getRedirectLocations();
    URI redirectedTo = redirects == null || redirects.size() == 0 ? null : redirects.get(redirects.size() - 1);
    return new Exchange(response, body, length, redirectedTo);
  }

  /** Headers the transport sets itself from the entity and the connection. */
  private static boolean managed(String name) {
    return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Connection");
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
