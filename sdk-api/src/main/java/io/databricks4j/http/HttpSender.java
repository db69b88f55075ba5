package io.databricks4j.http;

import java.time.Duration;

/**
 * How a plug-in reaches the network: sends a request to any absolute URL through the client's
 * pipeline, so that it uses the client's transport, proxy, TLS settings, retries and redacting
 * log, without the client's Databricks authentication headers and without rate-limit permits.
 * Each request has a short retry budget of its own, so a plug-in that probes an endpoint never
 * blocks a call for long.
 *
 * <p>Credential strategies and host resolvers get one from {@link
 * io.databricks4j.auth.ConfigView#http()} and adapt it to the library they drive (a Nimbus
 * {@code HTTPRequestSender}, an azure-core {@code HttpClient}, a Google {@code
 * HttpTransportFactory}). Thread-safe.
 */
public interface HttpSender {

  /**
   * Sends {@code request}, which must carry an {@linkplain HttpRequest#origin() origin}, and returns
   * the final answer whatever its status, with its body read into memory and decompressed
   * ({@code Content-Encoding} describes the body as sent). Redirects are not followed: a 3xx comes
   * back as it is. A 429 or 503, a connection that could not be made and, for requests that
   * {@linkplain HttpRequest#idempotent() may be repeated}, a connection lost mid-answer are retried
   * within the budget first; the budget covers every attempt with its body and the waits between them.
   *
   * @throws io.databricks4j.error.DatabricksException when no answer could be had (the message names
   *     the URL without query and says what to check; the cause is the transport's {@link
   *     java.io.IOException}: {@link java.net.UnknownHostException}, {@link java.net.ConnectException},
   *     {@link java.net.SocketTimeoutException}, ...), or when the body is over 1 MiB
   */
  HttpResponse send(HttpRequest request);

  /**
   * A sender whose requests each end within {@code budget}, waits between attempts included, and
   * give up connecting after {@code connectTimeout}: for probes that must fail fast when the
   * network is down (tenant discovery, say) rather than hold the first call up. The limits replace
   * this sender's, they do not add up.
   */
  HttpSender withLimits(Duration connectTimeout, Duration budget);
}
