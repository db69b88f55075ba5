package io.databricks4j.core.retry;

import io.databricks4j.error.DatabricksException;
import java.time.Duration;

/** Waits between attempts. A seam: tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits {@code duration}.
   *
   * @throws DatabricksException when the thread is interrupted (the interrupt flag is kept)
   */
  void sleep(Duration duration);

  /** {@link Thread#sleep}. */
  static Sleeper system() {
    return d -> {
      if (d.isNegative() || d.isZero()) {
        return;
      }
      try {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabricksException("interrupted while waiting " + d.toMillis() + " ms to retry", e);
      }
    };
  }
}
