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
      String source = files.get(plan.serviceClass(owner));
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
    Generator compute = new Generator(plan);
    compute.generate("package", "compute");
    assertThat(compute.referencedPackages("compute")).isEmpty();
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
    assertThat(acct.referencedPackages("")).contains("provisioning", "iam").doesNotContain("compute", "jobs");
  }

  @Test
  void clustersServiceHasTypedOverloadsWaitersAndPages() {
    Generator ws = new Generator(plan);
    ws.generate("package", "compute");
    String clusters = ws.files().get("io.databricks4j.service.compute.ClustersApi");
    assertThat(clusters)
        .contains("public ClusterDetails get(String clusterId)")
        .contains("public io.databricks4j.paging.PagedIterable<ClusterDetails> list(ListClustersRequest request)")
        .contains("public io.databricks4j.wait.LongRunning<CreateClusterResponse, ClusterDetails> create(CreateCluster request)")
        .contains("public ClusterDetails createAndWait(CreateCluster request, java.time.Duration timeout)")
        .contains("public ClusterDetails waitGetClusterRunning(String clusterId, java.time.Duration timeout)")
        .contains("https://docs.databricks.com/api/workspace/clusters/get");
    String wire = ws.files().get("io.databricks4j.service.compute.internal.ClustersWire");
    assertThat(wire).contains("@feign.RequestLine(\"GET /api/2.0/permissions/clusters/{cluster_id}/permissionLevels\")");
  }
}
