package io.databricks4j.testkit;

import io.databricks4j.testkit.internal.FaultEngine;
import java.util.List;

/**
 * The faults a local workspace injects: rules tried in order, the first whose path matches
 * decides. Deterministic: with the same seed, the n-th request a rule matches always meets the
 * same fate. Also settable over HTTP with {@code POST /testkit/faults}. Thread-safe.
 */
public final class FaultPlan {
  /**
   * The kinds of injected faults. The first group strikes before a request is served (nothing
   * happens on the server); the second after it was served (the emulation ran and changed its
   * state) while the answer goes out, which is what makes resending a request that may not be
   * repeated create a duplicate. The server closes connections with a FIN (the JDK HTTP server can
   * do no other); a client that then writes on such a connection gets a TCP reset.
   */
  public enum Fault {
    /** 429 {@code REQUEST_LIMIT_EXCEEDED} with {@code Retry-After}; not served. */
    TOO_MANY_REQUESTS,
    /** 503 {@code TEMPORARILY_UNAVAILABLE} without {@code Retry-After}; not served. */
    UNAVAILABLE,
    /** The connection closed before the status line; not served. */
    CONNECTION_RESET,
    /** Requests delayed by {@link FaultRule.Builder#latency}; not a fault of its own. */
    LATENCY,
    /** 429 without {@code Retry-After}; not served. */
    TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER,
    /** 503 with {@code Retry-After}; not served. */
    UNAVAILABLE_WITH_RETRY_AFTER,
    /** 500 {@code INTERNAL_ERROR}; not served. */
    INTERNAL_ERROR,
    /** 502 with the HTML page of a load balancer; not served. */
    BAD_GATEWAY,
    /** 504 with the HTML page of a load balancer; not served. */
    GATEWAY_TIMEOUT,
    /** Served, then the connection closed before the status line. */
    DROPPED_AFTER_PROCESSING,
    /** Served; the answer's headers with its {@code Content-Length} and half its body, then the connection closed. */
    TRUNCATED_BODY,
    /** Served; the answer chunked, half its body, then the connection closed without the last chunk. */
    TRUNCATED_CHUNKED_BODY,
    /** Served; the answer held back for {@link FaultRule.Builder#stall} before its headers. */
    STALLED_HEADERS,
    /** Served; the headers and half the body, then a pause of {@link FaultRule.Builder#stall}, then the rest. */
    STALLED_BODY,
    /**
     * Served and answered in full, then the keep-alive connection closed without a
     * {@code Connection: close} header, as the idle time-out of a server or a load balancer does:
     * the next request a client sends on it fails.
     */
    CLOSED_AFTER_ANSWER;

    FaultEngine.Kind kind() {
      return this == LATENCY ? FaultEngine.Kind.NONE : FaultEngine.Kind.valueOf(name());
    }
  }

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
    return engine.injected(kind.kind());
  }

  @Override
  public String toString() {
    return "FaultPlan{seed=" + engine.seed() + ", rules=" + rules() + "}";
  }
}
