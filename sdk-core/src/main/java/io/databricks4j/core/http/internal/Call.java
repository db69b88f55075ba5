package io.databricks4j.core.http.internal;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.databricks4j.core.error.ErrorBuilder;
import io.databricks4j.core.error.ErrorMapper;
import io.databricks4j.core.error.PrivateLinkValidationError;
import io.databricks4j.core.error.RetryAfter;
import io.databricks4j.core.http.internal.DefaultPipeline.Route;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.core.retry.RetryClassifier.Decision;
import io.databricks4j.core.retry.RetryClassifier.Verdict;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import io.databricks4j.http.ResponseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the pipeline: the per-call policies, then attempts until one succeeds, a
 * failure may not be retried ({@link RetryClassifier}), or the retry budget is spent. An attempt
 * ends when the answer has been handled: a decoded body is read inside it, so a connection lost
 * while the body arrives is a failed attempt like one lost before. Not thread-safe; one per call.
 */
final class Call<T> {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");
  private static final int MAX_REDIRECTS = 5;

  private final DefaultPipeline p;
  private final Route route;
  private final HttpRequest request;
  private final ResponseHandler<T> handler;
  private final boolean resumable;
  private String id;
  private int attempt;
  private T value;
  private HttpRequest sent;
  /** Whether the last error body was larger than what was read of it. */
  boolean cut;
  /** The {@code Retry-After} of the last error answer; zero after a failure without one. */
  private Duration lastServiceDelay = Duration.ZERO;

  Call(DefaultPipeline p, Route route, HttpRequest request, ResponseHandler<T> handler, boolean resumable) {
    this.p = p;
    this.route = route;
    this.request = request;
    this.handler = handler;
    this.resumable = resumable;
  }

  /** A short id of the call for its log lines and its error, made when first needed (most calls need none). */
  private String id() {
    String i = id;
    if (i == null) {
      i = Integer.toHexString(0x10000 | ThreadLocalRandom.current().nextInt(0x10000)).substring(1);
      id = i;
    }
    return i;
  }

  /** For log lines: {@code call 7f3a, attempt 2}. */
  String tag() {
    return "call " + id() + (attempt > 1 ? ", attempt " + attempt : "");
  }

  @SuppressWarnings("unchecked")
  T run() {
    HttpResponse r;
    if (p.perCall.length == 0) {
      r = retried(request);
    } else {
      try {
        r = new Chain(0, true).proceed(request);
      } catch (IOException e) {
        throw ErrorBuilder.of(request.method(), where(request)).callId(id()).failure("a policy failed", e);
      }
    }
    return handler == null ? (T) r : value;
  }

  /** The retry stage: attempts, classified failures, waits. */
  private HttpResponse retried(HttpRequest req) {
    long start = p.s.clock().millis();
    Execution<Object> execution = null;
    HttpRequest current = req;
    int redirects = 0;
    while (true) {
      attempt++;
      Throwable failure;
      HttpResponse answer = null; // an error answer, which a plug-in gets back when it is final
      try {
        HttpResponse response = attempt(current);
        int status = response.status();
        if (status >= 200 && status < 300) {
          return success(response);
        }
        if (route.client() && status >= 300 && status < 400 && response.header("Location").isPresent()) {
          HttpRequest next = redirect(current, response.header("Location").get());
          if (next != null && ++redirects <= MAX_REDIRECTS) {
            current = next;
            attempt--;
            continue;
          }
        }
        byte[] body = bytes(response);
        answer = response.withBody(new java.io.ByteArrayInputStream(body), body.length);
        DatabricksError error = errors().response(status, answer.reason(), answer.headers(), body, cut,
            p.s.clock().instant());
        lastServiceDelay = RetryAfter.parse(answer.header("Retry-After").orElse(null), p.s.clock().instant())
            .orElse(Duration.ZERO);
        failure = error;
      } catch (IOException | DatabricksError e) {
        failure = e;
        lastServiceDelay = Duration.ZERO;
      }
      // the operation's flag from the description, or the official SDK's allow-list of POSTs that may be repeated
      boolean idempotent = current.idempotent() || RetryClassifier.isIdempotent(current.method(), current.path());
      Decision d = RetryClassifier.classify(failure, idempotent);
      Duration elapsed = Duration.ofMillis(p.s.clock().millis() - start);
      if (d.verdict() == Verdict.FAIL || !p.s.retriesEnabled() || !replayable(current)) {
        return giveUp(failure, d, answer, elapsed, false);
      }
      if (execution == null) {
        execution = Execution.of(RetryPolicy.builder().withMaxRetries(-1)
            .withDelayFn(ctx -> p.s.backoff().delay(ctx.getAttemptCount(), retryAfterOf(ctx.getLastException())))
            .build());
      }
      execution.recordException(failure);
      Duration delay = execution.getDelay();
      if (elapsed.plus(delay).compareTo(route.budget()) >= 0) {
        return giveUp(failure, d, answer, elapsed, true);
      }
      logRetry(d, delay, route.budget().minus(elapsed));
      p.s.sleeper().sleep(delay);
    }
  }

