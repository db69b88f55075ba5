package io.databricks4j.transport.jdk.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of {@code skip_verify}: accepts every certificate chain and every host name.
 * It has to be an {@link X509ExtendedTrustManager}: the JSSE wraps a plain {@code X509TrustManager}
 * in one that still checks the host name against the certificate, whereas an extended one is
 * trusted to do that check itself. That keeps host-name verification off for this client only,
 * instead of through java.net.http's JVM-wide {@code jdk.internal.httpclient.disableHostnameVerification}.
 */
final class TrustEverything extends X509ExtendedTrustManager {
  private static final X509Certificate[] NONE = new X509Certificate[0];

  /** A TLS context that trusts every server; no client certificate. */
  static SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no TLS implementation: " + e, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // skip_verify: nothing is checked
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // skip_verify: nothing is checked
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // skip_verify: nothing is checked
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // never a server
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // never a server
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // never a server
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NONE;
  }
}
