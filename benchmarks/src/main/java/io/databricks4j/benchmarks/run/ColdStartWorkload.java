package io.databricks4j.benchmarks.run;

import io.databricks4j.benchmarks.coldstart.ColdStart;
import io.databricks4j.benchmarks.peer.Peers;
import io.databricks4j.benchmarks.report.Figure;
import io.databricks4j.benchmarks.report.Markdown;
import io.databricks4j.benchmarks.report.Row;
import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.server.FixtureServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * Workload 3: a fresh JVM per run, from {@code main} to the first call answered, each peer with the
 * runtime class path its own application would have. Runs alternate between peers.
 */
final class ColdStartWorkload {
  private static final java.util.regex.Pattern TIMES = java.util.regex.Pattern.compile("construct_ns=(\\d+) answered_ns=(\\d+)");
  private static final java.util.regex.Pattern LOADED = java.util.regex.Pattern.compile("\\] (\\S+) source:");

  private final Plan plan;
  private final FixtureServer server;
  private final Map<String, String> classPaths = new LinkedHashMap<>();
  private final Path logs;

  ColdStartWorkload(Plan plan, FixtureServer server, ClassPaths paths, Path logs) {
    this.plan = plan;
    this.server = server;
    this.logs = logs;
    String v = Versions.databricks4j();
    String probes = probes().toString();
    classPaths.put(Peers.DATABRICKS4J, join(probes, paths.runtime("io.databricks4j:services-workspace-client:" + v,
        "io.databricks4j:service-compute:" + v, "io.databricks4j:auth-pat:" + v)));
    classPaths.put(Peers.OFFICIAL, join(probes, paths.runtime("com.databricks:databricks-sdk-java:" + Versions.official())));
    classPaths.put(Peers.FLOOR, join(probes, paths.runtime("org.apache.httpcomponents.client5:httpclient5:" + Versions.httpclient5(),
        "com.fasterxml.jackson.core:jackson-databind:" + Versions.jackson(), "io.databricks4j:service-compute:" + v)));
  }