  private Duration retryAfterOf(Throwable failure) {
    return failure instanceof DatabricksError ? lastServiceDelay : Duration.ZERO;
  }

  /** One attempt: permits, headers, per-attempt policies, log, transport. */
  private HttpResponse attempt(HttpRequest req) throws IOException {
    cut = false;
    if (route.client() && p.rateLimit != null) {
      p.s.sleeper().sleep(p.rateLimit.reserve());
    }
    sent = p.prepare(req, route);
    return p.perAttempt.length == 0 ? p.logAndSend(sent, route, this) : new Chain(0, false).proceed(sent);
  }

  /** A 2xx answer: handled inside the attempt, or handed over open. */
  private HttpResponse success(HttpResponse answer) throws IOException {
    if (expectsJson(sent) && isHtml(answer)) {
      throw htmlInsteadOfJson(answer);
    }
    if (handler == null) {
      return resumable ? ResumingBody.wrap(answer, request, p, route) : answer;
    }
    Duration limit = route.client() || p.s.attemptTimeout().compareTo(route.budget()) <= 0 ? p.s.attemptTimeout()
        : route.budget();
    long deadline = p.s.nanoTime().getAsLong() + limit.toNanos();
    HttpResponse timed = answer.withBody(new DeadlineStream(answer.body(), deadline, p.s.nanoTime(), limit),
        answer.contentLength());
    try (timed) {
      value = handler.handle(timed);
    } catch (UncheckedIOException e) {
      answer.abort();
      throw e.getCause();
    } catch (IOException | RuntimeException e) {
      answer.abort(); // the rest of a broken or unwanted body is not worth draining
      throw e;
    }
    return answer;
  }

  /** The next request of a same-origin redirect of a GET or HEAD; null when it is not followed. */
  private HttpRequest redirect(HttpRequest current, String location) {
    URI target = URI.create(sent.url("")).resolve(location);
    if (PrivateLinkValidationError.isPrivateLinkRedirect(target)) {
      throw PrivateLinkValidationError.of(target, current.method(), current.path());
    }
    String origin = target.getScheme() + "://" + target.getRawAuthority();
    boolean sameOrigin = origin.equalsIgnoreCase(sent.origin().orElse(""));
    if (!sameOrigin || !(current.method().equals("GET") || current.method().equals("HEAD"))) {
      return null;
    }
    return current.toBuilder().pathAndQuery(target.getRawQuery() == null ? target.getRawPath()
        : target.getRawPath() + "?" + target.getRawQuery()).build();
  }

  /** The final outcome of a failed call: an answer for a plug-in, an error for the client. */
  @SuppressWarnings("unchecked")
  private HttpResponse giveUp(Throwable failure, Decision d, HttpResponse answer, Duration elapsed, boolean budgetSpent) {
    if (!route.client() && answer != null) {
      // a plug-in reads the status and body itself (an OAuth error, say); its handler's value is the answer
      value = (T) answer;
      return answer;
    }
    ErrorBuilder errors = errors().attempts(attempt, elapsed);
    if (failure instanceof DatabricksError e) {
      if (budgetSpent) {
        errors.hint("Gave up: raise retry_timeout_seconds (now " + route.budget().toSeconds() + " s) to wait longer.");
      }
      DatabricksError out = errors.again(e);
      return throwing(route.client() && p.s.errorContext() != null
          ? ErrorMapper.withContext(out, p.s.errorContext().get()) : out);
    }
    if (d.rule().name().equals("interrupted")) {
      Thread.currentThread().interrupt();
      return throwing(errors.failure("interrupted", failure));
    }
    String host = sent == null ? "" : URI.create(sent.url("")).getHost();
    String source = route.client() && !p.s.hostSource().isEmpty() ? " (host from " + p.s.hostSource() + ")" : "";
    return throwing(switch (d.rule().name()) {
      case "unknown host" -> errors.hint("Check the host for a typo, and that this machine resolves it (DNS, VPN, proxy)."
          + (route.client() ? "" : " To avoid the lookup, set what the plug-in asks for instead (see its documentation).")
      ).failure("cannot resolve host " + host + source, failure);
      case "certificate" -> errors.hint("If the host uses a private certificate authority, give the client a truststore "
          + "(HttpOptions.sslContext, or -Djavax.net.ssl.trustStore=...); skip_verify = true turns verification off "
          + "(tests only).").failure("the TLS certificate of " + host + " was not accepted", failure);
      case "cannot connect" -> errors.hint("Check that " + host + " is reachable from here (network, proxy, firewall, "
          + "VPN)" + (budgetSpent ? " or raise retry_timeout_seconds (now " + route.budget().toSeconds()
              + " s) to wait longer." : ".")).failure("cannot connect to " + host + source, failure);
      case "lost after sending, not repeatable" -> errors.hint("It was not sent again: it may have been carried out, "
          + "and doing it twice could duplicate it. Check its effect before you repeat it.")
          .failure("the connection was lost after the request was sent", failure);
      default -> errors.hint(budgetSpent ? "Raise retry_timeout_seconds (now " + route.budget().toSeconds()
          + " s) to wait longer." : "").failure(d.rule().name().equals("lost after sending")
              ? "the connection was lost while the answer arrived" : "the call failed", failure);
    });
  }

