package io.databricks4j.mixin.files;

import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.RetryClassifier;
import io.databricks4j.error.DatabricksError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/** When transfers that the HTTP pipeline cannot retry itself (streamed bodies) try again, and how long they wait. */
final class Retries {
  private static final Backoff BACKOFF = Backoff.exponential();

  private Retries() {}

  /**
   * Whether a failed idempotent transfer may be attempted again: an I/O failure, 429, 503 and the
   * 5xx the pipeline retries for idempotent requests.
   */
  static boolean retryable(Throwable failure) {
    if (failure instanceof DatabricksError) {
      return RetryClassifier.retryReason(failure, true).isPresent();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits before attempt {@code failures + 1}: nothing after the first failure (a dropped
   * connection is usually fine again at once), then the official SDKs' backoff.
   */
  static void pause(int failures, Throwable failure) throws InterruptedIOException {
    if (failures <= 1) {
      return;
    }
    Duration retryAfter = failure instanceof DatabricksError e ? e.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
    try {
      Thread.sleep(BACKOFF.delay(failures - 1, retryAfter).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry a transfer");
    }
  }
}
