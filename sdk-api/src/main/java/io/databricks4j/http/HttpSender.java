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
   * the final answer whatever its status, with its body read into memory (bodies over 1 MiB are cut
   * there). A 429 or 503, a connection that could not be made and, for requests that {@linkplain
   * HttpRequest#idempotent() may be repeated}, a connection lost mid-answer are retried within the
   * budget first.
   *
   * @throws io.databricks4j.error.DatabricksException when no answer could be had: the message names
   *     the URL (without query) and the cause, and says what to check
   */
  HttpResponse send(HttpRequest request);

  /**
   * A sender whose requests each end within {@code budget}, waits between attempts included, and
   * give up connecting after {@code connectTimeout}: for probes that must fail fast when the
   * network is down (tenant discovery, say) rather than hold the first call up.
   */
  HttpSender withLimits(Duration connectTimeout, Duration budget);
}
