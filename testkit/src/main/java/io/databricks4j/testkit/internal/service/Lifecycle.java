package io.databricks4j.testkit.internal.service;

import java.util.function.BiConsumer;

/**
 * A state that moves on by itself: the current state and at most one scheduled transition, applied
 * lazily when the resource is next looked at, so no background thread is needed and a test clock
 * drives it exactly.
 */
final class Lifecycle {
  private String state;
  private long since;
  private String next;
  private long nextAt;

  Lifecycle(String state, long since) {
    this.state = state;
    this.since = since;
  }

  String state() {
    return state;
  }

  long since() {
    return since;
  }

  boolean is(String... states) {
    for (String s : states) {
      if (s.equals(state)) {
        return true;
      }
    }
    return false;
  }

  /** Moves to {@code state} now, then to {@code then} after {@code delayMillis} (none when then is null). */
  void set(String newState, long now, String then, long delayMillis) {
    state = newState;
    since = now;
    next = then;
    nextAt = now + Math.max(0, delayMillis);
  }

  /**
   * Applies the scheduled transition if its time has come; {@code onArrival} gets the state reached
   * and when, and may schedule another one with {@link #set}.
   */
  void advance(long now, BiConsumer<String, Long> onArrival) {
    int guard = 0;
    while (next != null && now >= nextAt && guard++ < 16) {
      String arrived = next;
      long at = nextAt;
      state = arrived;
      since = at;
      next = null;
      onArrival.accept(arrived, at);
    }
  }
}