  private static <R> R throwing(RuntimeException e) {
    throw e;
  }

  private void logRetry(Decision d, Duration delay, Duration left) {
    if (d.verdict() == Verdict.RETRY_WITH_WARNING) {
      LOG.warn("{} {}: {} ({}); attempt {} failed, retrying in {} ms, {} s of the retry budget left ({})",
          request.method(), where(request), d.rule().name(), d.detail(), attempt, delay.toMillis(),
          left.toSeconds(), "call " + id());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: {} ({}); attempt {} failed, retrying in {} ms ({})", request.method(), where(request),
          d.rule().name(), d.detail(), attempt, delay.toMillis(), "call " + id());
    }
  }

  private ErrorBuilder errors() {
    return ErrorBuilder.of(request.method(), where(request)).callId(id());
  }

  /** The path, or for a request to another server its URL, without query. */
  private static String where(HttpRequest r) {
    return r.origin().map(o -> o + r.path()).orElse(r.path());
  }

  private static boolean replayable(HttpRequest r) {
    RequestBody b = r.body().orElse(null);
    return b == null || !b.isConsumed();
  }

  private static byte[] bytes(HttpResponse r) throws IOException {
    try (InputStream in = r.body()) {
      return in.readAllBytes();
    }
  }

  private static boolean expectsJson(HttpRequest r) {
    String accept = r.headers().get("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("json");
  }

  private static boolean isHtml(HttpResponse r) {
    String type = r.header("Content-Type").orElse(null);
    return type != null && type.regionMatches(true, 0, "text/html", 0, 9);
  }

  private DatabricksException htmlInsteadOfJson(HttpResponse r) throws IOException {
    String head;
    try (InputStream in = r.body()) {
      head = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
    } finally {
      r.abort();
    }
    return new DatabricksException(sent.method() + " " + where(request) + ": received HTML response instead of JSON "
        + "(HTTP " + r.status() + ") from " + sent.origin().orElse("the host") + " (call " + id() + "). Check that the "
        + "host is a Databricks workspace or account URL and that no proxy or login page answers in its place. The "
        + "response begins: " + head);
  }

  /** The policies of one position, then the next stage. */
  private final class Chain implements HttpPolicy.Chain {
    private final int index;
    private final boolean perCall;

    Chain(int index, boolean perCall) {
      this.index = index;
      this.perCall = perCall;
    }

    @Override
    public HttpResponse proceed(HttpRequest r) throws IOException {
      HttpPolicy[] policies = perCall ? p.perCall : p.perAttempt;
      if (index < policies.length) {
        return policies[index].process(r, new Chain(index + 1, perCall));
      }
      return perCall ? retried(r) : p.logAndSend(r, route, Call.this);
    }

    @Override
    public String callId() {
      return id();
    }

    @Override
    public int attempt() {
      return perCall ? 0 : attempt;
    }
  }

  /** A time-out of the whole body: each read checks the attempt's deadline. */
  private static final class DeadlineStream extends java.io.FilterInputStream {
    private final long deadline;
    private final java.util.function.LongSupplier nanoTime;
    private final Duration limit;

    DeadlineStream(InputStream in, long deadline, java.util.function.LongSupplier nanoTime, Duration limit) {
      super(in);
      this.deadline = deadline;
      this.nanoTime = nanoTime;
      this.limit = limit;
    }

    private void check() throws SocketTimeoutException {
      if (nanoTime.getAsLong() - deadline > 0) {
        throw new SocketTimeoutException("the answer took longer than http_timeout_seconds (" + limit.toSeconds()
            + " s) to arrive");
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      return super.read(b, off, len);
    }
  }
}
