package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.report.Figure;
import io.databricks4j.benchmarks.report.Markdown;
import io.databricks4j.benchmarks.report.Row;
import io.databricks4j.benchmarks.report.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Workload 6: the runtime class path of a PAT-only workspace application, with and without a cloud module. */
final class FootprintWorkload {
  private static final double MIB = 1024.0 * 1024.0;
  private static final String EVERY_SERVICE = "databricks4j, PAT, every service (services-workspace)";
  private final ClassPaths paths;

  FootprintWorkload(ClassPaths paths) {
    this.paths = paths;
  }

  Section run() {
    String v = Versions.databricks4j();
    // the application of the other workloads: clusters().get with a PAT, so the client and the compute package
    String client = "io.databricks4j:services-workspace-client:" + v;
    String compute = "io.databricks4j:service-compute:" + v;
    String pat = "io.databricks4j:auth-pat:" + v;
    Map<String, List<Path>> apps = new LinkedHashMap<>();
    apps.put("official SDK " + Versions.official(), paths.runtime("com.databricks:databricks-sdk-java:" + Versions.official()));
    apps.put("databricks4j, PAT", paths.runtime(client, compute, pat));
    for (String cloud : List.of("auth-azure", "auth-gcp", "auth-oauth")) {
      apps.put("databricks4j, PAT + " + cloud, paths.runtime(client, compute, pat, "io.databricks4j:" + cloud + ":" + v));
    }
    apps.put(EVERY_SERVICE, paths.runtime("io.databricks4j:services-workspace:" + v, pat));
    long official = ClassPaths.bytes(apps.values().iterator().next());
    List<Row> rows = new ArrayList<>();
    Markdown t = new Markdown("application", "jars", "MiB", "vs official", "largest jars (MiB); for a cloud module, the largest it adds");
    List<Path> patOnly = apps.get("databricks4j, PAT");
    apps.forEach((name, jars) -> {
      long bytes = ClassPaths.bytes(jars);
      double ratio = (double) bytes / official;
      List<Path> shown = name.contains(" + ") ? jars.stream().filter(j -> !patOnly.contains(j)).toList() : jars;
      t.row(name, jars.size(), Figure.num(bytes / MIB), Figure.ratio(ratio), largest(shown));
      if (name.equals(EVERY_SERVICE)) {
        rows.add(new Row("6 footprint: PAT, every service (context)", "runtime class path MiB", Figure.num(bytes / MIB),
            Figure.num(official / MIB), "—", Figure.ratio(ratio) + " official", "context: services-workspace", null));
      } else if (name.startsWith("databricks4j")) {
        rows.add(new Row("6 footprint: " + name.substring("databricks4j, ".length()), "runtime class path MiB",
            Figure.num(bytes / MIB), Figure.num(official / MIB), "—", Figure.ratio(ratio) + " official",
            "≤ 0.40× official", ratio <= 0.40));
      }
    });
    return new Section("6", "Footprint (runtime class path)", rows,
        "Sum of the jar sizes of the runtime class path Maven resolves for an application that declares only "
            + "the listed artifacts (databricks4j from this checkout). The application is the one of the other "
            + "workloads, `clusters().get` with a PAT: `services-workspace-client` + `service-compute` + `auth-pat` "
            + "(each API package is a module of its own, the client's accessors reach the ones present); the last row "
            + "declares `services-workspace`, every package, for context. Sizes are exact, so there is no spread.\n\n" + t);
  }

  private static String largest(List<Path> jars) {
    return jars.stream().sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed()).limit(5)
        .map(p -> p.getFileName() + " " + Figure.num(p.toFile().length() / MIB)).collect(Collectors.joining(", "));
  }
}
