package io.databricks4j.core.retry;

import io.databricks4j.error.DatabricksError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What may be retried. Always: 429 and 503 (honouring {@code Retry-After}), the transient error
 * messages the official SDKs retry, and failures to connect (nothing was sent). Idempotent
 * requests also: 500, 502, 504 and any I/O error. A body that cannot be replayed is the caller's
 * concern: it is never re-sent once read.
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
    return failure instanceof ConnectException || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException
        || failure instanceof org.apache.hc.client5.http.ConnectTimeoutException;
  }

  /**
   * Why {@code failure} may be retried, for the log; empty when it may not.
   *
   * @param idempotent whether the request is idempotent ({@link #isIdempotent})
   */
  public static Optional<String> retryReason(Throwable failure, boolean idempotent) {
    if (failure instanceof DatabricksError e) {
      int s = e.statusCode();
      if (s == 429 || s == 503) {
        return Optional.of("HTTP " + s);
      }
      if (isTransientMessage(e.serviceMessage())) {
        return Optional.of("transient error: " + e.serviceMessage());
      }
      if (idempotent && (s == 500 || s == 502 || s == 504)) {
        return Optional.of("HTTP " + s + " on an idempotent request");
      }
      return Optional.empty();
    }
    if (isConnectFailure(failure)) {
      return Optional.of("cannot connect: " + failure);
    }
    if (idempotent && failure instanceof IOException) {
      return Optional.of("I/O error on an idempotent request: " + failure);
    }
    return Optional.empty();
  }
}
