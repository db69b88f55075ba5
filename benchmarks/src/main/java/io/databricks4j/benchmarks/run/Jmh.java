package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.jmh.Fixture;
import io.databricks4j.benchmarks.jmh.HeapProfiler;
import io.databricks4j.benchmarks.report.Figure;
import io.databricks4j.benchmarks.server.FixtureServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs a JMH benchmark against the fixture server and reads back per-iteration figures. */
final class Jmh {
  private final Plan plan;
  private final FixtureServer server;
  private final Path logs;
  private final boolean jfr;
  private int runs;
  private Path log;

  /**
   * @param logs where each run's JMH output goes
   * @param jfr whether to record each benchmark JVM with JDK Flight Recorder (into {@code logs/jfr})
   */
  Jmh(Plan plan, FixtureServer server, Path logs, boolean jfr) {
    this.plan = plan;
    this.server = server;
    this.logs = logs;
    this.jfr = jfr;
  }

  /** Options every run shares: the server, the sizes, one fork per peer, quiet output to the log. */
  ChainedOptionsBuilder options(Class<?> benchmark, String heap) {
    return options(benchmark, null, heap);
  }

  /** The same, for one {@code method} of the benchmark class (null: all of them). */
  ChainedOptionsBuilder options(Class<?> benchmark, String method, String heap) {
    String name = benchmark.getSimpleName() + (method == null ? "" : "." + method);
    log = logs.resolve(String.format("%02d-%s.log", ++runs, name));
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + (method == null ? "" : method + "$"))
        .forks(plan.forks())
        .shouldFailOnError(true)
        .timeout(TimeValue.minutes(3))
        .verbosity(VerboseMode.NORMAL)
        .output(log.toString())
        .jvmArgsAppend(heap,
            "-D" + Fixture.URL + "=" + server.url(),
            "-D" + Fixture.TOKEN + "=" + FixtureServer.TOKEN,
            "-D" + Fixture.LIST_ITEMS + "=" + server.listItems(),
            "-D" + Fixture.FILE_SIZE + "=" + server.fileSize());
    if (plan.forks() == 0) {
      // the benchmark runs in this JVM: hand it the same settings
      System.setProperty(Fixture.URL, server.url());
      System.setProperty(Fixture.TOKEN, FixtureServer.TOKEN);
      System.setProperty(Fixture.LIST_ITEMS, Integer.toString(server.listItems()));
      System.setProperty(Fixture.FILE_SIZE, Long.toString(server.fileSize()));
    }
    if (jfr) {
      o.addProfiler("jfr", "dir=" + logs.resolve("jfr"));
    }
    return o;
  }

  ChainedOptionsBuilder timed(Class<?> benchmark, String heap, int warmups) {
    TimeValue t = TimeValue.milliseconds(plan.iterationMillis());
    return options(benchmark, heap).warmupIterations(warmups).warmupTime(t)
        .measurementIterations(plan.iterations()).measurementTime(t);
  }

  ChainedOptionsBuilder bulk(Class<?> benchmark, String method) {
    return options(benchmark, method, Plan.SMALL_HEAP).warmupIterations(plan.bulkWarmups())
        .measurementIterations(plan.bulkIterations()).addProfiler(HeapProfiler.class);
  }

  /** Runs and returns the measured iterations of each value of {@code param}, in the order run. */
  Map<String, List<IterationResult>> run(ChainedOptionsBuilder options, String param) {
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed; see " + log, e);
    }
    Map<String, List<IterationResult>> byParam = new LinkedHashMap<>();
    for (RunResult r : results) {
      String key = r.getParams().getParam(param);
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        byParam.computeIfAbsent(key, k -> new ArrayList<>()).addAll(b.getIterationResults());
      }
    }
    if (byParam.isEmpty()) {
      throw new IllegalStateException("JMH produced no results; see " + log);
    }
    return byParam;
  }

  static Figure figure(List<IterationResult> iterations, ToDoubleFunction<IterationResult> value) {
    return Figure.of(iterations.stream().map(value::applyAsDouble).toList());
  }

  static double score(IterationResult r) {
    return r.getPrimaryResult().getScore();
  }

  static double percentile(IterationResult r, double p) {
    return r.getPrimaryResult().getStatistics().getPercentile(p);
  }

  static double secondary(IterationResult r, String name) {
    Result<?> s = r.getSecondaryResults().get(name);
    if (s == null) {
      throw new IllegalStateException("no " + name + " in the results");
    }
    return s.getScore();
  }
}
