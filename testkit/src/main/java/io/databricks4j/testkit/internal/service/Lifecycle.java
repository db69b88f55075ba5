package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
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

  /** The state, since when, and the scheduled transition with its time, all in epoch milliseconds. */
  ObjectNode toJson() {
    ObjectNode o = Json.object("state", state, "since", since);
    if (next != null) {
      o.put("next", next);
      o.put("next_at", nextAt);
    }
    return o;
  }

  static Lifecycle fromJson(JsonNode o) {
    Lifecycle life = new Lifecycle(o.path("state").asText(), o.path("since").asLong());
    if (o.hasNonNull("next")) {
      life.next = o.get("next").asText();
      life.nextAt = o.path("next_at").asLong();
    }
    return life;
  }
}
