package io.databricks4j.core.http.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most {@code n} attempts per second, spaced {@code 1/n} s apart from the first one on: in any
 * window of one second no more than {@code n} start. Failsafe's smooth limiter grants the first
 * permit free and rounds later ones down to a grid, which lets {@code n + 2} through in one second.
 */
final class RateLimit {
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

  RateLimit(int perSecond, LongSupplier nanoTime) {
    this.intervalNanos = 1_000_000_000L / perSecond;
    this.nanoTime = nanoTime;
  }

  /** Reserves the next start time and returns how long to wait for it. */
  Duration reserve() {
    long now = nanoTime.getAsLong();
    while (true) {
      long n = next.get();
      long at = n == Long.MIN_VALUE ? now : Math.max(now, n);
      if (next.compareAndSet(n, at + intervalNanos)) {
        return Duration.ofNanos(at - now);
      }
    }
  }
}
