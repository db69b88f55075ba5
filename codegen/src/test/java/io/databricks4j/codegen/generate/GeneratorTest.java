package io.databricks4j.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.model.ApiModel.Index;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.DescriptionIo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generates both levels in memory and checks every operation of the description got a method. */
class GeneratorTest {
  static final Path API = Path.of(System.getProperty("codegen.api.dir", "api"));
  static Index index;
  static Plan plan;

  @BeforeAll
  static void read() {
    index = DescriptionIo.readIndex(API);
    List<PackageDescription> packages = DescriptionIo.readPackages(API);
    plan = new Plan(packages, Map.of());
  }

  /** The sources of every package module, as one map; the operation count in {@code ops[0]}. */
  static Map<String, String> allPackages(int[] ops) {
    Map<String, String> files = new java.util.TreeMap<>();
    for (String p : plan.types.all().values().stream().map(t -> t.packageName()).distinct().toList()) {
      Generator g = new Generator(plan);
      ops[0] += g.generate("package", p);
      files.putAll(g.files());
    }
    return files;
  }

  @Test
  void everyOperationOfTheDescriptionIsGeneratedOnItsLevel() {
    int[] count = {0};
    Map<String, String> wsFiles = allPackages(count);
    Generator acct = new Generator(plan);
    int wsOps = count[0];
    int acctOps = acct.generate("account", null);
    assertThat(wsOps).isEqualTo(index.totals().workspaceOperations());
    assertThat(acctOps).isEqualTo(index.totals().accountOperations());
    assertThat(wsOps + acctOps).isEqualTo(1222);

    List<String> missing = new ArrayList<>();
    for (Service s : plan.services.values()) {
      Service owner = s.inheritedBy() == null ? s : plan.services.get(s.inheritedBy());
      Map<String, String> files = owner.level().equals("account") ? acct.files() : wsFiles;
      String source = files.get(plan.serviceClass(owner).canonicalName());
      for (Operation o : Plan.nullSafe(s.operations())) {
        if (source == null || !source.contains(" " + ServiceWriter.directName(o) + "(")) {
          missing.add(Plan.key(s) + "." + o.name());
        }
      }
    }
    assertThat(missing).as("operations without a generated method").isEmpty();
  }

  @Test
  void generationIsDeterministic() {
    assertThat(allPackages(new int[1])).isEqualTo(allPackages(new int[1]));
  }

  @Test
  void aPackageModuleRequiresThePackagesItsModelsName() {
    Generator jobs = new Generator(plan);
    jobs.generate("package", "jobs");
    jobs.moduleInfo("package", "jobs", "io.databricks4j.service.jobs", List.of("io.databricks4j.mixin.jobs"), List.of("org.slf4j"));
    assertThat(jobs.files().get("module-info"))
        .contains("requires transitive io.databricks4j.service.compute;")
        .contains("exports io.databricks4j.service.jobs;")
        .contains("exports io.databricks4j.mixin.jobs;")
        .contains("requires org.slf4j;")
        .doesNotContain("io.databricks4j.service.catalog");
    assertThat(jobs.files()).containsKey("io.databricks4j.service.jobs.internal.ToStringer")
        .doesNotContainKey("io.databricks4j.service.compute.ClusterSpec");
    assertThat(new PackageGraph(plan).packageDependencies("compute")).isEmpty();
  }

  @Test
  void theDependenciesReadFromTheDescriptionAreThePackagesTheSourcesName() {
    PackageGraph graph = new PackageGraph(plan);
    for (String p : graph.packages()) {
      Generator g = new Generator(plan);
      g.generate("package", p);
      assertThat(graph.packageDependencies(p)).as(p).isEqualTo(namedPackages(g.files(), p));
    }
    Generator acct = new Generator(plan);
    acct.generate("account", null);
    assertThat(graph.accountDependencies()).isEqualTo(namedPackages(acct.files(), ""));
  }

