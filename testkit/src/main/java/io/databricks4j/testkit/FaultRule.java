package io.databricks4j.testkit;

import io.databricks4j.testkit.internal.FaultEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults for the requests whose path matches a regular expression: a percentage answered 429 with
 * {@code Retry-After}, a percentage answered 503, a percentage whose connection is dropped without
 * an answer, and latency added to each.
 *
 * <pre>{@code
 * workspace.faults().seed(7).add(FaultRule.forPaths("/api/2\\.1/clusters/.*")
 *     .tooManyRequests(10).unavailable(5).connectionReset(5).latency(Duration.ofMillis(2)).build());
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

  public double tooManyRequestsPercent() {
    return rule.tooManyRequestsPercent();
  }

  public double unavailablePercent() {
    return rule.unavailablePercent();
  }

  public double connectionResetPercent() {
    return rule.connectionResetPercent();
  }

  public Duration latency() {
    return Duration.ofMillis(rule.latencyMillis());
  }

  @Override
  public String toString() {
    return "FaultRule{path=" + pathRegex() + ", methods=" + rule.methods() + ", 429=" + tooManyRequestsPercent()
        + "%, 503=" + unavailablePercent() + "%, reset=" + connectionResetPercent() + "%, latency=" + latency()
        + ", limit=" + rule.limit() + "}";
  }

  /** Builds a {@link FaultRule}; every fault is off until set. */
  public static final class Builder {
    private final Pattern path;
    private Set<String> methods = Set.of();
    private double tooManyRequests;
    private int retryAfterSeconds = 1;
    private double unavailable;
    private double reset;
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

    /** Answers this percentage of matching requests with 429 and {@code Retry-After}. */
    public Builder tooManyRequests(double percent) {
      this.tooManyRequests = percent(percent);
      return this;
    }

    /** The {@code Retry-After} of the 429 answers, in whole seconds; 1 by default. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfterSeconds = (int) Math.max(0, retryAfter.toSeconds());
      return this;
    }

    /** Answers this percentage of matching requests with 503 TEMPORARILY_UNAVAILABLE. */
    public Builder unavailable(double percent) {
      this.unavailable = percent(percent);
      return this;
    }

    /** Closes the connection of this percentage of matching requests without answering. */
    public Builder connectionReset(double percent) {
      this.reset = percent(percent);
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
      if (tooManyRequests + unavailable + reset > 100) {
        throw new IllegalArgumentException("the fault percentages add up to more than 100");
      }
      return new FaultRule(new FaultEngine.Rule(path, methods, tooManyRequests, retryAfterSeconds, unavailable, reset,
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
