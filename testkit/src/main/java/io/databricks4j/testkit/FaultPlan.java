package io.databricks4j.testkit;

import io.databricks4j.testkit.internal.FaultEngine;
import java.util.List;

/**
 * The faults a local workspace injects: rules tried in order, the first whose path matches
 * decides. Deterministic: with the same seed, the n-th request a rule matches always meets the
 * same fate. Also settable over HTTP with {@code POST /testkit/faults}. Thread-safe.
 */
public final class FaultPlan {
  /** The kinds of injected faults, for {@link #injected}. */
  public enum Fault { TOO_MANY_REQUESTS, UNAVAILABLE, CONNECTION_RESET, LATENCY }

  private final FaultEngine engine;

  FaultPlan(FaultEngine engine) {
    this.engine = engine;
  }

  /** Sets the seed and restarts every rule's sequence. */
  public FaultPlan seed(long seed) {
    engine.seed(seed);
    return this;
  }

  public FaultPlan add(FaultRule rule) {
    engine.add(rule.internal());
    return this;
  }

  /** Removes every rule; requests are served normally again. */
  public FaultPlan clear() {
    engine.clear();
    return this;
  }

  public List<FaultRule> rules() {
    return engine.rules().stream().map(FaultRule::of).toList();
  }

  /** How many faults of {@code kind} were injected since the workspace started. */
  public long injected(Fault kind) {
    return engine.injected(switch (kind) {
      case TOO_MANY_REQUESTS -> FaultEngine.Kind.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> FaultEngine.Kind.UNAVAILABLE;
      case CONNECTION_RESET -> FaultEngine.Kind.CONNECTION_RESET;
      case LATENCY -> FaultEngine.Kind.NONE;
    });
  }

  @Override
  public String toString() {
    return "FaultPlan{seed=" + engine.seed() + ", rules=" + rules() + "}";
  }
}
