package io.databricks4j.benchmarks.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on. */
final class Machine {
  private Machine() {}

  static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    m.put("CPU", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    m.put("memory", String.format("%.1f GiB", memory / (1024.0 * 1024 * 1024)));
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.vendor") + "), default GC and flags plus the heap named per workload");
    m.put("compared", "databricks4j " + Versions.databricks4j() + "; com.databricks:databricks-sdk-java " + Versions.official()
        + "; floor: Apache HttpClient " + Versions.httpclient5() + " + Jackson " + Versions.jackson());
    m.put("harness", "JMH " + Versions.jmh() + "; server: JDK HttpServer on 127.0.0.1 in the harness JVM, "
        + "sun.net.httpserver.nodelay=true, 32 worker threads");
    return m;
  }

  /**
   * Samples the system's 1-minute load average every 5 s until closed: what else ran on the machine
   * while the figures were taken (the benchmark itself keeps about 2 busy).
   */
  static final class LoadWatch implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "load-watch");
          t.setDaemon(true);
          return t;
        });
    private final java.util.List<Double> samples = new java.util.concurrent.CopyOnWriteArrayList<>();

    LoadWatch() {
      timer.scheduleAtFixedRate(() -> samples.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
          0, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** {@code median (min–max)} of the samples. */
    String summary() {
      return samples.isEmpty() ? "—" : io.databricks4j.benchmarks.report.Figure.of(samples).toString();
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the architecture will do
    }
    return System.getProperty("os.arch");
  }
}
