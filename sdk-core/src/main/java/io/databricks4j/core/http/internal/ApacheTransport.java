package io.databricks4j.core.http.internal;

import io.databricks4j.core.error.ErrorParser;
import io.databricks4j.core.http.HttpRequest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
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
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.LoggerFactory;

/** Sends one attempt with Apache HttpClient 5 (classic API) over a connection pool. */
final class ApacheTransport implements Closeable {
  /** Headers HttpClient sets itself from the entity and the route. */
  private static final Set<String> MANAGED = Set.of("content-length", "transfer-encoding", "host", "connection");

  /** One response, its body still on the connection. */
  record Exchange(int status, String reason, Map<String, List<String>> headers, InputStream body,
      long contentLength, URI finalUri, ClassicHttpResponse response) implements Closeable {
    @Override
    public void close() throws IOException {
      response.close();
    }

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  private final String baseUrl;
  private final CloseableHttpClient client;

  ApacheTransport(PipelineSettings s) {
    this.baseUrl = s.baseUrl();
    PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(s.maxConnections())
        .setMaxConnPerRoute(s.maxConnections())
        .setTlsSocketStrategy(tls(s))
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
      b.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
      b.setDefaultCredentialsProvider(new SystemDefaultCredentialsProvider());
    }
    this.client = b.build();
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

  URI uri(HttpRequest request) {
    return URI.create(baseUrl + request.pathAndQuery());
  }

  Exchange send(HttpRequest request) throws IOException {
    URI uri = uri(request);
    BasicClassicHttpRequest r = new BasicClassicHttpRequest(request.method(), uri);
    request.headers().forEach((k, v) -> {
      if (!MANAGED.contains(k.toLowerCase(Locale.ROOT))) {
        r.setHeader(k, v);
      }
    });
    request.body().ifPresent(body -> r.setEntity(new BodyEntity(body)));
    HttpClientContext context = HttpClientContext.create();
    ClassicHttpResponse response = client.executeOpen(null, r, context);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header h : response.getHeaders()) {
      headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    HttpEntity entity = response.getEntity();
    InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
    long length = entity == null ? 0 : entity.getContentLength();
    RedirectLocations redirects = context.getRedirectLocations();
    URI finalUri = redirects == null || redirects.size() == 0 ? uri : redirects.get(redirects.size() - 1);
    String reason = response.getReasonPhrase() == null || response.getReasonPhrase().isBlank()
        ? ErrorParser.reasonPhrase(response.getCode()) : response.getReasonPhrase();
    return new Exchange(response.getCode(), reason, headers, body, length, finalUri, response);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
