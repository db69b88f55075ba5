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

  @Test
  void everyOperationOfTheDescriptionIsGeneratedOnItsLevel() {
    Generator ws = new Generator(plan);
    Generator acct = new Generator(plan);
    int wsOps = ws.generate("workspace");
    int acctOps = acct.generate("account");
    assertThat(wsOps).isEqualTo(index.totals().workspaceOperations());
    assertThat(acctOps).isEqualTo(index.totals().accountOperations());
    assertThat(wsOps + acctOps).isEqualTo(1222);

    List<String> missing = new ArrayList<>();
    for (Service s : plan.services.values()) {
      Service owner = s.inheritedBy() == null ? s : plan.services.get(s.inheritedBy());
      Map<String, String> files = owner.level().equals("account") ? acct.files() : ws.files();
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
    Generator a = new Generator(plan);
    Generator b = new Generator(plan);
    a.generate("workspace");
    b.generate("workspace");
    assertThat(a.files()).isEqualTo(b.files());
  }

  @Test
  void clustersServiceHasTypedOverloadsWaitersAndPages() {
    Generator ws = new Generator(plan);
    ws.generate("workspace");
    String clusters = ws.files().get("io.databricks4j.service.compute.ClustersApi");
    assertThat(clusters)
        .contains("public ClusterDetails get(String clusterId)")
        .contains("public io.databricks4j.paging.PagedIterable<ClusterDetails> list(ListClustersRequest request)")
        .contains("public io.databricks4j.core.waiter.LongRunning<CreateClusterResponse, ClusterDetails> create(CreateCluster request)")
        .contains("public ClusterDetails createAndWait(CreateCluster request, java.time.Duration timeout)")
        .contains("public ClusterDetails waitGetClusterRunning(String clusterId, java.time.Duration timeout)")
        .contains("https://docs.databricks.com/api/workspace/clusters/get");
    String wire = ws.files().get("io.databricks4j.service.compute.internal.ClustersWire");
    assertThat(wire).contains("@feign.RequestLine(\"GET /api/2.0/permissions/clusters/{cluster_id}/permissionLevels\")");
  }
}
