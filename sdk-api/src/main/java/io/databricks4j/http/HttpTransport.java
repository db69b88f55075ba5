package io.databricks4j.http;

import java.io.IOException;

/**
 * Sends one HTTP exchange on the wire: the last stage of the pipeline, below retries,
 * authentication and logging, which the pipeline does once for every transport. Made by an
 * {@link HttpTransportProvider} from {@link HttpTransportOptions}; thread-safe; owns its connection
 * pool and releases it on {@link #close()}.
 *
 * <p>What the pipeline relies on: a failure to resolve the host is an {@link
 * java.net.UnknownHostException}; a certificate or host name that does not verify is an {@link
 * javax.net.ssl.SSLHandshakeException} caused by a {@link java.security.cert.CertificateException}, or
 * an {@link javax.net.ssl.SSLPeerUnverifiedException}; every other failure before the request was
 * written (refused, connect time-out, a reset during the TLS handshake) is a {@link
 * java.net.ConnectException}, with the original failure as its cause. Anything else is taken to have
 * happened after the request may have reached the server.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends {@code request} (which carries its {@linkplain HttpRequest#origin() origin}) and returns
   * the answer as soon as its status line and headers have arrived, whatever the status, the body
   * still streaming from the connection. The caller closes the response; {@link HttpResponse#abort()}
   * drops the connection instead of draining it. No retries, no redirects beyond what the options say.
   *
   * @throws IOException when no answer arrives, as classified above
   */
  HttpResponse send(HttpRequest request) throws IOException;

  /** Closes the pooled connections. */
  @Override
  void close();
}
