package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.HttpTransportOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.ssl.SSLContexts;
import org.slf4j.LoggerFactory;

/**
 * TLS for the pool: the strategy is built on the first TLS connection (loading the trust store costs
 * 100-150 ms of a cold start that a plain-HTTP client never needs), and handshake failures are
 * sorted as the transport contract says: a certificate or host name that does not verify stays an
 * {@link SSLHandshakeException} or {@link SSLPeerUnverifiedException}; anything else that breaks the
 * handshake (a reset, a time-out) becomes a {@link ConnectException} in {@link ApacheTransport}:
 * nothing was sent yet.
 */
final class Tls implements TlsSocketStrategy {
  private final HttpTransportOptions options;
  private volatile TlsSocketStrategy strategy;

  Tls(HttpTransportOptions options) {
    this.options = options;
  }

  @Override
  public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
      throws IOException {
    try {
      return strategy().upgrade(socket, target, port, attachment, context);
    } catch (SSLPeerUnverifiedException e) {
      throw e;
    } catch (IOException e) {
      if (causedByCertificate(e)) {
        throw e;
      }
      // HttpClient rewraps a ConnectException without its cause; this passes through as it is
      throw new HandshakeFailed(target + ":" + port, e);
    }
  }

  /** A handshake broken by something other than a certificate: the transport reports it as a connect failure. */
  static final class HandshakeFailed extends IOException {
    private static final long serialVersionUID = 1L;

    HandshakeFailed(String where, IOException cause) {
      super("TLS handshake with " + where + " failed: " + cause, cause);
    }

    ConnectException asConnectException() {
      ConnectException c = new ConnectException(getMessage());
      c.initCause(getCause());
      return c;
    }
  }

  private static boolean causedByCertificate(Throwable t) {
    for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
      if (t instanceof CertificateException || t instanceof java.security.cert.CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }

  private TlsSocketStrategy strategy() {
    TlsSocketStrategy t = strategy;
    if (t == null) {
      synchronized (this) {
        t = strategy;
        if (t == null) {
          t = create(options);
          strategy = t;
        }
      }
    }
    return t;
  }

  private static TlsSocketStrategy create(HttpTransportOptions o) {
    if (o.skipVerify()) {
      LoggerFactory.getLogger("io.databricks4j.http").warn(
          "skip_verify is on: TLS certificates and host names are NOT verified");
      return new DefaultClientTlsStrategy(trustAll(), HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
    }
    return new DefaultClientTlsStrategy(o.sslContext().orElseGet(SSLContexts::createSystemDefault));
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
}
