package io.databricks4j.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A clock that moves only when its {@link #sleeper()} is asked to wait; records every wait. */
public final class FakeTime extends Clock {
  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Consumer<Duration> onSleep = d -> { };

  public FakeTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public FakeTime(Instant start) {
    this.now = start;
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /** Advances the clock instead of sleeping. */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      advance(d);
      onSleep.accept(d);
    };
  }

  /** Runs {@code action} after each simulated wait (for example to start a server). */
  public void onSleep(Consumer<Duration> action) {
    onSleep = action;
  }

  public List<Duration> sleeps() {
    return sleeps;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return now;
  }
}
