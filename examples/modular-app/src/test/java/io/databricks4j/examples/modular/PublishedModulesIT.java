package io.databricks4j.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every module the BOM publishes exports its API and never an implementation package: a package
 * named {@code internal} (or under one) may only be exported or opened to named friend modules.
 */
class PublishedModulesIT {
  private static final Path PUBLISHED = Path.of(System.getProperty("published.dir"));
  private static final Path BOM = Path.of(System.getProperty("bom.pom"));
  /**
   * The relocated single jar is made for class paths (Spark): an automatic module whose packages
   * are the modules' own plus io.databricks4j.shaded; AllJarContentIT checks it instead. The
   * emulator server is an application started with java -jar, not a module to require; its
   * ServerJarIT checks what it holds.
   */
  private static final Set<String> NOT_JPMS = Set.of("databricks4j-all", "testkit-server");

  @Test
  void noPublishedModuleExportsAnInternalPackageToEveryone() throws Exception {
    List<String> artifacts = bomArtifacts();
    List<String> violations = new ArrayList<>();
    int explicitModules = 0;
    for (String artifact : artifacts) {
      Path jar = jarOf(artifact);
      ModuleReference ref = ModuleFinder.of(jar).findAll().iterator().next();
      ModuleDescriptor d = ref.descriptor();
      if (d.isAutomatic()) {
        // a jar without module-info exports every package it has; only an empty aggregator may be one
        assertThat(d.packages()).as(artifact + " has no module-info.class, so it would export everything").isEmpty();
        continue;
      }
      explicitModules++;
      violations.addAll(internalExports(d));
    }
    assertThat(violations).as("unqualified exports/opens of internal packages").isEmpty();
    assertThat(explicitModules).as("modules checked").isGreaterThan(40);
  }

  @Test
  void theCheckFlagsAnUnqualifiedInternalExportButNotAQualifiedOne() {
    ModuleDescriptor bad = ModuleDescriptor.newModule("m.bad").exports("m.bad.internal")
        .opens("m.bad.x.internal.wire").exports("m.bad.api").build();
    ModuleDescriptor friend = ModuleDescriptor.newModule("m.friend").exports("m.friend.internal", Set.of("m.other"))
        .exports("m.friend.internalize").build();

    assertThat(internalExports(bad)).containsExactlyInAnyOrder("m.bad exports m.bad.internal",
        "m.bad opens m.bad.x.internal.wire");
    assertThat(internalExports(friend)).isEmpty();
  }

  private static final Pattern INTERNAL = Pattern.compile("(^|\\.)internal(\\.|$)");

  static List<String> internalExports(ModuleDescriptor d) {
    List<String> found = new ArrayList<>();
    d.exports().stream().filter(e -> !e.isQualified() && INTERNAL.matcher(e.source()).find())
        .forEach(e -> found.add(d.name() + " exports " + e.source()));
    d.opens().stream().filter(o -> !o.isQualified() && INTERNAL.matcher(o.source()).find())
        .forEach(o -> found.add(d.name() + " opens " + o.source()));
    return found;
  }

  private static Path jarOf(String artifact) throws IOException {
    Pattern name = Pattern.compile(Pattern.quote(artifact) + "-\\d[^/]*\\.jar");
    try (Stream<Path> files = Files.list(PUBLISHED)) {
      List<Path> jars = files.filter(p -> name.matcher(p.getFileName().toString()).matches()).toList();
      assertThat(jars).as("the jar of " + artifact + " in " + PUBLISHED).hasSize(1);
      return jars.get(0);
    }
  }

  /** The artifacts the BOM manages: the published set, whoever maintains the list. */
  private static List<String> bomArtifacts() throws Exception {
    Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(BOM.toFile());
    NodeList deps = doc.getElementsByTagName("dependency");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      if ("io.databricks4j".equals(text(dep, "groupId")) && !NOT_JPMS.contains(text(dep, "artifactId"))) {
        ids.add(text(dep, "artifactId"));
      }
    }
    assertThat(ids).as("artifacts in " + BOM).isNotEmpty();
    return ids;
  }

  private static String text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
  }
}
