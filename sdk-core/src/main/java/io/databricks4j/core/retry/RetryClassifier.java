package io.databricks4j.core.retry;

import io.databricks4j.error.DatabricksError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one failure table: for every way a call can fail, whether it fails at once, is retried, or is
 * retried with a WARN line per retry. {@link #table()} lists the rows in the order they are
 * tried; the first that matches decides. docs/http.md prints the same table.
 *
 * <p>Whether a request may be repeated ({@link io.databricks4j.http.HttpRequest#idempotent()}) only
 * matters once the request may have reached the server: a connection that was never made is
 * retried for every method, a reset after sending only for requests that may be repeated. A body
 * that cannot be replayed is never re-sent once read; the pipeline checks that before asking.
 */
public final class RetryClassifier {
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** The official Java SDK's idempotent allow-list beyond the methods above. */
  private static final List<Pattern> IDEMPOTENT_PATHS = List.of(
      Pattern.compile("POST /api/2\\.0/sql/statements/sessions/?"),
      Pattern.compile("POST /api/2\\.0/sql/sessions/?"));

  /** The transient messages of the official SDKs (Go's generated error overrides). */
  private static final Pattern TRANSIENT = Pattern.compile(String.join("|",
      "com\\.databricks\\.backend\\.manager\\.util\\.UnknownWorkerEnvironmentException",
      "does not have any associated worker environments",
      "There is no worker environment with id",
      "Unknown worker environment",
      "ClusterNotReadyException",
      "worker env .* not found",
      "Timed out after ",
      "deadline exceeded"));

  private RetryClassifier() {}

  /** What to do with a failure. */
  public enum Verdict {
    /** Throw it now. */
    FAIL,
    /** Try again within the retry budget. */
    RETRY,
    /** Try again, logging a WARN line per retry: the caller would otherwise see a silent hang. */
    RETRY_WITH_WARNING
  }

  /**
   * One row of the table.
   *
   * @param name a short name ({@code unknown host})
   * @param failure the failures it matches, in words
   * @param onlyIfIdempotent whether it applies only to requests that may be repeated
   * @param verdict what happens
   * @param why the reason, for the documentation
   */
  public record Rule(String name, String failure, boolean onlyIfIdempotent, Verdict verdict, String why) {}

  /**
   * The decision for one failure.
   *
   * @param rule the row that matched
   * @param detail the failure in a few words, for log lines and messages
   */
  public record Decision(Rule rule, String detail) {
    public Verdict verdict() {
      return rule.verdict();
    }

    public boolean retry() {
      return rule.verdict() != Verdict.FAIL;
    }
  }

  private record Row(Rule rule, BiPredicate<Throwable, Boolean> matches) {}

  private static final List<Row> ROWS = List.of(
      new Row(new Rule("interrupted", "the thread was interrupted (InterruptedIOException other than a time-out)", false,
          Verdict.FAIL, "the application asked to stop; the interrupt flag is restored"),
          (f, i) -> interrupted(f)),
      new Row(new Rule("unknown host", "the host name does not resolve (UnknownHostException)", false, Verdict.FAIL,
          "a typo or a missing DNS entry does not heal within a retry budget"),
          (f, i) -> find(f, UnknownHostException.class) != null),
      new Row(new Rule("certificate", "the server's certificate or host name does not verify "
          + "(SSLHandshakeException caused by CertificateException, SSLPeerUnverifiedException)", false, Verdict.FAIL,
          "a truststore or host-name problem does not heal; a reset during the handshake is a connect failure instead"),
          (f, i) -> certificateProblem(f)),
      new Row(new Rule("cannot connect", "connection refused, connect time-out, no route, reset during the TLS "
          + "handshake (ConnectException, NoRouteToHostException)", false, Verdict.RETRY_WITH_WARNING,
          "nothing was sent, so any request may be sent again; WARN, so a wrong host does not look like a hang"),
          (f, i) -> find(f, ConnectException.class) != null || find(f, NoRouteToHostException.class) != null),
      new Row(new Rule("throttled or unavailable", "HTTP 429 or 503", false, Verdict.RETRY,
          "the service asks to come back later; Retry-After is honoured"),
          (f, i) -> f instanceof DatabricksError e && (e.statusCode() == 429 || e.statusCode() == 503)),
      new Row(new Rule("transient error", "an error message the service sends for a passing condition "
          + "(unknown worker environment, ClusterNotReadyException, ...)", false, Verdict.RETRY,
          "the official SDKs retry these messages whatever the status"),
          (f, i) -> f instanceof DatabricksError e && isTransientMessage(e.serviceMessage())),
      new Row(new Rule("server error", "HTTP 500, 502 or 504", true, Verdict.RETRY,
          "the request may have been carried out; only a request that may be repeated is sent again"),
          (f, i) -> i && f instanceof DatabricksError e
              && (e.statusCode() == 500 || e.statusCode() == 502 || e.statusCode() == 504)),
      new Row(new Rule("service error", "any other HTTP status", false, Verdict.FAIL,
          "the service answered; asking again gives the same answer"),
          (f, i) -> f instanceof DatabricksError),
      new Row(new Rule("lost after sending", "reset, time-out or early end of the answer after the request was "
          + "sent (SocketException, SocketTimeoutException, EOFException, ...)", true, Verdict.RETRY,
          "the request may have reached the server; only a request that may be repeated is sent again"),
          (f, i) -> i && f instanceof IOException),
      new Row(new Rule("lost after sending, not repeatable", "the same, for a request that may not be repeated",
          false, Verdict.FAIL, "sending it again could do it twice (create a second job, say)"),
          (f, i) -> f instanceof IOException),
      new Row(new Rule("other", "anything else", false, Verdict.FAIL, "not a failure of the exchange"),
          (f, i) -> true));

  /** The rows, in the order they are tried. */
  public static List<Rule> table() {
    return ROWS.stream().map(Row::rule).toList();
  }

  /**
   * The decision for {@code failure}.
   *
   * @param idempotent whether the request may be repeated
   */
  public static Decision classify(Throwable failure, boolean idempotent) {
    for (Row row : ROWS) {
      if (row.matches().test(failure, idempotent)) {
        return new Decision(row.rule(), describe(failure));
      }
    }
    throw new AssertionError("the last row matches everything");
  }

  /** Whether {@code method} on {@code path} may be repeated without changing the outcome. */
  public static boolean isIdempotent(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    if (IDEMPOTENT_METHODS.contains(m)) {
      return true;
    }
    String line = m + " " + path;
    return IDEMPOTENT_PATHS.stream().anyMatch(p -> p.matcher(line).matches());
  }

  /** Whether {@code message} is one the service sends for a condition that passes. */
  public static boolean isTransientMessage(String message) {
    return message != null && TRANSIENT.matcher(message).find();
  }

  /** Whether {@code failure} happened while connecting, before anything was sent. */
  public static boolean isConnectFailure(Throwable failure) {
    return find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null;
  }

  /**
   * Why {@code failure} may be retried, for the log; empty when it may not.
   *
   * @param idempotent whether the request may be repeated ({@link #isIdempotent})
   */
  public static Optional<String> retryReason(Throwable failure, boolean idempotent) {
    Decision d = classify(failure, idempotent);
    return d.retry() ? Optional.of(d.rule().name() + ": " + d.detail()) : Optional.empty();
  }

  /** The failure in a few words: the class and message of the most telling exception in its chain. */
  public static String describe(Throwable failure) {
    if (failure instanceof DatabricksError e) {
      return "HTTP " + e.statusCode() + (e.errorCode().isEmpty() ? "" : " " + e.errorCode());
    }
    Throwable t = failure;
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof UnknownHostException || c instanceof java.security.cert.CertificateException
          || c instanceof SSLPeerUnverifiedException) {
        t = c;
      }
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /** The first exception of type {@code type} in the cause chain of {@code t}, or null. */
  static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean interrupted(Throwable f) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    return f instanceof InterruptedIOException && !(f instanceof SocketTimeoutException);
  }

  private static boolean certificateProblem(Throwable f) {
    if (find(f, SSLPeerUnverifiedException.class) != null) {
      return true;
    }
    return find(f, SSLHandshakeException.class) != null
        && find(f, java.security.cert.CertificateException.class) != null
        || find(f, java.security.cert.CertPathValidatorException.class) != null;
  }
}
