package io.databricks4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.model.ApiModel.Index;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import io.databricks4j.codegen.model.DescriptionIo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the committed description under codegen/api against counts and known facts. */
class ApiDescriptionTest {
  static final Path API = Path.of(System.getProperty("codegen.api.dir", "api"));
  static Index index;
  static List<PackageDescription> packages;

  @BeforeAll
  static void read() {
    index = DescriptionIo.readIndex(API);
    packages = DescriptionIo.readPackages(API);
  }

  @Test
  void isStampedWithTheOfficialVersionAndCountsEveryImplMethod() {
    assertThat(index.sourceVersion()).isEqualTo("0.141.0");
    assertThat(index.totals().services()).isEqualTo(196);
    assertThat(index.totals().operations()).isEqualTo(1222);
    assertThat(index.totals().workspaceOperations() + index.totals().accountOperations())
        .isEqualTo(1222);
    assertThat(index.unparsed()).as("everything was understood").isNullOrEmpty();
  }

  @Test
  void indexCountsMatchThePackageFiles() {
    int services = 0;
    int operations = 0;
    for (PackageDescription p : packages) {
      services += p.services() == null ? 0 : p.services().size();
      for (Service s : nullSafe(p.services())) operations += nullSafe(s.operations()).size();
      assertThat(index.packages()).containsKey(p.name());
    }
    assertThat(services).isEqualTo(index.totals().services());
    assertThat(operations).isEqualTo(index.totals().operations());
  }

  @Test
  void clustersGetIsAGetWithRequiredClusterId() {
    Operation get = op("compute", "Clusters", "get");
    assertThat(get.verb()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/api/2.1/clusters/get");
    assertThat(get.required()).containsExactly("cluster_id");
    assertThat(get.queryParams()).extracting(p -> p.name()).containsExactly("cluster_id");
    TypeDef request = type("compute", "GetClusterRequest");
    assertThat(request.fields()).singleElement().satisfies(f -> {
      assertThat(f.wireName()).isEqualTo("cluster_id");
      assertThat(f.required()).isTrue();
      assertThat(f.location()).isEqualTo("query");
    });
  }

  @Test
  void jobsListPaginatesByPageToken() {
    Operation list = op("jobs", "Jobs", "list");
    assertThat(list.pagination().style()).isEqualTo("token");
    assertThat(list.pagination().requestTokenField()).isEqualTo("page_token");
    assertThat(list.pagination().responseTokenField()).isEqualTo("next_page_token");
    assertThat(list.pagination().itemsField()).isEqualTo("jobs");
  }

  @Test
  void clustersCreateWaitsForRunning() {
    Operation create = op("compute", "Clusters", "create");
    assertThat(create.waitStart().waiter()).isEqualTo("waitGetClusterRunning");
    assertThat(create.waitStart().args()).singleElement()
        .satisfies(a -> assertThat(a.from() + "." + a.path()).isEqualTo("response.cluster_id"));
    Waiter w = service("compute", "Clusters").waiters().stream()
        .filter(x -> x.name().equals("waitGetClusterRunning")).findFirst().orElseThrow();
    assertThat(w.pollOperation()).isEqualTo("get");
    assertThat(w.statusPath()).isEqualTo("state");
    assertThat(w.targetStates()).containsExactly("RUNNING");
    assertThat(w.failureStates()).containsExactly("ERROR", "TERMINATED");
    assertThat(w.defaultTimeout()).isEqualTo("PT20M");
  }

  @Test
  void subServicesAndLevelsComeFromTheClients() {
    Service ns = service("settings", "DefaultNamespace");
    assertThat(ns.parent()).isEqualTo("settings.Settings");
    assertThat(ns.accessor()).isEqualTo("defaultNamespace");
    assertThat(ns.level()).isEqualTo("workspace");
    assertThat(service("provisioning", "Workspaces").level()).isEqualTo("account");
    assertThat(op("provisioning", "Workspaces", "get").pathParams())
        .extracting(p -> p.name() + ":" + p.source())
        .containsExactly("account_id:config", "workspace_id:request");
  }

  @Test
  void streamingAndSensitiveFactsAreRecorded() {
    assertThat(op("files", "Files", "upload").body().kind()).isEqualTo("stream");
    assertThat(op("files", "Files", "download").responseKind()).isEqualTo("stream");
    assertThat(op("files", "Files", "download").pathParams().get(0).multiSegment()).isTrue();
    assertThat(type("workspace", "PutSecret").fields())
        .filteredOn(f -> f.wireName().equals("string_value"))
        .singleElement().satisfies(f -> assertThat(f.sensitive()).isTrue());
  }

  @Test
  void safeVerbsTokenCarryingAndReadingPostsAreIdempotent() {
    List<String> posts = new java.util.ArrayList<>();
    for (PackageDescription p : packages) {
      for (Service s : nullSafe(p.services())) {
        for (Operation o : nullSafe(s.operations())) {
          if (o.verb().equals("PATCH")) assertThat(o.idempotent()).as(o.name()).isFalse();
          if (!o.verb().equals("POST") && !o.verb().equals("PATCH")) assertThat(o.idempotent()).as(o.name()).isTrue();
          if (o.verb().equals("POST") && o.idempotent()) posts.add(p.name() + "." + s.name() + "." + o.name());
        }
      }
    }
    assertThat(posts).hasSize(18).contains("jobs.Jobs.runNow", "jobs.Jobs.submit", "compute.Clusters.events",
        "ml.Experiments.searchRuns", "vectorsearch.VectorSearchIndexes.queryIndex", "billing.BudgetPolicy.create")
        .doesNotContain("jobs.Jobs.create", "iamv2.AccountIamV2.resolveGroup");
    assertThat(op("jobs", "Jobs", "runNow").idempotencyToken()).isEqualTo("idempotency_token");
  }

  @Test
  void onlyFilesApiDownloadsResume() {
    assertThat(op("files", "Files", "download").resumable()).isTrue();
    for (PackageDescription p : packages) {
      for (Service s : nullSafe(p.services())) {
        for (Operation o : nullSafe(s.operations())) {
          if (o.resumable()) assertThat(p.name() + "." + s.name() + "." + o.name()).isEqualTo("files.Files.download");
        }
      }
    }
  }

  static Service service(String pkg, String name) {
    return packages.stream().filter(p -> p.name().equals(pkg)).findFirst().orElseThrow()
        .services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static Operation op(String pkg, String service, String name) {
    return service(pkg, service).operations().stream()
        .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  static TypeDef type(String pkg, String name) {
    return packages.stream().filter(p -> p.name().equals(pkg)).findFirst().orElseThrow()
        .types().get(name);
  }

  static <T> List<T> nullSafe(List<T> l) {
    return l == null ? List.of() : l;
  }
}