  /** The cold-start mains: this module's classes, or the probes jar next to the benchmarks jar. */
  static Path probes() {
    try {
      Path own = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(own)) {
        return own;
      }
      Path jar = own.resolveSibling(own.getFileName().toString().replace(".jar", "-probes.jar"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build the benchmarks module with mvn package");
      }
      return jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String join(String first, List<Path> jars) {
    List<String> parts = new ArrayList<>();
    parts.add(first);
    jars.forEach(j -> parts.add(j.toString()));
    return String.join(File.pathSeparator, parts);
  }

  private record Launch(double constructMs, double answeredMs, double wallMs, long requests) {}

  private Launch launch(String peer, boolean constructOnly, List<String> jvmFlags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", classPaths.get(peer), ColdStart.class.getName(), peer, server.url(), FixtureServer.TOKEN,
        FixtureServer.CLUSTER_ID));
    if (constructOnly) {
      cmd.add("construct-only");
    }
    try {
      long requestsBefore = server.counters().requests();
      long start = System.nanoTime();
      Process p = new ProcessBuilder(cmd)
          .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("coldstart-" + peer + ".err").toFile()))
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("cold start of " + peer + " did not finish in 60 s");
      }
      double wall = (System.nanoTime() - start) / 1e6;
      Matcher m = TIMES.matcher(out);
      if (p.exitValue() != 0 || !m.find()) {
        throw new IllegalStateException("cold start of " + peer + " failed (exit " + p.exitValue() + "): " + out
            + "; see " + logs.resolve("coldstart-" + peer + ".err"));
      }
      return new Launch(Long.parseLong(m.group(1)) / 1e6, Long.parseLong(m.group(2)) / 1e6, wall,
          server.counters().requests() - requestsBefore);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Section run() {
    Map<String, List<Launch>> runs = new LinkedHashMap<>();
    if (plan.coldRuns() > 2) {
      Peers.ALL.forEach(peer -> launch(peer, false, List.of()));
    }
    for (int i = 0; i < plan.coldRuns(); i++) {
      for (String peer : Peers.ALL) {
        runs.computeIfAbsent(peer, k -> new ArrayList<>()).add(launch(peer, false, List.of()));
      }
    }
    Map<String, Figure> answered = new LinkedHashMap<>();
    Markdown t = new Markdown("peer", "main → client built ms", "main → first answer ms", "launch → exit ms",
        "requests a run", "class path jars");
    runs.forEach((peer, l) -> {
      answered.put(peer, Figure.of(l.stream().map(Launch::answeredMs).toList()));
      t.row(peer, Figure.of(l.stream().map(Launch::constructMs).toList()), answered.get(peer),
          Figure.of(l.stream().map(Launch::wallMs).toList()), l.get(0).requests(),
          classPaths.get(peer).split(File.pathSeparator).length - 1);
    });
    double vsOfficial = answered.get(Peers.DATABRICKS4J).over(answered.get(Peers.OFFICIAL));
    double vsFloor = answered.get(Peers.DATABRICKS4J).over(answered.get(Peers.FLOOR));
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("3 cold start (" + plan.coldRuns() + " JVM launches each)", "main → first answer ms",
        answered.get(Peers.DATABRICKS4J).toString(), answered.get(Peers.OFFICIAL).toString(),
        answered.get(Peers.FLOOR).toString(), Figure.ratio(vsOfficial) + " official, " + Figure.ratio(vsFloor) + " floor",
        "≤ 0.7× official, ≤ 1.0× floor", vsOfficial <= 0.7 && vsFloor <= 1.0));

    Markdown c = new Markdown("peer", "requests sent", "dynamic proxy classes", "service classes loaded",
        "SDK classes loaded", "all classes loaded", "main → client built ms");
    Map<String, int[]> construct = new LinkedHashMap<>();
    for (String peer : List.of(Peers.DATABRICKS4J, Peers.OFFICIAL)) {
      Path classLog = logs.resolve("classes-" + peer + ".txt");
      Launch l = launch(peer, true, List.of("-Xlog:class+load=info:file=" + classLog));
      int[] n = countClasses(classLog, peer);
      construct.put(peer, new int[] {(int) l.requests(), n[0], n[1]});
      c.row(peer, l.requests(), n[0], n[1], n[2], n[3], Figure.num(l.constructMs()));
    }
    int[] d = construct.get(Peers.DATABRICKS4J);
    int[] o = construct.get(Peers.OFFICIAL);
    rows.add(new Row("3 construction only", "requests / proxies / services", d[0] + " / " + d[1] + " / " + d[2],
        o[0] + " / " + o[1] + " / " + o[2], "—", "—", "no I/O, no proxy, no service", d[0] == 0 && d[1] == 0 && d[2] == 0));
    return new Section("3", "Cold start", rows,
        "Each run is a new JVM (`java -cp <probe> + <peer's runtime class path>`, default flags) that builds a "
            + "client for the server and calls `clusters().get` once; time is counted from the first statement "
            + "of `main`, and launch → exit adds JVM start-up and shut-down. The peers take turns"
            + (plan.coldRuns() > 2 ? " after one discarded launch each" : "") + ". Class paths are resolved "
            + "with Maven's rules for an application declaring only that peer (databricks4j: "
            + "`services-workspace-client` + `service-compute` + `auth-pat`; the floor binds into `service-compute`'s models).\n\n" + t
            + "\nConstruction only (`new WorkspaceClient(config)`, then exit), classes logged with "
            + "`-Xlog:class+load`: requests the server saw, `jdk.proxy*`/`$Proxy` classes, per-service classes "
            + "(`*Api`/`*Wire` for databricks4j, `*API`/`*Impl`/`*Ext` for the official SDK).\n\n" + c);
  }

  /** Dynamic proxies, service classes, classes of the SDK, all classes. */
  private static int[] countClasses(Path classLog, String peer) {
    int[] n = new int[4];
    String sdk = peer.equals(Peers.DATABRICKS4J) ? "io.databricks4j." : "com.databricks.sdk.";
    java.util.regex.Pattern service = peer.equals(Peers.DATABRICKS4J)
        ? java.util.regex.Pattern.compile("io\\.databricks4j\\.service\\..*(Api|Wire)")
        : java.util.regex.Pattern.compile("com\\.databricks\\.sdk\\.service\\..*(API|Impl|Ext)");
    try {
      for (String line : Files.readAllLines(classLog)) {
        Matcher m = LOADED.matcher(line);
        if (!m.find()) {
          continue;
        }
        String name = m.group(1);
        n[3]++;
        if (name.contains("$Proxy") || name.startsWith("jdk.proxy")) {
          n[0]++;
        }
        if (service.matcher(name).matches()) {
          n[1]++;
        }
        if (name.startsWith(sdk)) {
          n[2]++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
