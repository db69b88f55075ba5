package io.databricks4j.transport.jdk.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read time-out java.net.http lacks: its {@code HttpRequest.timeout} ends at the response
 * headers, and nothing bounds a silence inside the body. Whatever waits for the peer registers
 * here; one daemon thread looks every tenth of the time-out (10 ms to 1 s) and expires whatever
 * has waited longer than the time-out, so a time-out fires between 1 and 1.1 times its length late.
 */
final class Watchdog implements AutoCloseable {
  /** Returned by {@link Watched#waitingSince()} when nothing is awaited. */
  static final long NOT_WAITING = Long.MIN_VALUE;

  /** Something that may wait for the peer. */
  interface Watched {
    /** {@link System#nanoTime()} when the current wait began, or {@link #NOT_WAITING}. */
    long waitingSince();

    /** Gives up: the wait has lasted longer than the time-out. Called once at most. */
    void expire();
  }

  private final long timeoutNanos;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService thread;

  Watchdog(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long tick = Math.max(10, Math.min(1_000, timeout.toMillis() / 10));
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "databricks4j-jdk-transport-read-timeout");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
  }

  void watch(Watched w) {
    watched.add(w);
  }

  void unwatch(Watched w) {
    watched.remove(w);
  }

  /** How many waits are registered; for tests. */
  int size() {
    return watched.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Watched w : watched) {
      long since = w.waitingSince();
      if (since != NOT_WAITING && now - since > timeoutNanos && watched.remove(w)) {
        try {
          w.expire();
        } catch (RuntimeException e) {
          // expiring closes a stream; a failure there must not stop the watchdog for everyone else
        }
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    watched.clear();
  }
}
