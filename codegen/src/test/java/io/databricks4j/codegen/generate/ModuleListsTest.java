package io.databricks4j.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.model.ApiModel.EnumValue;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The module lists follow the description: the committed package poms and generated blocks are what
 * {@code Regenerate} writes, and the BOM names every published module of the root reactor, the
 * hand-made ones (auth, testkit, ...) included, and nothing else.
 */
class ModuleListsTest {
  static final Path ROOT = Path.of(System.getProperty("codegen.repo.root", ".."));
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

  private final Plan plan = new Plan(DescriptionIo.readPackages(ROOT.resolve("codegen/api")), Map.of());

  @Test
  void theCommittedModuleFilesAreWhatTheDescriptionGives() throws IOException {
    ModuleFiles files = Regenerate.moduleFiles(ROOT, plan);
    Map<String, String> expected = files.expected(ROOT);

    assertThat(Regenerate.differences(ROOT, expected))
        .as("these files drifted from codegen/api: run mvn -pl codegen -Pregenerate and commit the result").isEmpty();
    assertThat(files.stale(ROOT)).as("package poms of packages no longer described: run mvn -pl codegen -Pregenerate").isEmpty();
    assertThat(expected).hasSize(new PackageGraph(plan).packages().size() + 4);
  }

  @Test
  void theBomListsEveryPublishedModuleOfTheReactorAndNothingElse() throws Exception {
    Set<String> published = new TreeSet<>();
    List<String> all = new ArrayList<>();
    reactor(ROOT, published, all);
    String bom = Files.readString(ROOT.resolve(ModuleFiles.BOM));
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    int begin = managed.indexOf(ModuleFiles.BEGIN);
    int end = managed.indexOf(ModuleFiles.END);
    List<String> handMade = artifacts(managed.substring(0, begin) + managed.substring(end));
    List<String> generated = artifacts(managed.substring(begin, end));

    assertThat(all).as("the reactor, read from the root pom").contains("sdk-api", "sdk-core", "auth-pat", "testkit",
        "services-workspace-client", "service-compute");
    assertThat(generated).as("the generated block: one entry per API package")
        .containsExactlyElementsOf(new PackageGraph(plan).packages().stream().map(p -> "service-" + p).toList());
    assertThat(handMade).as("hand-made BOM entries").doesNotHaveDuplicates().doesNotContainAnyElementsOf(generated);
    Set<String> inBom = new TreeSet<>(handMade);
    inBom.addAll(generated);
    Set<String> missing = new TreeSet<>(published);
    missing.removeAll(inBom);
    Set<String> extra = new TreeSet<>(inBom);
    extra.removeAll(published);
    assertThat(missing).as("published modules of the reactor missing from bom/pom.xml: add them to its hand-made block,"
        + " or set <publish.skip>true</publish.skip> in a module that is not published").isEmpty();
    assertThat(extra).as("bom/pom.xml entries that are no published module of the reactor").isEmpty();
  }

  @Test
  void anApiPackageAddedToTheDescriptionNeedsNoHandEditOfAnyPom() {
    List<PackageDescription> packages = new ArrayList<>(DescriptionIo.readPackages(ROOT.resolve("codegen/api")));
    packages.add(new PackageDescription("weather", List.of(),
        Map.of("Sky", new TypeDef("Sky", "weather", "enum", null, List.of(new EnumValue("CLEAR", "CLEAR"))))));
    Map<String, String> files = new ModuleFiles(new Plan(packages, Map.of()), Map.of()).expected(ROOT);

    assertThat(files.get(ModuleFiles.PACKAGES + "/weather/pom.xml"))
        .contains("<artifactId>service-weather</artifactId>").contains("<api.package>weather</api.package>");
    assertThat(files.get(ModuleFiles.PACKAGES + "/pom.xml")).contains("<module>weather</module>");
    assertThat(files.get(ModuleFiles.BOM)).contains("<artifactId>service-weather</artifactId>");
    assertThat(files.get(ModuleFiles.CLIENT)).contains("<artifactId>service-weather</artifactId>");
    assertThat(files.get(ModuleFiles.SERVICES)).contains("<artifactId>service-weather</artifactId>");
  }

  @Test
  void aBlockIsReplacedAndEverythingAroundItKept() {
    String pom = "<a>\n  <x/>\n  " + ModuleFiles.BEGIN + "\n  <old/>\n  " + ModuleFiles.END + "\n  <y/>\n</a>\n";
    assertThat(ModuleFiles.replaceBlock(pom, "p", List.of("<m>1</m>", "<m>2</m>")))
        .isEqualTo("<a>\n  <x/>\n  " + ModuleFiles.BEGIN + "\n  <m>1</m>\n  <m>2</m>\n  " + ModuleFiles.END + "\n  <y/>\n</a>\n");
  }

  /** Walks the modules from {@code dir}'s pom down; a jar module is published unless it sets publish.skip. */
  private static void reactor(Path dir, Set<String> published, List<String> all) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
    Element project = pom.getDocumentElement();
    String artifact = text(project, "artifactId");
    all.add(artifact);
    String packaging = text(project, "packaging");
    Element properties = child(project, "properties");
    boolean skip = properties != null && "true".equals(text(properties, "publish.skip"));
    if (!"pom".equals(packaging) && !skip) published.add(artifact);
    Element modules = child(project, "modules");
    if (modules == null) return;
    for (Node n = modules.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element m && m.getTagName().equals("module")) reactor(dir.resolve(m.getTextContent().strip()), published, all);
    }
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) return c;
    }
    return null;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }

  private static List<String> artifacts(String xml) {
    Matcher m = ARTIFACT.matcher(xml);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