  /** API packages whose classes the rendered sources name, other than {@code own}. */
  static Set<String> namedPackages(Map<String, String> files, String own) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("io\\.databricks4j\\.service\\.([a-z0-9]+)\\.").matcher("");
    Set<String> found = new java.util.TreeSet<>();
    for (String src : files.values()) {
      m.reset(src);
      while (m.find()) {
        if (!m.group(1).equals(own) && !m.group(1).equals("internal")) found.add(m.group(1));
      }
    }
    return found;
  }

  @Test
  void theClientNamesTheModuleOfAMissingPackage() {
    Generator client = new Generator(plan);
    client.generate("client", null);
    client.moduleInfo("client", null, "io.databricks4j.services.workspace.client", List.of("io.databricks4j"), List.of());
    assertThat(client.files()).containsOnlyKeys("io.databricks4j.service.WorkspaceServices", "module-info");
    assertThat(client.files().get("io.databricks4j.service.WorkspaceServices"))
        .contains("throw missing(\"clusters\", \"compute\", e);")
        .contains("needs the module io.databricks4j:service-");
    // static and not transitive: an application requires the package modules it uses, and only those
    assertThat(client.files().get("module-info")).contains("requires static io.databricks4j.service.compute;")
        .doesNotContain("requires static transitive");
  }

  @Test
  void theAccountModuleRequiresCoreAndTheModelPackagesItNamesNotTheWorkspaceClient() {
    Generator acct = new Generator(plan);
    acct.generate("account", null);
    acct.moduleInfo("account", null, "io.databricks4j.services.account", List.of(), List.of());
    String info = acct.files().get("module-info");
    assertThat(info).contains("requires transitive io.databricks4j.core;")
        .contains("requires transitive io.databricks4j.service.provisioning;")
        .doesNotContain("services.workspace.client")
        .doesNotContain("io.databricks4j.service.compute;");
    assertThat(new PackageGraph(plan).accountDependencies()).contains("provisioning", "iam").doesNotContain("compute", "jobs");
  }

  @Test
  void clustersServiceHasTypedOverloadsWaitersAndPages() {
    Generator ws = new Generator(plan);
    ws.generate("package", "compute");
    String clusters = ws.files().get("io.databricks4j.service.compute.ClustersApi");
    assertThat(clusters)
        .contains("public ClusterDetails get(String clusterId)")
        .contains("public PagedIterable<ClusterDetails> list(ListClustersRequest request)")
        .contains("public PagedIterable<ClusterDetails> list() {")
        .contains("public LongRunning<CreateClusterResponse, ClusterDetails> create(CreateCluster request)")
        .contains("public ClusterDetails createAndWait(CreateCluster request, Duration timeout)")
        .contains("public ClusterDetails waitGetClusterRunning(String clusterId, Duration timeout)")
        .contains("import io.databricks4j.wait.LongRunning;")
        .contains("https://docs.databricks.com/api/workspace/clusters/get");
    assertThat(qualifiedNamesInBody(clusters)).as("qualified io.databricks4j names in the body of ClustersApi").isEmpty();
    String wire = ws.files().get("io.databricks4j.service.compute.internal.ClustersWire");
    assertThat(wire).contains("@RequestLine(\"GET /api/2.0/permissions/clusters/{cluster_id}/permissionLevels\")")
        .contains("import feign.RequestLine;");
  }

  @Test
  void noGeneratedSourceNamesAClassByItsQualifiedNameUnlessTwoShareASimpleName() {
    Map<String, String> files = allPackages(new int[1]);
    Generator acct = new Generator(plan);
    acct.generate("account", null);
    files.putAll(acct.files());
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      for (String name : qualifiedNamesInBody(e.getValue())) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        // a clash: another class of that simple name is imported or lives in the same package
        boolean clash = e.getValue().contains("import ") && e.getValue().lines()
            .anyMatch(l -> l.startsWith("import ") && l.endsWith("." + simple + ";") && !l.contains(name + ";"))
            || files.containsKey(e.getKey().substring(0, e.getKey().lastIndexOf('.') + 1) + simple);
        if (!clash) offenders.add(e.getKey() + ": " + name);
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void anEnumIsOpenWithAPlainEnumOfItsKnownValues() {
    Generator compute = new Generator(plan);
    compute.generate("package", "compute");
    assertThat(compute.files().get("io.databricks4j.service.compute.State"))
        .contains("public final class State {")
        .contains("public static final State UNKNOWN = new State(\"UNKNOWN\", Known.UNKNOWN);")
        .contains("@JsonCreator(mode = JsonCreator.Mode.DELEGATING)")
        .contains("public static State of(String value) {")
        .contains("@JsonValue")
        .contains("public Optional<Known> known() {")
        .contains("public enum Known {");
  }

  @Test
  void onlyRepeatablePostsAreMarkedIdempotent() {
    Generator jobs = new Generator(plan);
    jobs.generate("package", "jobs");
    String wire = jobs.files().get("io.databricks4j.service.jobs.internal.JobsWire");
    assertThat(wire).contains("import io.databricks4j.core.http.Idempotent;");
    assertThat(wire.split("@Idempotent", -1)).hasSize(3); // runNow and submit
    String api = jobs.files().get("io.databricks4j.service.jobs.JobsApi");
    assertThat(api).contains("request = request.toBuilder().idempotencyToken(UUID.randomUUID().toString()).build();");
    Generator files = new Generator(plan);
    files.generate("package", "files");
    assertThat(files.files().get("io.databricks4j.service.files.FilesApi"))
        .contains("HttpResponse response = api.stream(http.build(), true);")
        .doesNotContain("http.idempotent(true)");
  }

  /** {@code io.databricks4j...} names after the imports, string literals left out. */
  static List<String> qualifiedNamesInBody(String source) {
    String body = source.lines().filter(l -> !l.startsWith("package ") && !l.startsWith("import "))
        .map(l -> l.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""))
        .collect(java.util.stream.Collectors.joining("\n"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bio\\.databricks4j(\\.[A-Za-z_][A-Za-z0-9_]*)+").matcher(body);
    List<String> found = new ArrayList<>();
    while (m.find()) found.add(m.group());
    return found;
  }
}
