package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.http.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
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
  /** How long the stalled kinds hold an answer back unless told otherwise. */
  public static final long DEFAULT_STALL_MILLIS = 2_000;

  /**
   * What a request gets. The kinds before {@link #DROPPED_AFTER_PROCESSING} strike before the
   * request is served (nothing happens on the server); the others after it was (the emulation ran
   * and changed its state), while its answer goes out. The order is the order of the draw: kinds
   * added later come last, so that a seed keeps the fates it gave before.
   */
  public enum Kind {
    NONE(0, false, false),
    TOO_MANY_REQUESTS(429, true, false),
    UNAVAILABLE(503, false, false),
    CONNECTION_RESET(0, false, false),
    TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER(429, false, false),
    UNAVAILABLE_WITH_RETRY_AFTER(503, true, false),
    INTERNAL_ERROR(500, false, false),
    BAD_GATEWAY(502, false, false),
    GATEWAY_TIMEOUT(504, false, false),
    DROPPED_AFTER_PROCESSING(0, false, true),
    TRUNCATED_BODY(0, false, true),
    TRUNCATED_CHUNKED_BODY(0, false, true),
    STALLED_HEADERS(0, false, true),
    STALLED_BODY(0, false, true),
    CLOSED_AFTER_ANSWER(0, false, true);

    private final int status;
    private final boolean retryAfter;
    private final boolean afterProcessing;

    Kind(int status, boolean retryAfter, boolean afterProcessing) {
      this.status = status;
      this.retryAfter = retryAfter;
      this.afterProcessing = afterProcessing;
    }

    /** The status answered instead of serving the request; 0 for the kinds that are not an answer. */
    public int status() {
      return status;
    }

    /** Whether the answer carries {@code Retry-After}. */
    public boolean retryAfter() {
      return retryAfter;
    }

    /** Whether the request is served before the fault strikes. */
    public boolean afterProcessing() {
      return afterProcessing;
    }

    /** The name in the JSON of {@code /testkit/faults}: {@code truncated_body}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A fault rule: the percentage of each kind for requests whose path matches, the
   * {@code Retry-After} and stall of the kinds that have one, latency added to each request, and at
   * most {@code limit} faults (0: unlimited).
   */
  public record Rule(Pattern path, Set<String> methods, Map<Kind, Double> percents, int retryAfterSeconds,
      long stallMillis, long latencyMillis, long limit) {
    public Rule {
      Map<Kind, Double> copy = new EnumMap<>(Kind.class);
      percents.forEach((k, v) -> {
        if (k != Kind.NONE && v > 0) {
          copy.put(k, v);
        }
      });
      percents = Collections.unmodifiableMap(copy);
      methods = Set.copyOf(methods);
    }

    public double percent(Kind kind) {
      return percents.getOrDefault(kind, 0.0);
    }
  }

  /** The fate of one request. */
  public record Decision(Kind kind, int retryAfterSeconds, long stallMillis, long latencyMillis) {
    public static final Decision NONE = new Decision(Kind.NONE, 0, 0, 0);
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

  /** The total of the percentages of {@code percents}, which may not exceed 100. */
  public static double total(Map<Kind, Double> percents) {
    return percents.values().stream().mapToDouble(Double::doubleValue).sum();
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
      double bound = 0;
      for (Map.Entry<Kind, Double> e : r.percents().entrySet()) {
        bound += e.getValue();
        if (draw < bound) {
          kind = e.getKey();
          break;
        }
      }
      if (kind != Kind.NONE) {
        if (r.limit() > 0 && a.injected().incrementAndGet() > r.limit()) {
          kind = Kind.NONE;
        } else {
          counts.get(kind).incrementAndGet();
        }
      }
      return new Decision(kind, r.retryAfterSeconds(), r.stallMillis(), r.latencyMillis());
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
    Set<String> methods = new HashSet<>();
    r.path("methods").forEach(m -> methods.add(m.asText().toUpperCase(Locale.ROOT)));
    Map<Kind, Double> percents = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      if (k != Kind.NONE) {
        percents.put(k, percent(r, k.wireName() + "_percent"));
      }
    }
    if (total(percents) > 100) {
      throw ApiException.invalid("The fault percentages of a rule add up to more than 100");
    }
    return new Rule(pattern, methods, percents, r.path("retry_after_seconds").asInt(1),
        Math.max(0, r.path("stall_ms").asLong(DEFAULT_STALL_MILLIS)), Math.max(0, r.path("latency_ms").asLong(0)),
        Math.max(0, r.path("limit").asLong(0)));
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
      ObjectNode rule = Json.object("path", r.path().pattern(), "methods", Json.strings(r.methods()),
          "retry_after_seconds", r.retryAfterSeconds(), "stall_ms", r.stallMillis(), "latency_ms", r.latencyMillis(),
          "limit", r.limit());
      for (Kind k : Kind.values()) {
        if (k != Kind.NONE) {
          rule.put(k.wireName() + "_percent", r.percent(k));
        }
      }
      list.add(rule);
    }
    ObjectNode injected = Json.object("delayed", injected(Kind.NONE));
    for (Kind k : Kind.values()) {
      if (k != Kind.NONE) {
        injected.put(k.wireName(), injected(k));
      }
    }
    return Json.object("seed", seed, "rules", list, "injected", injected);
  }
}
