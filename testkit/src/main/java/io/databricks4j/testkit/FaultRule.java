package io.databricks4j.testkit;

import io.databricks4j.testkit.FaultPlan.Fault;
import io.databricks4j.testkit.internal.FaultEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults for the requests whose path matches a regular expression: for each {@link Fault} kind, the
 * percentage of matching requests that meet it, and latency added to each. The percentages add up
 * to 100 at most; the rest of the requests are served normally.
 *
 * <pre>{@code
 * workspace.faults().seed(7).add(FaultRule.forPaths("/api/2\\.1/clusters/.*")
 *     .tooManyRequests(10).unavailable(5).connectionReset(5)
 *     .fault(Fault.TRUNCATED_BODY, 2).fault(Fault.STALLED_BODY, 1).stall(Duration.ofSeconds(2))
 *     .latency(Duration.ofMillis(2)).build());
 * }</pre>
 */
public final class FaultRule {
  private final FaultEngine.Rule rule;

  private FaultRule(FaultEngine.Rule rule) {
    this.rule = rule;
  }

  /** A rule for paths matching {@code regex} in full ({@code /api/2.1/clusters/.*}). */
  public static Builder forPaths(String regex) {
    return new Builder(Pattern.compile(regex));
  }

  /** A rule for every request but those of {@code /testkit/}. */
  public static Builder forAllPaths() {
    return forPaths(".*");
  }

  FaultEngine.Rule internal() {
    return rule;
  }

  static FaultRule of(FaultEngine.Rule rule) {
    return new FaultRule(rule);
  }

  public String pathRegex() {
    return rule.path().pattern();
  }

  /** The percentage of matching requests that meet {@code kind}; 0 for {@link Fault#LATENCY}. */
  public double percent(Fault kind) {
    return kind == Fault.LATENCY ? 0 : rule.percent(kind.kind());
  }

  public double tooManyRequestsPercent() {
    return percent(Fault.TOO_MANY_REQUESTS);
  }

  public double unavailablePercent() {
    return percent(Fault.UNAVAILABLE);
  }

  public double connectionResetPercent() {
    return percent(Fault.CONNECTION_RESET);
  }

  /** The {@code Retry-After} of the answers that carry one. */
  public Duration retryAfter() {
    return Duration.ofSeconds(rule.retryAfterSeconds());
  }

  /** How long the stalled kinds hold an answer back. */
  public Duration stall() {
    return Duration.ofMillis(rule.stallMillis());
  }

  public Duration latency() {
    return Duration.ofMillis(rule.latencyMillis());
  }

  @Override
  public String toString() {
    StringJoiner kinds = new StringJoiner(", ");
    rule.percents().forEach((k, p) -> kinds.add(k.wireName() + "=" + p + "%"));
    return "FaultRule{path=" + pathRegex() + ", methods=" + rule.methods() + ", " + kinds + ", retryAfter="
        + retryAfter() + ", stall=" + stall() + ", latency=" + latency() + ", limit=" + rule.limit() + "}";
  }

  /** Builds a {@link FaultRule}; every fault is off until set. */
  public static final class Builder {
    private final Pattern path;
    private Set<String> methods = Set.of();
    private final Map<FaultEngine.Kind, Double> percents = new EnumMap<>(FaultEngine.Kind.class);
    private int retryAfterSeconds = 1;
    private long stallMillis = FaultEngine.DEFAULT_STALL_MILLIS;
    private long latencyMillis;
    private long limit;

    private Builder(Pattern path) {
      this.path = path;
    }

    /** Only requests with one of these HTTP methods; all methods by default. */
    public Builder methods(String... methods) {
      this.methods = Arrays.stream(methods).map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
      return this;
    }

    /** Makes {@code percent} of the matching requests meet {@code kind} (any kind but {@link Fault#LATENCY}). */
    public Builder fault(Fault kind, double percent) {
      if (kind == Fault.LATENCY) {
        throw new IllegalArgumentException("latency is not a percentage: use latency(Duration)");
      }
      percents.put(kind.kind(), percent(percent));
      return this;
    }

    /** Answers this percentage of matching requests with 429 and {@code Retry-After}. */
    public Builder tooManyRequests(double percent) {
      return fault(Fault.TOO_MANY_REQUESTS, percent);
    }

    /** The {@code Retry-After} of the answers that carry one, in whole seconds; 1 by default. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfterSeconds = (int) Math.max(0, retryAfter.toSeconds());
      return this;
    }

    /** Answers this percentage of matching requests with 503 TEMPORARILY_UNAVAILABLE. */
    public Builder unavailable(double percent) {
      return fault(Fault.UNAVAILABLE, percent);
    }

    /** Closes the connection of this percentage of matching requests without answering or serving them. */
    public Builder connectionReset(double percent) {
      return fault(Fault.CONNECTION_RESET, percent);
    }

    /**
     * How long {@link Fault#STALLED_HEADERS} and {@link Fault#STALLED_BODY} hold an answer back; 2 s
     * by default. Make it longer than the client's read time-out to make the client give up.
     */
    public Builder stall(Duration stall) {
      this.stallMillis = Math.max(0, stall.toMillis());
      return this;
    }

    /** Delays every matching request by {@code latency} before it is served. */
    public Builder latency(Duration latency) {
      this.latencyMillis = Math.max(0, latency.toMillis());
      return this;
    }

    /** Injects at most {@code faults} faults, then lets requests through; unlimited by default. */
    public Builder limit(long faults) {
      this.limit = Math.max(0, faults);
      return this;
    }

    public FaultRule build() {
      if (FaultEngine.total(percents) > 100) {
        throw new IllegalArgumentException("the fault percentages add up to more than 100");
      }
      return new FaultRule(new FaultEngine.Rule(path, methods, percents, retryAfterSeconds, stallMillis,
          latencyMillis, limit));
    }

    private static double percent(double p) {
      if (p < 0 || p > 100 || Double.isNaN(p)) {
        throw new IllegalArgumentException("a percentage is between 0 and 100, got " + p);
      }
      return p;
    }
  }
}
