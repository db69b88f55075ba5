package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.jmh.GetLatency;
import io.databricks4j.benchmarks.jmh.GetThroughput;
import io.databricks4j.benchmarks.peer.Peers;
import io.databricks4j.benchmarks.report.Figure;
import io.databricks4j.benchmarks.report.Markdown;
import io.databricks4j.benchmarks.report.Row;
import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.server.FixtureServer;
import io.databricks4j.benchmarks.server.FixtureServer.Counters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Workloads 1 (latency), 2 (throughput) and 7 (throughput under injected 503s): {@code clusters().get}. */
final class GetWorkloads {
  /** What each retry waits: the server sends {@code Retry-After: 1}, which both SDKs honour. */
  private static final double RETRY_WAIT_S = 1.0;
  private static final int FAIL_EVERY = 10;
  private static final List<String> WITH_APICLIENT =
      List.of(Peers.DATABRICKS4J, Peers.OFFICIAL, Peers.FLOOR, Peers.APICLIENT);

  private final Plan plan;
  private final FixtureServer server;
  private final Jmh jmh;
  private final Map<String, Figure> throughput = new LinkedHashMap<>();

  private static final String APICLIENT_NOTE = "`" + Peers.APICLIENT + "` is context, not a target: the same call "
      + "through databricks4j's pipeline alone (`w.apiClient().execute(HttpRequest)` and a cached Jackson reader), "
      + "so its distance to `databricks4j` is what the generated service and its wire invoker cost.";

  GetWorkloads(Plan plan, FixtureServer server, Jmh jmh) {
    this.plan = plan;
    this.server = server;
    this.jmh = jmh;
  }

