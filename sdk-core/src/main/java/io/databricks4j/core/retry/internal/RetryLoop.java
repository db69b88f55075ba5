package io.databricks4j.core.retry.internal;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.databricks4j.core.error.ErrorMapper;
import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DatabricksException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs attempts until one succeeds, a failure may not be retried, or the retry budget is spent.
 * Failsafe decides and computes delays; waiting goes through a {@link Sleeper} and time through a
 * {@link Clock} so both can be faked.
 */
public final class RetryLoop {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  /** One attempt; may throw a {@link DatabricksError} or an {@link IOException}. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws IOException;
  }

  private final Duration timeout;
  private final boolean enabled;
  private final Backoff backoff;
  private final Clock clock;
  private final Sleeper sleeper;

  public RetryLoop(Duration timeout, boolean enabled, Backoff backoff, Clock clock, Sleeper sleeper) {
    this.timeout = timeout;
    this.enabled = enabled;
    this.backoff = backoff;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Runs {@code attempt}.
   *
   * @param what names the call in messages, for example {@code GET https://host/api/2.0/x}
   * @param reason why a failure may be retried, empty when it may not
   * @param retryAfter the {@code Retry-After} the service sent with a failure, zero when none (a
   *     default the error may carry for callers does not count: without a header the wait grows)
   */
  public <T> T run(Supplier<String> what, Attempt<T> attempt, Function<Throwable, Optional<String>> reason,
      Function<Throwable, Duration> retryAfter) {
    long start = clock.millis();
    Throwable failure;
    try {
      return attempt.run(); // the common case pays for no policy, no execution and no description
    } catch (DatabricksError | IOException e) {
      failure = e;
    }
    RetryPolicy<T> policy = RetryPolicy.<T>builder()
        .handleIf((result, f) -> f != null && reason.apply(f).isPresent())
        .withMaxRetries(-1)
        .withDelayFn(ctx -> backoff.delay(ctx.getAttemptCount(), retryAfter.apply(ctx.getLastException())))
        .build();
    Execution<T> execution = Execution.of(policy);
    Throwable previous = null;
    int attempts = 1;
    while (true) {
      execution.recordException(failure);
      Duration elapsed = Duration.ofMillis(clock.millis() - start);
      if (!enabled || execution.isComplete()) {
        throw finalError(what.get(), failure, attempts, elapsed, previous, false);
      }
      Duration delay = execution.getDelay();
      if (elapsed.plus(delay).compareTo(timeout) >= 0) {
        throw finalError(what.get(), failure, attempts, elapsed, previous, true);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} attempt {} failed ({}); retrying in {} ms", what.get(), attempts,
            reason.apply(failure).orElse("retriable"), delay.toMillis());
      }
      sleeper.sleep(delay);
      previous = failure;
      attempts++;
      try {
        return attempt.run();
      } catch (DatabricksError | IOException e) {
        failure = e;
      }
    }
  }

  private RuntimeException finalError(String what, Throwable failure, int attempts, Duration elapsed,
      Throwable previous, boolean budgetSpent) {
    if (failure instanceof DatabricksError e) {
      if (!budgetSpent || attempts == 1) {
        return e;
      }
      return ErrorMapper.map(e.response().toBuilder().attempts(attempts).elapsed(elapsed).build(),
          previous == null ? e : previous);
    }
    String tried = attempts == 1 ? "failed"
        : String.format(Locale.ROOT, "failed after %d attempts over %.1f s", attempts, elapsed.toMillis() / 1000.0);
    String next = budgetSpent
        ? "Check that the host is reachable from here (network, proxy, firewall, VPN) or raise retry_timeout_seconds to wait longer."
        : "Check that the host is reachable from here (network, proxy, firewall, VPN).";
    return new DatabricksException(what + " " + tried + ": " + failure + ". " + next, failure);
  }
}
