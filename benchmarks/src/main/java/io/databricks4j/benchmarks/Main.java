package io.databricks4j.benchmarks;

import io.databricks4j.benchmarks.report.Report;
import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.run.Plan;
import io.databricks4j.benchmarks.run.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar benchmarks/target/databricks4j-benchmarks.jar [--quick] [--only 1,2,...] [--jfr]
 * [--out FILE] [--no-write]}, from the repository root: runs the workloads, prints the table and writes
 * it into {@code docs/benchmarks.md}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Plan plan = Plan.full();
    Set<String> only = new LinkedHashSet<>(Suite.ORDER);
    Path root = findRoot(Path.of("").toAbsolutePath());
    Path out = null;
    boolean write = true;
    boolean jfr = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> plan = Plan.quick();
        case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
        case "--out" -> out = Path.of(args[++i]);
        case "--no-write" -> write = false;
        case "--jfr" -> jfr = true;
        default -> {
          System.err.println("usage: java -jar databricks4j-benchmarks.jar [--quick] [--only 1,2,...] [--jfr] "
              + "[--out docs/benchmarks.md] [--no-write]");
          System.exit(2);
        }
      }
    }
    Suite suite = new Suite(plan, root, root.resolve("benchmarks/target/benchmark-logs"), jfr, System.err);
    List<Section> sections = suite.run(only);
    String md = Report.markdown(suite.machine(), plan.name(), sections);
    System.out.println(md);
    if (write) {
      Path file = out == null ? root.resolve("docs/benchmarks.md") : out;
      Report.write(file, md);
      System.err.println("[benchmarks] wrote " + file);
    }
  }

  /** The repository root: the nearest directory up from {@code from} whose pom.xml is databricks4j's parent. */
  public static Path findRoot(Path from) {
    for (Path p = from; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>databricks4j-parent</artifactId>")
            && Files.isDirectory(p.resolve("benchmarks"))) {
          return p;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("run from the databricks4j checkout: no databricks4j-parent pom.xml above " + from);
  }
}
