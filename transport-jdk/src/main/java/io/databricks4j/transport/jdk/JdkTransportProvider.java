package io.databricks4j.transport.jdk;

import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.HttpTransportProvider;
import io.databricks4j.transport.jdk.internal.JdkTransport;

/**
 * The {@code jdk} HTTP transport: {@code java.net.http.HttpClient}, no third-party library.
 * Selected by {@code http_transport=jdk}, or when no transport of a higher priority (such as the
 * default, {@code apache}) is on the class path.
 *
 * <p>What it does with {@link HttpTransportOptions}, where java.net.http has no per-client setting:
 * <ul>
 *   <li><b>Protocol</b>: HTTP/1.1 only, so that the pool size means connections, and an abort
 *       closes the connection of that response alone. No redirects are followed.
 *   <li><b>Connect time-out</b>: the JDK's, which covers the TCP connection and the TLS handshake.
 *       For a request without a body the JDK's request time-out (the read time-out) also runs
 *       during the connection, so such a connection may fail as a connect time-out after the read
 *       time-out when that is shorter.
 *   <li><b>Read time-out</b>: java.net.http bounds only the wait for the response headers; this
 *       transport also bounds every silence while the request body goes out and while the
 *       response body is read, with one watchdog thread per transport. A time-out fires up to a
 *       tenth of its length late and is a {@link java.net.SocketTimeoutException}.
 *   <li><b>Pool size</b>: the JDK does not limit connections; this transport lets at most
 *       {@code maxConnections} exchanges (in total, so also per host) run at once, a response
 *       holding its slot until it is read to the end, closed or aborted. A request waits up to
 *       the connect time-out for a slot. The JDK keeps every idle connection up to that number.
 *   <li><b>Connection TTL and idle time-out</b>: java.net.http closes idle connections after the
 *       JVM-wide {@code jdk.httpclient.keepalive.timeout} (1200 s on Java 17, shorter on later
 *       releases), which this transport does not set. It replaces its {@code HttpClient}, whose
 *       pool is then unused, when the client reaches the TTL and, on Java 21 and later, when no
 *       request has started for the idle time-out; Java 21 lets it shut the old client down.
 *       On Java 17 to 20 the idle time-out is the JDK's keep-alive time-out, and a replaced
 *       client's connections close when it is collected.
 *   <li><b>Abort</b>: closes the body stream before its end, and java.net.http then closes the
 *       connection from its selector thread; on Java 25 that was seen to happen up to 3 s later.
 *   <li><b>Closing</b>: {@code close()} ends the exchanges in flight and, on Java 21 and later,
 *       shuts the {@code HttpClient} down. Java 17 to 20 have no way to close an
 *       {@code HttpClient}: its idle connections and selector thread go when it is collected.
 *   <li><b>TLS</b>: the application's {@code SSLContext}, or the JVM's. {@code skip_verify} uses a
 *       context that trusts every certificate and, through an {@code X509ExtendedTrustManager},
 *       skips the host-name check for this client only; the JVM-wide
 *       {@code jdk.internal.httpclient.disableHostnameVerification} is not needed. With
 *       {@code skip_verify}, a client certificate of the application's context is not sent.
 *   <li><b>Proxy</b>: a {@code ProxySelector} that uses the proxy for the hosts
 *       {@link io.databricks4j.http.ProxySettings#appliesTo} accepts and no system proxy
 *       setting. Basic credentials go preemptively in {@code Proxy-Authorization}. For
 *       {@code https://} the JDK sends them in the {@code CONNECT} only if the JVM was started with
 *       {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty; the JDK ships {@code Basic}
 *       there); without it, creating the transport with Basic credentials fails with a message
 *       saying so. A proxy that refuses the credentials is a 407 response.
 *   <li><b>Name resolution</b>: the JVM's only; java.net.http has no resolver hook. Options with
 *       another {@link io.databricks4j.http.NameResolver} are refused.
 *   <li><b>Retries</b>: none of its own, except the JDK's: it tries a refused or failed connection
 *       once more within the connect time-out, and sends a {@code GET} or {@code HEAD} again once
 *       when a pooled connection turns out closed before any response.
 *   <li><b>Logging</b>: the transport logs nothing. java.net.http has two loggers of its own, both
 *       {@code System.Logger}s (JUL unless the application installs another backend):
 *       {@code jdk.httpclient.HttpClient} prints request lines and headers, credentials included,
 *       but only when the JVM runs with {@code -Djdk.httpclient.HttpClient.log=...}; never set it
 *       where credentials are used. On Java 17, {@code jdk.internal.httpclient.debug} logs at
 *       DEBUG (JUL {@code FINE}) whenever that level is enabled for it, also through a root logger
 *       at {@code FINE} or below (as with a JUL-to-SLF4J bridge whose level follows a DEBUG root),
 *       and then prints every request URL with its query, but no header or body (Java 25 does not).
 *       Keep it at INFO or above ({@code jdk.internal.httpclient.debug.level = INFO} in
 *       {@code logging.properties}).
 *       {@code -Djdk.internal.httpclient.debug=true} prints the same to {@code System.err}.
 * </ul>
 */
public final class JdkTransportProvider implements HttpTransportProvider {

  @Override
  public String name() {
    return "jdk";
  }

  /** 200: after the default transport (100), so this one is used when it is named or alone. */
  @Override
  public int priority() {
    return 200;
  }

  @Override
  public HttpTransport create(HttpTransportOptions options) {
    return new JdkTransport(options, System::getProperty);
  }
}
