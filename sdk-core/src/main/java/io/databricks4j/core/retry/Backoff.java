package io.databricks4j.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** How long to wait before the next attempt. */
@FunctionalInterface
public interface Backoff {

  /**
   * The wait after {@code failedAttempts} failed attempts.
   *
   * @param failedAttempts 1 after the first failure
   * @param retryAfter what the service asked for with {@code Retry-After}; zero when it asked nothing
   */
  Duration delay(int failedAttempts, Duration retryAfter);

  /**
   * The official SDKs' backoff: {@code Retry-After} when the service sent one, else
   * 1 s * 2^(n-1) capped at 60 s plus up to 750 ms of jitter.
   */
  static Backoff exponential() {
    return exponential(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(750), null);
  }

  /**
   * {@code Retry-After} when positive, else {@code base * 2^(n-1)} capped at {@code cap} plus a
   * uniform jitter up to {@code maxJitter}.
   *
   * @param random the jitter source; null for {@link ThreadLocalRandom}
   */
  static Backoff exponential(Duration base, Duration cap, Duration maxJitter, RandomGenerator random) {
    long baseMs = base.toMillis();
    long capMs = cap.toMillis();
    long jitterMs = maxJitter.toMillis();
    return (n, retryAfter) -> {
      if (retryAfter.compareTo(Duration.ZERO) > 0) {
        return retryAfter;
      }
      int shift = Math.min(Math.max(n, 1) - 1, 30);
      long ms = Math.min(capMs, baseMs * (1L << shift));
      RandomGenerator r = random == null ? ThreadLocalRandom.current() : random;
      return Duration.ofMillis(ms + (jitterMs <= 0 ? 0 : r.nextLong(jitterMs + 1)));
    };
  }
}