  /**
   * One JMH run per peer and round, peers taking turns, so that the server's counters belong to one
   * peer and outside load falls on every peer alike.
   */
  private Map<String, List<IterationResult>> perPeer(List<String> peers, int rounds, Supplier<ChainedOptionsBuilder> options,
      Map<String, Counters> served) {
    Map<String, List<IterationResult>> out = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (String peer : peers) {
        Counters before = server.counters();
        jmh.run(options.get().param("peer", peer), "peer")
            .forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        Counters delta = server.counters().minus(before);
        served.merge(peer, delta, Counters::plus);
      }
    }
    return out;
  }

  Section latency() {
    Map<String, Counters> served = new LinkedHashMap<>();
    Map<String, List<IterationResult>> r = perPeer(WITH_APICLIENT, plan.rounds(),
        () -> jmh.timed(GetLatency.class, Plan.HEAP, plan.warmups()), served);
    List<Row> rows = new ArrayList<>();
    for (double p : new double[] {50, 99}) {
      Map<String, Figure> f = new LinkedHashMap<>();
      r.forEach((peer, its) -> f.put(peer, Jmh.figure(its, it -> Jmh.percentile(it, p))));
      double vsFloor = f.get(Peers.DATABRICKS4J).over(f.get(Peers.FLOOR));
      double vsOfficial = f.get(Peers.DATABRICKS4J).over(f.get(Peers.OFFICIAL));
      rows.add(new Row("1 small GET, 1 thread", "p" + (int) p + " µs", f.get(Peers.DATABRICKS4J).toString(),
          f.get(Peers.OFFICIAL).toString(), f.get(Peers.FLOOR).toString(),
          Figure.ratio(vsFloor) + " floor, " + Figure.ratio(vsOfficial) + " official",
          p == 50 ? "≤ 1.05× floor, ≤ 0.95× official" : "≤ 1.15× floor, ≤ 0.95× official",
          vsFloor <= (p == 50 ? 1.05 : 1.15) && vsOfficial <= 0.95));
    }
    Markdown t = new Markdown("peer", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "requests served", "connections opened",
        "server CPU µs/request");
    r.forEach((peer, its) -> t.row(peer, Jmh.figure(its, it -> Jmh.percentile(it, 50)),
        Jmh.figure(its, it -> Jmh.percentile(it, 90)), Jmh.figure(its, it -> Jmh.percentile(it, 99)),
        Jmh.figure(its, it -> Jmh.percentile(it, 99.9)), served.get(peer).gets(), served.get(peer).connections(),
        cpuPerRequest(served.get(peer))));
    return new Section("1", "Small GET latency (`clusters().get`, one thread)", rows,
        "Every call timed (JMH sample mode); figures are the median over measured iterations of each iteration's "
            + "percentile, with the range across iterations. " + APICLIENT_NOTE + "\n\n" + t);
  }

  Section throughput() {
    Map<String, Counters> served = new LinkedHashMap<>();
    Map<String, List<IterationResult>> r = perPeer(WITH_APICLIENT, plan.rounds(),
        () -> jmh.timed(GetThroughput.class, Plan.HEAP, plan.throughputWarmups()).threads(Plan.THREADS), served);
    r.forEach((peer, its) -> throughput.put(peer, Jmh.figure(its, Jmh::score)));
    Figure d4j = throughput.get(Peers.DATABRICKS4J);
    double vsOfficial = d4j.over(throughput.get(Peers.OFFICIAL));
    double vsFloor = d4j.over(throughput.get(Peers.FLOOR));
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("2 throughput, 16 threads, one client", "calls/s", d4j.toString(),
        throughput.get(Peers.OFFICIAL).toString(), throughput.get(Peers.FLOOR).toString(),
        Figure.ratio(vsOfficial) + " official, " + Figure.ratio(vsFloor) + " floor", "≥ 1.2× official, ≥ 0.95× floor",
        vsOfficial >= 1.2 && vsFloor >= 0.95));
    rows.add(new Row("2 server cost", "server CPU µs/request", cpuPerRequest(served.get(Peers.DATABRICKS4J)),
        cpuPerRequest(served.get(Peers.OFFICIAL)), cpuPerRequest(served.get(Peers.FLOOR)),
        Figure.ratio(throughput.get(Peers.FLOOR).over(throughput.get(Peers.OFFICIAL))) + " floor/official", "floor well above the SDKs",
        null));
    Markdown t = new Markdown("peer", "calls/s", "requests served", "connections opened", "server CPU µs/request",
        "server CPU share");
    r.forEach((peer, its) -> t.row(peer, throughput.get(peer), served.get(peer).gets(), served.get(peer).connections(),
        cpuPerRequest(served.get(peer)), share(served.get(peer), throughput.get(peer))));
    return new Section("2", "Throughput (`clusters().get`, 16 threads sharing one client)", rows,
        "The server runs in the harness JVM; its CPU per request is that JVM's CPU time over the requests it "
            + "answered during the peer's run (warm-up included). Its share is the fraction of the machine's "
            + Runtime.getRuntime().availableProcessors() + " cores it used at the measured rate: the floor "
            + "reaching well above both SDKs on the same server shows the server is not what limits them. "
            + APICLIENT_NOTE + "\n\n" + t);
  }

  /**
   * Bytes allocated per {@code clusters().get} (JMH's GC profiler, {@code gc.alloc.rate.norm}): every
   * allocation of the benchmark's JVM per call, the client's threads only (the server runs in the
   * harness JVM).
   */
  Section allocation() {
    Map<String, Counters> served = new LinkedHashMap<>();
    Map<String, List<IterationResult>> r = perPeer(WITH_APICLIENT, 1,
        () -> jmh.timed(GetLatency.class, Plan.HEAP, plan.warmups()).mode(org.openjdk.jmh.annotations.Mode.AverageTime)
            .addProfiler(org.openjdk.jmh.profile.GCProfiler.class), served);
    Map<String, Figure> f = new LinkedHashMap<>();
    r.forEach((peer, its) -> f.put(peer, Jmh.figure(its, it -> Jmh.secondary(it, "gc.alloc.rate.norm"))));
    double vsFloor = f.get(Peers.DATABRICKS4J).over(f.get(Peers.FLOOR));
    List<Row> rows = List.of(new Row("8 allocation per call, 1 thread", "bytes/call", f.get(Peers.DATABRICKS4J).toString(),
        f.get(Peers.OFFICIAL).toString(), f.get(Peers.FLOOR).toString(),
        Figure.ratio(vsFloor) + " floor, " + Figure.ratio(f.get(Peers.DATABRICKS4J).over(f.get(Peers.OFFICIAL)))
            + " official", "context (compare with the previous version's run)", null));
    Markdown t = new Markdown("peer", "bytes/call");
    f.forEach(t::row);
    return new Section("8", "Allocation per call (`clusters().get`, JMH GC profiler)", rows,
        "`gc.alloc.rate.norm`: bytes allocated per call by the benchmark's JVM, in JMH's average-time mode. "
            + APICLIENT_NOTE + "\n\n" + t);
  }

  Section retries() {
    if (throughput.isEmpty()) {
      throughput();
    }
    server.failEvery(FAIL_EVERY);
    Map<String, Counters> served = new LinkedHashMap<>();
    Map<String, List<IterationResult>> r;
    try {
      TimeValue t = TimeValue.milliseconds(plan.faultIterationMillis());
      r = perPeer(List.of(Peers.DATABRICKS4J, Peers.OFFICIAL), 1, () -> jmh.options(GetThroughput.class, Plan.HEAP)
          .threads(Plan.THREADS).warmupIterations(plan.forks() == 0 ? 0 : 1).warmupTime(t)
          .measurementIterations(plan.faultIterations()).measurementTime(t), served);
    } finally {
      server.failEvery(0);
    }
    Markdown t = new Markdown("peer", "clean calls/s", "503 share", "predicted calls/s", "measured calls/s",
        "measured / predicted");
    List<Row> rows = new ArrayList<>();
    Map<String, Double> explained = new LinkedHashMap<>();
    Map<String, Figure> measured = new LinkedHashMap<>();
    r.forEach((peer, its) -> {
      Counters c = served.get(peer);
      double f = (double) c.failures() / c.gets();
      double cleanSeconds = Plan.THREADS / throughput.get(peer).median();
      double predicted = Plan.THREADS / (cleanSeconds / (1 - f) + f / (1 - f) * RETRY_WAIT_S);
      Figure m = Jmh.figure(its, Jmh::score);
      measured.put(peer, m);
      explained.put(peer, m.median() / predicted);
      t.row(peer, throughput.get(peer), String.format("%.1f %%", 100 * f), Figure.num(predicted), m,
          Figure.ratio(m.median() / predicted));
    });
    double e = explained.get(Peers.DATABRICKS4J);
    rows.add(new Row("7 throughput with 10% 503s", "calls/s", measured.get(Peers.DATABRICKS4J).toString(),
        measured.get(Peers.OFFICIAL).toString(), "—", Figure.ratio(e) + " of predicted",
        "≥ 0.90× what the 1 s waits predict", e >= 0.90));
    return new Section("7", "Retry cost (workload 2 with 10% of the GETs answered 503)", rows,
        "Every " + FAIL_EVERY + "th `clusters/get` the server receives is answered `503 TEMPORARILY_UNAVAILABLE` "
            + "with `Retry-After: 1`, which both SDKs honour (one second per retry). With a failed share f of the "
            + "requests and t the clean per-call time of a thread (16 / clean calls/s), a call costs on average "
            + "t/(1−f) + f/(1−f) × 1 s, so 16 threads predict 16 / that calls/s. Measured over predicted near 1 "
            + "means the retries cost nothing beyond their waits.\n\n" + t);
  }

  private static String cpuPerRequest(Counters c) {
    return c.requests() == 0 ? "—" : Figure.num(c.cpuNanos() / 1000.0 / c.requests());
  }

  private static String share(Counters c, Figure callsPerSecond) {
    if (c.requests() == 0) {
      return "—";
    }
    double coreSeconds = c.cpuNanos() / 1e9 / c.requests() * callsPerSecond.median();
    return String.format("%.0f %%", 100 * coreSeconds / Runtime.getRuntime().availableProcessors());
  }
}
