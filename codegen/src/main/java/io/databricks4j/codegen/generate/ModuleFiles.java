package io.databricks4j.codegen.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The build files that follow from the API description: Maven reads the reactor before any plugin
 * runs, so they are written ahead of the build and committed. One pom per API package
 * ({@code services-workspace/packages/<pkg>/pom.xml}, whole), and the generated blocks of the
 * packages aggregator's module list, the BOM, the client's and the {@code services-workspace}
 * aggregator's dependencies; everything outside a block is left as it is.
 *
 * <p>What hand-written code (mixins) in a package module needs beyond its generated code (exported
 * packages, {@code requires}, dependencies) comes from {@code codegen/package-modules.json}.
 */
final class ModuleFiles {
  static final String PACKAGES = "services-workspace/packages";
  static final String BOM = "bom/pom.xml";
  static final String CLIENT = "services-workspace/client/pom.xml";
  static final String SERVICES = "services-workspace/pom.xml";
  static final String BEGIN = "<!-- generated from codegen/api by: mvn -pl codegen -Pregenerate. Do not edit down to the end marker -->";
  static final String END = "<!-- end of the generated entries -->";
  /** The first line of a generated package pom, which tells it from a hand-made one. */
  static final String POM_MARK = "<!-- Generated from codegen/api and codegen/package-modules.json by: mvn -pl codegen -Pregenerate. Do not edit. -->";

  /** What the hand-written code of a package module needs. */
  record Extras(List<String> exports, List<String> requires, List<String> dependencies) {
    Extras {
      exports = exports == null ? List.of() : exports;
      requires = requires == null ? List.of() : requires;
      dependencies = dependencies == null ? List.of() : dependencies;
    }
  }

  private final PackageGraph graph;
  private final Map<String, Extras> extras;

  ModuleFiles(Plan plan, Map<String, Extras> extras) {
    this.graph = new PackageGraph(plan);
    this.extras = extras;
    Set<String> unknown = new TreeSet<>(extras.keySet());
    unknown.removeAll(graph.packages());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("package-modules.json names packages the description does not have: " + unknown);
    }
  }

  static Map<String, Extras> readExtras(Path file) {
    if (file == null || !Files.exists(file)) return Map.of();
    try {
      return new ObjectMapper().readValue(file.toFile(), new TypeReference<TreeMap<String, Extras>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Every file as it should be, by path relative to the repository root; {@code root} supplies the hand-made parts. */
  Map<String, String> expected(Path root) {
    Map<String, String> out = new TreeMap<>();
    for (String p : graph.packages()) out.put(PACKAGES + "/" + p + "/pom.xml", packagePom(p));
    out.put(PACKAGES + "/pom.xml", replaceBlock(read(root, PACKAGES + "/pom.xml"), PACKAGES + "/pom.xml",
        lines(graph.packages(), p -> "<module>" + p + "</module>")));
    out.put(BOM, replaceBlock(read(root, BOM), BOM, lines(graph.packages(), p ->
        "<dependency><groupId>io.databricks4j</groupId><artifactId>service-" + p
            + "</artifactId><version>${project.version}</version></dependency>")));
    out.put(CLIENT, replaceBlock(read(root, CLIENT), CLIENT, dependencies(true)));
    out.put(SERVICES, replaceBlock(read(root, SERVICES), SERVICES, dependencies(false)));
    return out;
  }

  /** Package poms written by an earlier run for packages the description no longer has. */
  List<String> stale(Path root) {
    List<String> out = new ArrayList<>();
    Path dir = root.resolve(PACKAGES);
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        Path pom = p.resolve("pom.xml");
        if (Files.isRegularFile(pom) && !graph.packages().contains(p.getFileName().toString())
            && Files.readString(pom).contains(POM_MARK)) {
          out.add(PACKAGES + "/" + p.getFileName() + "/pom.xml");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private String packagePom(String pkg) {
    Extras x = extras.getOrDefault(pkg, new Extras(null, null, null));
    Set<String> deps = new TreeSet<>();
    graph.packageDependencies(pkg).forEach(d -> deps.add("io.databricks4j:service-" + d));
    deps.addAll(x.dependencies());
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(POM_MARK).append('\n');
    b.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"\n");
    b.append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
    b.append("         xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd\">\n");
    b.append("  <modelVersion>4.0.0</modelVersion>\n");
    b.append("  <parent>\n");
    b.append("    <groupId>io.databricks4j</groupId>\n");
    b.append("    <artifactId>service-parent</artifactId>\n");
    b.append("    <version>0.1.0-SNAPSHOT</version>\n");
    b.append("  </parent>\n");
    b.append("  <artifactId>service-").append(pkg).append("</artifactId>\n");
    b.append("  <name>databricks4j service-").append(pkg).append("</name>\n");
    b.append("  <description>API package ").append(pkg)
        .append(": its models and workspace services, generated from codegen/api at build time.</description>\n\n");
    b.append("  <properties>\n");
    b.append("    <exec.skip>false</exec.skip>\n");
    b.append("    <api.package>").append(pkg).append("</api.package>\n");
    if (!x.exports().isEmpty()) b.append("    <module.exports>").append(String.join(",", x.exports())).append("</module.exports>\n");
    if (!x.requires().isEmpty()) b.append("    <module.requires>").append(String.join(",", x.requires())).append("</module.requires>\n");
    b.append("  </properties>\n");
    if (!deps.isEmpty()) {
      b.append("\n  <dependencies>\n");
      for (String d : deps) {
        String[] ga = d.split(":");
        b.append("    <dependency>\n");
        b.append("      <groupId>").append(ga[0]).append("</groupId>\n");
        b.append("      <artifactId>").append(ga[1]).append("</artifactId>\n");
        // ours carry the project version; third-party versions live in the root pom
        if (ga[0].equals("io.databricks4j")) b.append("      <version>${project.version}</version>\n");
        b.append("    </dependency>\n");
      }
      b.append("  </dependencies>\n");
    }
    b.append("</project>\n");
    return b.toString();
  }

  /** Every package module as a dependency: optional in the client, where an application picks the ones it uses. */
  private List<String> dependencies(boolean optional) {
    List<String> out = new ArrayList<>();
    for (String p : graph.packages()) {
      out.add("<dependency>");
      out.add("  <groupId>io.databricks4j</groupId>");
      out.add("  <artifactId>service-" + p + "</artifactId>");
      out.add("  <version>${project.version}</version>");
      if (optional) out.add("  <optional>true</optional>");
      out.add("</dependency>");
    }
    return out;
  }

  private static List<String> lines(Set<String> packages, java.util.function.Function<String, String> line) {
    return packages.stream().map(line).toList();
  }

  /** {@code text} with the lines between its markers replaced by {@code block}, indented like the begin marker. */
  static String replaceBlock(String text, String file, List<String> block) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(file + " has no generated block: put the lines\n  " + BEGIN + "\n  " + END
          + "\nwhere the generated entries belong");
    }
    int lineStart = text.lastIndexOf('\n', begin) + 1;
    String indent = text.substring(lineStart, begin);
    int endLineStart = text.lastIndexOf('\n', end) + 1;
    StringBuilder b = new StringBuilder(text.substring(0, begin)).append(BEGIN).append('\n');
    for (String l : block) b.append(indent).append(l).append('\n');
    return b.append(text, endLineStart, text.length()).toString();
  }

  private static String read(Path root, String file) {
    try {
      return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(file), e);
    }
  }
}
