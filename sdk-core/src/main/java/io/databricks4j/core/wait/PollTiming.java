package io.databricks4j.core.wait;

import io.databricks4j.core.retry.Backoff;
import io.databricks4j.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** How polling waits: the clock of the time-out, the pause between polls, and the shared scheduler. */
record PollTiming(Clock clock, Sleeper sleeper, Backoff backoff, ScheduledExecutorService scheduler) {
  /** 1 s after the first poll, one second more after each, at most 10 s, plus up to 750 ms jitter. */
  static final Backoff POLL_BACKOFF = (n, ignored) ->
      Duration.ofMillis(Math.min(Math.max(n, 1), 10) * 1000L + ThreadLocalRandom.current().nextLong(751));

  static PollTiming system() {
    return new PollTiming(Clock.systemUTC(), Sleeper.system(), POLL_BACKOFF, Scheduler.INSTANCE);
  }

  /** Shared by every {@code toFuture()}: daemon threads that poll, never sleep per wait. */
  private static final class Scheduler {
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory threads = r -> {
        Thread t = new Thread(r, "databricks4j-wait-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, threads);
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
