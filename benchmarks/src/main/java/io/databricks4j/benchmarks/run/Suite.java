package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.server.FixtureServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The workloads in their running order, against one fixture server. */
public final class Suite {
  /** Footprint and cold start first: they need no warm JIT and set nothing on the server. */
  public static final List<String> ORDER = List.of("6", "3", "1", "2", "8", "7", "4", "5");

  private final Plan plan;
  private final Path root;
  private final Path logs;
  private final boolean jfr;
  private final PrintStream progress;
  private Map<String, String> machine;

  public Suite(Plan plan, Path root, Path logs, boolean jfr, PrintStream progress) {
    this.plan = plan;
    this.root = root;
    this.logs = logs;
    this.jfr = jfr;
    this.progress = progress;
  }

  /** Runs the workloads named in {@code only} (of {@link #ORDER}) and returns their sections in the order 1 to 7. */
  public List<Section> run(Collection<String> only) {
    machine = Machine.describe();
    Path logs = this.logs.resolve(java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-'));
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Section> sections = new ArrayList<>();
    long start = System.nanoTime();
    Machine.LoadWatch load = new Machine.LoadWatch();
    try (load; FixtureServer server = FixtureServer.start(plan.listItems(), Plan.PAGE_SIZE, plan.fileSize());
        ClassPaths paths = new ClassPaths(root)) {
      Jmh jmh = new Jmh(plan, server, logs, jfr);
      GetWorkloads get = new GetWorkloads(plan, server, jmh);
      BulkWorkloads bulk = new BulkWorkloads(plan, server, jmh);
      for (String w : ORDER) {
        if (!only.contains(w)) {
          continue;
        }
        progress.printf("[benchmarks] %4.0f s  workload %s ...%n", (System.nanoTime() - start) / 1e9, w);
        sections.add(switch (w) {
          case "1" -> get.latency();
          case "2" -> get.throughput();
          case "8" -> get.allocation();
          case "3" -> new ColdStartWorkload(plan, server, paths, logs).run();
          case "4" -> bulk.listing();
          case "5" -> bulk.files();
          case "6" -> new FootprintWorkload(paths).run();
          case "7" -> get.retries();
          default -> throw new IllegalArgumentException("no workload " + w + "; workloads are " + ORDER);
        });
      }
    }
    progress.printf("[benchmarks] %4.0f s  done; JMH output in %s%n", (System.nanoTime() - start) / 1e9, logs);
    machine.put("load average (1 min) during the run", load.summary() + ", sampled every 5 s");
    sections.sort((a, b) -> a.id().compareTo(b.id()));
    return sections;
  }

  public Map<String, String> machine() {
    return machine;
  }
}
