package io.databricks4j.core.retry;

import io.databricks4j.core.retry.RetryClassifier.Decision;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a whole operation of several requests (an upload in blocks, say) from its start, for
 * operations the caller knows may be done again: their source can be read again and their first
 * request starts afresh (overwrites). A failure is retried when {@link RetryClassifier}'s table
 * retries it for a request that may be repeated; each request inside keeps its own retries. Waits
 * with the same {@link Backoff} as the pipeline, within a budget. Immutable; thread-safe.
 */
public final class Retrying {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  private final int maxAttempts;
  private final Duration budget;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;

  private Retrying(int maxAttempts, Duration budget, Backoff backoff, Sleeper sleeper, Clock clock) {
    this.maxAttempts = maxAttempts;
    this.budget = budget;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** At most {@code maxAttempts} runs within {@code budget}, waiting as the pipeline does. */
  public static Retrying of(int maxAttempts, Duration budget) {
    return of(maxAttempts, budget, Backoff.exponential(), Sleeper.system(), Clock.systemUTC());
  }

  /** The same with seams for tests. */
  public static Retrying of(int maxAttempts, Duration budget, Backoff backoff, Sleeper sleeper, Clock clock) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    return new Retrying(maxAttempts, Objects.requireNonNull(budget, "budget"), backoff, sleeper, clock);
  }

  /**
   * Runs {@code operation} until it succeeds, fails in a way that is not retried, or the attempts or
   * the budget run out; the last failure is thrown then.
   *
   * @param what the operation in a few words, for the log ({@code upload of /Volumes/a/b/c})
   */
  public <T> T run(String what, Supplier<T> operation) {
    long start = clock.millis();
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.get();
      } catch (DatabricksException e) {
        Decision d = RetryClassifier.classify(cause(e), true);
        Duration delay = backoff.delay(attempt, e instanceof DatabricksError err ? err.retryAfter().orElse(Duration.ZERO)
            : Duration.ZERO);
        Duration elapsed = Duration.ofMillis(clock.millis() - start);
        if (!d.retry() || attempt >= maxAttempts || elapsed.plus(delay).compareTo(budget) >= 0
            || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOG.warn("{}: attempt {} of {} failed ({}: {}); starting again in {} ms", what, attempt, maxAttempts,
            d.rule().name(), d.detail(), delay.toMillis());
        sleeper.sleep(delay);
      }
    }
  }

  /**
   * The failure {@link RetryClassifier} judges for {@code e}: a service error itself, else the I/O
   * failure or service error behind it (a pipeline's exception, or a helper's that wraps one).
   */
  public static Throwable cause(DatabricksException e) {
    if (e instanceof DatabricksError) {
      return e;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof DatabricksError) {
        return t;
      }
    }
    return e;
  }
}
