package io.databricks4j.transport.jdk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns what java.net.http throws into the classes {@link io.databricks4j.http.HttpTransport}
 * promises. The JDK reports an unknown host as a {@code ConnectException} caused by an
 * {@code UnresolvedAddressException}, a connect time-out as an {@code HttpConnectTimeoutException}
 * that is no {@code ConnectException}, and wraps a certificate failure in a second
 * {@code SSLHandshakeException}.
 */
final class Failures {
  private Failures() {}

  /** Where a failed exchange was going, for the classification and the message. */
  record Target(String origin, String host, ProxyRoute proxy, Duration connectTimeout, Duration readTimeout) {
    boolean proxied() {
      return proxy != null && proxy.proxies(host);
    }
  }

  /** The failure of an exchange before its response headers arrived, as the transport contract has it. */
  static IOException classify(Throwable thrown, Target target) {
    Throwable t = unwrap(thrown);
    if (t instanceof HttpConnectTimeoutException) {
      return connect("could not connect to " + where(target) + " within the connect time-out of "
          + target.connectTimeout().toMillis() + " ms", t);
    }
    if (t instanceof ConnectException) {
      if (causedBy(t, UnresolvedAddressException.class)) {
        return unknownHost(target.proxied() ? target.proxy().host() : target.host(), t);
      }
      return connect("could not connect to " + where(target) + ": " + describe(t), t);
    }
    if (t instanceof SSLPeerUnverifiedException || t instanceof SSLHandshakeException) {
      return tls((IOException) t, target);
    }
    if (t instanceof HttpTimeoutException) {
      SocketTimeoutException timeout = new SocketTimeoutException("read timed out: no response from "
          + target.origin() + " within the read time-out of " + target.readTimeout().toMillis() + " ms");
      timeout.initCause(t);
      return timeout;
    }
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IOException(t);
  }

  /**
   * A certificate or host-name failure stays itself: an {@code SSLPeerUnverifiedException}, or the
   * {@code SSLHandshakeException} caused by the {@code CertificateException}. Any other handshake
   * failure (a reset, an alert, no common protocol) happened before the request was written: a
   * {@code ConnectException}.
   */
  private static IOException tls(IOException t, Target target) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLPeerUnverifiedException unverified) {
        return unverified;
      }
      if (c instanceof SSLHandshakeException handshake && handshake.getCause() instanceof CertificateException) {
        return handshake;
      }
      if (c instanceof CertificateException certificate) {
        SSLHandshakeException handshake = new SSLHandshakeException(certificate.getMessage());
        handshake.initCause(certificate);
        return handshake;
      }
    }
    return connect("the TLS handshake with " + where(target) + " failed: " + describe(t), t);
  }

  private static ConnectException connect(String message, Throwable cause) {
    ConnectException e = new ConnectException(message);
    e.initCause(cause);
    return e;
  }

  private static UnknownHostException unknownHost(String host, Throwable cause) {
    UnknownHostException e = new UnknownHostException(host + ": the name does not resolve");
    e.initCause(cause);
    return e;
  }

  private static String where(Target target) {
    return target.proxied() ? "the proxy " + target.proxy().address() + " for " + target.origin() : target.origin();
  }

  /** The first message in the chain; java.net.http often has none for a refused connection. */
  private static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        return c.getMessage();
      }
    }
    return "no connection (refused, or closed before it was established)";
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable u = t;
    while ((u instanceof CompletionException || u instanceof ExecutionException || u instanceof UncheckedIOException)
        && u.getCause() != null) {
      u = u.getCause();
    }
    return u;
  }
}
