package io.databricks4j.testkit.internal.http;

import io.databricks4j.testkit.internal.Operation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The emulated operations, by verb and path template of the description, and who emulates each. */
public final class Routes {
  /** Who answers an operation: a hand-written emulation or the engine driven by the description. */
  public enum Origin { HAND_WRITTEN, GENERIC }

  private record Entry(Handler handler, Origin origin) {
  }

  private final Map<String, Entry> handlers = new ConcurrentHashMap<>();
  private final Set<String> known;

  /** @param knownKeys the keys of every described operation; registering anything else is a bug */
  public Routes(Set<String> knownKeys) {
    this.known = knownKeys;
  }

  /** Registers a hand-written emulation. */
  public Routes on(String verb, String pathTemplate, Handler handler) {
    return on(verb, pathTemplate, handler, Origin.HAND_WRITTEN);
  }

  public Routes on(String verb, String pathTemplate, Handler handler, Origin origin) {
    String key = Operation.key(verb, pathTemplate);
    if (!known.contains(key)) {
      throw new IllegalStateException("no operation of the API description is " + key
          + "; the emulation and codegen/api disagree");
    }
    if (handlers.putIfAbsent(key, new Entry(handler, origin)) != null) {
      throw new IllegalStateException("two emulations of " + key);
    }
    return this;
  }

  public Handler get(Operation op) {
    Entry e = handlers.get(op.key());
    return e == null ? null : e.handler();
  }

  /** Whether some emulation answers {@code key} ({@code VERB template}). */
  public boolean has(String key) {
    return handlers.containsKey(key);
  }

  /** Who answers {@code key}, or null when nobody does. */
  public Origin origin(String key) {
    Entry e = handlers.get(key);
    return e == null ? null : e.origin();
  }

  public Set<String> keys() {
    return Set.copyOf(handlers.keySet());
  }
}
