package io.databricks4j.testkit.internal.http;

import io.databricks4j.testkit.internal.Operation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The emulated operations, by verb and path template of the description. */
public final class Routes {
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final Set<String> known;

  /** @param knownKeys the keys of every described operation; registering anything else is a bug */
  public Routes(Set<String> knownKeys) {
    this.known = knownKeys;
  }

  public Routes on(String verb, String pathTemplate, Handler handler) {
    String key = Operation.key(verb, pathTemplate);
    if (!known.contains(key)) {
      throw new IllegalStateException("no operation of the API description is " + key
          + "; the emulation and codegen/api disagree");
    }
    if (handlers.putIfAbsent(key, handler) != null) {
      throw new IllegalStateException("two emulations of " + key);
    }
    return this;
  }

  public Handler get(Operation op) {
    return handlers.get(op.key());
  }

  public Set<String> keys() {
    return Set.copyOf(handlers.keySet());
  }
}
