package io.databricks4j.core.http.internal;

import dev.failsafe.RateLimiter;
import io.databricks4j.core.error.ErrorMapper;
import io.databricks4j.core.error.PrivateLinkValidationError;
import io.databricks4j.core.error.RetryAfter;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import io.databricks4j.http.ResponseHandler;
import io.databricks4j.core.http.internal.ApacheTransport.Exchange;
import io.databricks4j.core.logging.HttpLogger;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.core.retry.internal.RetryLoop;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The pipeline behind {@link io.databricks4j.core.http.HttpPipeline}: headers, log, send, map errors, retry. */
public final class DefaultPipeline implements Closeable {
  /** Error bodies are read up to this size; the rest is dropped. */
  static final int MAX_ERROR_BODY = 1024 * 1024;
  /** JSON response bodies up to this size are logged at DEBUG; larger ones stream unlogged. */
  static final int MAX_LOGGED_BODY = 1024 * 1024;

  private final PipelineSettings s;
  private final ApacheTransport transport;
  private final RetryLoop retry;
  private final RateLimiter<Object> rateLimiter;
  private final HttpLogger log;

  public DefaultPipeline(PipelineSettings settings) {
    this.s = settings;
    this.transport = new ApacheTransport(settings);
    this.retry = new RetryLoop(settings.retryTimeout(), settings.retriesEnabled(), settings.backoff(),
        settings.clock(), settings.sleeper());
    this.rateLimiter = settings.rateLimit() > 0
        ? RateLimiter.smoothBuilder(settings.rateLimit(), Duration.ofSeconds(1)).build() : null;
    this.log = settings.logger();
  }

  public HttpResponse execute(HttpRequest request) {
    return execute(request, null);
  }

  /**
   * Sends {@code request}; with a {@code handler}, hands it the successful response inside the
   * attempt and closes the response, so a failure while the body is read is retried like one
   * before it; without, returns the open response.
   */
  @SuppressWarnings("unchecked")
  public <T> T execute(HttpRequest request, ResponseHandler<T> handler) {
    boolean idempotent = request.idempotent() || RetryClassifier.isIdempotent(request.method(), request.path());
    RequestBody body = request.body().orElse(null);
    Duration[] serviceRetryAfter = {Duration.ZERO};
    return retry.run(() -> request.method() + " " + s.baseUrl() + request.path(),
        () -> {
          HttpResponse response = attempt(request, serviceRetryAfter);
          if (handler == null) {
            return (T) response;
          }
          try (response) {
            return handler.handle(response);
          }
        },
        f -> body != null && body.isConsumed() ? Optional.empty() : RetryClassifier.retryReason(f, idempotent),
        f -> f instanceof DatabricksError ? serviceRetryAfter[0] : Duration.ZERO);
  }

  private HttpResponse attempt(HttpRequest original, Duration[] serviceRetryAfter) throws IOException {
    if (rateLimiter != null) {
      s.sleeper().sleep(rateLimiter.reservePermit());
    }
    HttpRequest request = prepare(original);
    log.request(request);
    Exchange ex = transport.send(request);
    boolean handedOver = false;
    try {
      URI redirectedTo = ex.redirectedTo();
      if (redirectedTo != null && PrivateLinkValidationError.isPrivateLinkRedirect(redirectedTo)) {
        throw PrivateLinkValidationError.of(redirectedTo, request.method(), request.path());
      }
      if (ex.status() >= 200 && ex.status() < 300) {
        if (expectsJson(request) && isHtml(ex)) {
          throw htmlInsteadOfJson(request, ex);
        }
        HttpResponse response = success(request, ex);
        handedOver = true;
        return response;
      }
      byte[] body = ex.body().readNBytes(MAX_ERROR_BODY);
      log.response(request, ex.status(), ex.reason(), ex.headers(), body, null);
      String retryAfter = ex.header("Retry-After");
      serviceRetryAfter[0] = RetryAfter.parse(retryAfter, s.clock().instant()).orElse(Duration.ZERO);
      DatabricksError error = ErrorMapper.fromResponse(request.method(), request.path(), ex.status(), ex.reason(),
          retryAfter, body, s.clock().instant());
      throw ErrorMapper.withContext(error, s.errorContext() == null ? null : s.errorContext().get());
    } finally {
      if (!handedOver) {
        closeQuietly(ex);
      }
    }
  }

  /**
   * The request as sent: static headers where the caller set none, then the user agent, then the
   * authentication headers of this attempt, then the interceptors.
   */
  private HttpRequest prepare(HttpRequest original) {
    Map<String, String> more = new HashMap<>();
    s.staticHeaders().forEach((k, v) -> {
      if (original.header(k).isEmpty()) {
        more.put(k, v);
      }
    });
    if (!s.userAgent().isEmpty()) {
      more.put("User-Agent", s.userAgent());
    }
    Map<String, String> auth = s.headers().get();
    if (auth != null) {
      more.putAll(auth);
    }
    if (s.interceptors().isEmpty()) {
      return original.withHeaders(more); // one copy of the headers, path, query and body shared
    }
    HttpRequest.Builder b = original.toBuilder().headers(more);
    s.interceptors().forEach(i -> i.accept(b));
    return b.build();
  }

  private HttpResponse success(HttpRequest request, Exchange ex) throws IOException {
    InputStream body = ex.body();
    if (log.isEnabled()) {
      String type = ex.header("Content-Type");
      if (type != null && type.toLowerCase(Locale.ROOT).contains("json") && ex.contentLength() <= MAX_LOGGED_BODY) {
        byte[] head = body.readNBytes(MAX_LOGGED_BODY + 1);
        if (head.length <= MAX_LOGGED_BODY) {
          log.response(request, ex.status(), ex.reason(), ex.headers(), head, null);
          body = new ByteArrayInputStream(head);
        } else {
          log.response(request, ex.status(), ex.reason(), ex.headers(), null, "<JSON body over 1 MiB, not logged>");
          body = new SequenceInputStream(new ByteArrayInputStream(head), body);
        }
      } else {
        log.response(request, ex.status(), ex.reason(), ex.headers(), null, ex.status() == 204 ? ""
            : "<streaming body, " + (ex.contentLength() < 0 ? "unknown length" : ex.contentLength() + " bytes")
                + (type == null ? "" : ", " + type) + ">");
      }
    }
    HttpResponse.Builder b = HttpResponse.builder().status(ex.status()).reason(ex.reason())
        .body(body).contentLength(ex.contentLength()).onClose(ex).onAbort(ex::abort);
    ex.forEachHeader(b::header);
    return b.build();
  }

  private static boolean expectsJson(HttpRequest r) {
    String accept = r.headers().get("Accept");
    if (accept == null) {
      return false;
    }
    for (int i = 0; i + 4 <= accept.length(); i++) {
      if (accept.regionMatches(true, i, "json", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHtml(Exchange ex) {
    String type = ex.header("Content-Type");
    return type != null && type.regionMatches(true, 0, "text/html", 0, 9);
  }

  private DatabricksException htmlInsteadOfJson(HttpRequest request, Exchange ex) throws IOException {
    String head = new String(ex.body().readNBytes(200), StandardCharsets.UTF_8).strip();
    return new DatabricksException("received HTML response instead of JSON from " + request.method() + " "
        + s.baseUrl() + request.path() + " (HTTP " + ex.status() + "). Check that the host is a Databricks "
        + "workspace or account URL and that no proxy or login page answers in its place. The response begins: "
        + head);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
