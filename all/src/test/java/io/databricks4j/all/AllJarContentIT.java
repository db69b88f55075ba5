package io.databricks4j.all;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the relocated jar holds: only io/databricks4j classes, no native code, and every service
 * registration of the modules it was made from, under the same names and with the same providers.
 */
class AllJarContentIT {
  private static final Path JAR = Path.of(System.getProperty("all.jar"));
  private static final String OWN_SERVICES = "META-INF/services/io.databricks4j.";
  private static final String RELOCATED_SERVICES = "META-INF/services/io.databricks4j.shaded.";
  /** module-info and multi-release entries are tolerated; the build excludes both today. */
  private static final Pattern ALLOWED_CLASS =
      Pattern.compile("(META-INF/versions/\\d+/)?(io/databricks4j/.*|module-info)\\.class");

  @Test
  void holdsNoClassOutsideIoDatabricks4j() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
      assertThat(classes).hasSizeGreaterThan(10_000);
      assertThat(classes).filteredOn(n -> !ALLOWED_CLASS.matcher(n).matches()).isEmpty();
      assertThat(classes).anyMatch(n -> n.startsWith("io/databricks4j/shaded/com/fasterxml/jackson/databind/"))
          .anyMatch(n -> n.startsWith("io/databricks4j/shaded/org/apache/hc/client5/"))
          .anyMatch(n -> n.startsWith("io/databricks4j/WorkspaceClient"))
          .anyMatch(n -> n.startsWith("io/databricks4j/account/AccountClient"));
    }
  }

  @Test
  void bundlesNoNativeCodeNorJna() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(n -> n.matches(".*\\.(so|dll|dylib|jnilib|a)$"))
          .noneMatch(n -> n.startsWith("com/sun/jna/") || n.contains("/shaded/com/sun/jna/"));
    }
  }

  @Test
  void everyCredentialStrategyIsRegistered() throws IOException {
    Map<String, Set<String>> inJar = servicesInJar();
    assertThat(inJar.get(OWN_SERVICES + "auth.CredentialsStrategy")).contains(
        "io.databricks4j.auth.pat.PatStrategy", "io.databricks4j.auth.pat.BasicStrategy",
        "io.databricks4j.auth.oauth.internal.OAuthM2mStrategy", "io.databricks4j.auth.azure.AzureClientSecretStrategy",
        "io.databricks4j.auth.gcp.GoogleCredentialsStrategy");
  }

  @Test
  void servicesOfTheModulesAreMergedUnchanged() throws IOException {
    // the unshaded modules are on this test's class path: the union of their registrations is the reference
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String name : ownServiceNames()) {
      Set<String> providers = new TreeSet<>();
      for (URL url : Collections.list(getClass().getClassLoader().getResources(name))) {
        if (url.toString().contains(JAR.getFileName().toString())) {
          continue;
        }
        try (InputStream in = url.openStream()) {
          providers.addAll(providers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
      expected.put(name, providers);
    }
    Map<String, Set<String>> inJar = servicesInJar().entrySet().stream().filter(e -> isOwn(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    assertThat(inJar).isEqualTo(expected);
  }

  @Test
  void everyRegisteredProviderIsAClassOfTheJar() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> missing = new ArrayList<>();
      servicesInJar().forEach((file, providers) -> providers.stream()
          .filter(p -> jar.getEntry(p.replace('.', '/') + ".class") == null)
          .forEach(p -> missing.add(file + ": " + p)));
      assertThat(missing).isEmpty();
      assertThat(servicesInJar().keySet()).allMatch(n -> n.startsWith(OWN_SERVICES));
    }
  }

  @Test
  void itsPomDependsOnSlf4jApiAlone() throws Exception {
    NodeList deps = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(Path.of(System.getProperty("all.pom")).toFile()).getElementsByTagName("dependency");
    List<String> visible = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      String scope = text(d, "scope");
      if (d.getParentNode().getParentNode().getNodeName().equals("project") && !scope.equals("test")) {
        visible.add(text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    assertThat(visible).containsExactly("org.slf4j:slf4j-api");
  }

  /** A service of ours (credentials, host resolvers, transports), not one of a relocated library. */
  private static boolean isOwn(String serviceFile) {
    return serviceFile.startsWith(OWN_SERVICES) && !serviceFile.startsWith(RELOCATED_SERVICES);
  }

  private static String text(Element e, String tag) {
    NodeList n = e.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
  }

  /** Service file names under io.databricks4j that the modules on the test class path register. */
  private static Set<String> ownServiceNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.contains("/testkit") || p.equals(JAR)) {
        continue;
      }
      if (Files.isDirectory(p.resolve("META-INF/services"))) {
        try (var files = Files.list(p.resolve("META-INF/services"))) {
          files.map(f -> "META-INF/services/" + f.getFileName()).filter(AllJarContentIT::isOwn).forEach(names::add);
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        try (JarFile jar = new JarFile(p.toFile())) {
          jar.stream().map(e -> e.getName()).filter(n -> isOwn(n) && !n.endsWith("/")).forEach(names::add);
        }
      }
    }
    assertThat(names).as("service files of the modules").isNotEmpty();
    return names;
  }

  private static Map<String, Set<String>> servicesInJar() throws IOException {
    Map<String, Set<String>> services = new TreeMap<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (var e : Collections.list(jar.entries())) {
        if (e.getName().startsWith("META-INF/services/") && !e.isDirectory()) {
          try (InputStream in = jar.getInputStream(e)) {
            services.put(e.getName(), providers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return services;
  }

  private static Set<String> providers(String file) {
    return file.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
