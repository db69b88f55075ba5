package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides, per request, whether to inject a fault. Each rule draws from its own sequence of the
 * seed, so the n-th request a rule matches gets the same fate on every run.
 */
public final class FaultEngine {
  /** What a request gets. */
  public enum Kind { NONE, TOO_MANY_REQUESTS, UNAVAILABLE, CONNECTION_RESET }

  /**
   * A fault rule: percentages of 429, 503 and connection resets for requests whose path matches,
   * latency added to each of them, and at most {@code limit} faults (0: unlimited).
   */
  public record Rule(Pattern path, Set<String> methods, double tooManyRequestsPercent, int retryAfterSeconds,
      double unavailablePercent, double connectionResetPercent, long latencyMillis, long limit) {
  }

  /** The fate of one request. */
  public record Decision(Kind kind, int retryAfterSeconds, long latencyMillis) {
    public static final Decision NONE = new Decision(Kind.NONE, 0, 0);
  }

  private record Armed(Rule rule, int index, AtomicLong seen, AtomicLong injected) {
  }

  private volatile List<Armed> rules = List.of();
  private volatile long seed;
  private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
  private final AtomicLong delayed = new AtomicLong();

  public FaultEngine() {
    for (Kind k : Kind.values()) {
      counts.put(k, new AtomicLong());
    }
  }

  public synchronized void seed(long seed) {
    this.seed = seed;
    List<Armed> reset = new ArrayList<>();
    for (Armed a : rules) {
      reset.add(new Armed(a.rule(), a.index(), new AtomicLong(), new AtomicLong()));
    }
    rules = List.copyOf(reset);
  }

  public long seed() {
    return seed;
  }

  public synchronized void add(Rule rule) {
    List<Armed> next = new ArrayList<>(rules);
    next.add(new Armed(rule, next.size(), new AtomicLong(), new AtomicLong()));
    rules = List.copyOf(next);
  }

  public synchronized void clear() {
    rules = List.of();
  }

  public List<Rule> rules() {
    return rules.stream().map(Armed::rule).toList();
  }

  /** How many faults of a kind were injected since the start (latency counts as {@link Kind#NONE}). */
  public long injected(Kind kind) {
    return kind == Kind.NONE ? delayed.get() : counts.get(kind).get();
  }

  public Decision decide(String method, String path) {
    for (Armed a : rules) {
      Rule r = a.rule();
      if ((!r.methods().isEmpty() && !r.methods().contains(method)) || !r.path().matcher(path).matches()) {
        continue;
      }
      long n = a.seen().getAndIncrement();
      if (r.latencyMillis() > 0) {
        delayed.incrementAndGet();
      }
      double draw = uniform(seed, a.index(), n) * 100.0;
      Kind kind = Kind.NONE;
      if (draw < r.tooManyRequestsPercent()) {
        kind = Kind.TOO_MANY_REQUESTS;
      } else if (draw < r.tooManyRequestsPercent() + r.unavailablePercent()) {
        kind = Kind.UNAVAILABLE;
      } else if (draw < r.tooManyRequestsPercent() + r.unavailablePercent() + r.connectionResetPercent()) {
        kind = Kind.CONNECTION_RESET;
      }
      if (kind != Kind.NONE) {
        if (r.limit() > 0 && a.injected().incrementAndGet() > r.limit()) {
          kind = Kind.NONE;
        } else {
          counts.get(kind).incrementAndGet();
        }
      }
      return new Decision(kind, r.retryAfterSeconds(), r.latencyMillis());
    }
    return Decision.NONE;
  }

  private static double uniform(long seed, int rule, long n) {
    long z = Ids.mix(seed ^ Ids.mix(rule + 1L) ^ Ids.mix(n + 0x632BE59BD9B4E019L));
    return (z >>> 11) * 0x1.0p-53;
  }

  /** Replaces the plan from the JSON of {@code POST /testkit/faults}. */
  public synchronized void configure(JsonNode plan) {
    if (plan == null || !plan.isObject()) {
      throw ApiException.malformed("The fault plan must be a JSON object");
    }
    List<Rule> parsed = new ArrayList<>();
    for (JsonNode r : plan.path("rules")) {
      parsed.add(rule(r));
    }
    clear();
    parsed.forEach(this::add);
    seed(plan.path("seed").asLong(seed));
  }

  private static Rule rule(JsonNode r) {
    String regex = r.path("path").asText(".*");
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw ApiException.invalid("Invalid path regex " + regex + ": " + e.getDescription());
    }
    java.util.Set<String> methods = new java.util.HashSet<>();
    r.path("methods").forEach(m -> methods.add(m.asText().toUpperCase(Locale.ROOT)));
    double p429 = percent(r, "too_many_requests_percent");
    double p503 = percent(r, "unavailable_percent");
    double reset = percent(r, "connection_reset_percent");
    if (p429 + p503 + reset > 100) {
      throw ApiException.invalid("The fault percentages of a rule add up to more than 100");
    }
    return new Rule(pattern, Set.copyOf(methods), p429, r.path("retry_after_seconds").asInt(1), p503, reset,
        Math.max(0, r.path("latency_ms").asLong(0)), Math.max(0, r.path("limit").asLong(0)));
  }

  private static double percent(JsonNode r, String field) {
    double v = r.path(field).asDouble(0);
    if (v < 0 || v > 100) {
      throw ApiException.invalid(field + " must be between 0 and 100");
    }
    return v;
  }

  /** The plan and what it injected, for {@code GET /testkit/faults}. */
  public ObjectNode describe() {
    ArrayNode list = Json.array();
    for (Rule r : rules()) {
      list.add(Json.object("path", r.path().pattern(), "methods", Json.strings(r.methods()),
          "too_many_requests_percent", r.tooManyRequestsPercent(), "retry_after_seconds", r.retryAfterSeconds(),
          "unavailable_percent", r.unavailablePercent(), "connection_reset_percent", r.connectionResetPercent(),
          "latency_ms", r.latencyMillis(), "limit", r.limit()));
    }
    return Json.object("seed", seed, "rules", list, "injected", Json.object(
        "too_many_requests", injected(Kind.TOO_MANY_REQUESTS), "unavailable", injected(Kind.UNAVAILABLE),
        "connection_reset", injected(Kind.CONNECTION_RESET), "delayed", injected(Kind.NONE)));
  }
}
