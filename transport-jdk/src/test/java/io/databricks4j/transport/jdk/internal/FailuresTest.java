package io.databricks4j.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.http.ProxySettings;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FailuresTest {
  private static final Failures.Target DIRECT = new Failures.Target("https://x.test", "x.test", null,
      Duration.ofSeconds(5), Duration.ofSeconds(7));
  private static final Failures.Target PROXIED = new Failures.Target("https://x.test", "x.test",
      ProxyRoute.of(ProxySettings.builder("proxy.test", 3128).build(), name -> null), Duration.ofSeconds(5),
      Duration.ofSeconds(7));

  private static <T extends Throwable> T caused(T t, Throwable cause) {
    t.initCause(cause);
    return t;
  }

  @Test
  void anUnresolvedAddressIsAnUnknownHostNamingTheHostOrTheProxy() {
    ConnectException jdk = caused(new ConnectException(), new UnresolvedAddressException());
    assertThat(Failures.classify(new ExecutionException(jdk), DIRECT)).isInstanceOf(UnknownHostException.class)
        .hasMessageStartingWith("x.test").hasCause(jdk);
    assertThat(Failures.classify(jdk, PROXIED)).isInstanceOf(UnknownHostException.class).hasMessageStartingWith("proxy.test");
  }

  @Test
  void aConnectTimeOutIsAConnectExceptionThatSaysHowLong() {
    HttpConnectTimeoutException jdk = new HttpConnectTimeoutException("HTTP connect timed out");
    assertThat(Failures.classify(new CompletionException(jdk), DIRECT)).isInstanceOf(ConnectException.class)
        .hasMessageContaining("https://x.test").hasMessageContaining("5000 ms").hasCause(jdk);
  }

  @Test
  void aRefusedConnectionWithoutMessageStillSaysWhatHappened() {
    ConnectException jdk = caused(new ConnectException(), new ClosedChannelException());
    assertThat(Failures.classify(jdk, DIRECT)).isInstanceOf(ConnectException.class).hasCause(jdk)
        .hasMessageContaining("https://x.test").hasMessageContaining("refused");
    assertThat(Failures.classify(jdk, PROXIED)).hasMessageContaining("the proxy proxy.test:3128 for https://x.test");
  }

  @Test
  void aCertificateFailureIsTheHandshakeExceptionDirectlyCausedByIt() {
    CertificateException certificate = new CertificateException("PKIX path building failed");
    SSLHandshakeException inner = caused(new SSLHandshakeException("PKIX path building failed"), certificate);
    SSLHandshakeException outer = caused(new SSLHandshakeException("PKIX path building failed"), inner);
    assertThat(Failures.classify(outer, DIRECT)).isSameAs(inner);

    SSLHandshakeException deep = caused(new SSLHandshakeException("x"), caused(new IOException("y"), certificate));
    assertThat(Failures.classify(deep, DIRECT)).isInstanceOf(SSLHandshakeException.class).hasCause(certificate);
  }

  @Test
  void anUnverifiedPeerStaysItself() {
    SSLPeerUnverifiedException unverified = new SSLPeerUnverifiedException("host name");
    assertThat(Failures.classify(unverified, DIRECT)).isSameAs(unverified);
  }

  @Test
  void anyOtherHandshakeFailureIsAConnectException() {
    SSLHandshakeException reset = caused(new SSLHandshakeException("Remote host terminated the handshake"),
        new SocketException("Connection reset"));
    assertThat(Failures.classify(reset, DIRECT)).isInstanceOf(ConnectException.class).hasCause(reset)
        .hasMessageContaining("TLS handshake").hasMessageContaining("Remote host terminated the handshake");
  }

  @Test
  void aResponseTimeOutIsASocketTimeoutException() {
    HttpTimeoutException jdk = new HttpTimeoutException("request timed out");
    assertThat(Failures.classify(jdk, DIRECT)).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("7000 ms");
  }

  @Test
  void anyOtherIOExceptionIsKept() {
    EOFException eof = new EOFException("EOF reached while reading");
    IOException reset = new IOException("HTTP/1.1 header parser received no bytes");
    assertThat(Failures.classify(new ExecutionException(eof), DIRECT)).isSameAs(eof);
    assertThat(Failures.classify(reset, DIRECT)).isSameAs(reset);
  }
}
