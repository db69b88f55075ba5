package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.internal.ApiDescription;
import io.databricks4j.testkit.internal.EmulatorServer;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.Router;
import io.databricks4j.testkit.support.Api;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingTest {
  static LocalWorkspace ws;
  static Api api;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartDelay(java.time.Duration.ZERO).start();
    api = new Api(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  static String samplePath(Operation op, String accountId) {
    String path = op.path();
    for (Operation.PathParam p : op.pathParams()) {
      String value = p.fromConfig() ? accountId : p.multiSegment() ? "/Volumes/main/default/v1/a.txt" : "x1";
      path = path.replace("{" + p.name() + "}", value);
    }
    return path;
  }

  private static String shape(Operation op) {
    return op.verb() + " " + op.path().replaceAll("\\{[^}]+}", "{}");
  }

  @Test
  void everyOperationOfTheDescriptionResolvesToItself() {
    List<Operation> ops = ApiDescription.load().operations();
    Router router = new Router(ops);
    List<String> wrong = new ArrayList<>();
    for (Operation op : ops) {
      Optional<Router.Match> m = router.match(op.verb(), samplePath(op, "acc"));
      // templates that differ only in parameter names ({request_object_type} and {workspace_object_type}) are one path
      if (m.isEmpty() || !shape(m.get().operation()).equals(shape(op))) {
        wrong.add(op + " -> " + m.map(x -> x.operation().toString()).orElse("nothing"));
      }
    }
    assertThat(ops).hasSizeGreaterThan(1000);
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyOperationIsServedOverHttpEitherEmulatedOrNotImplementedNeverUnknown() throws Exception {
    List<Operation> ops = ApiDescription.load().operations();
    java.util.Set<String> emulated = server().emulated();
    Map<String, int[]> byService = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Operation op : ops) {
      String path = samplePath(op, ws.accountId());
      Api.Response r = api.send(op.verb(), path, op.bodyKind().equals("none") ? null : "{}", Map.of());
      boolean isEmulated = emulated.contains(op.key());
      int[] counts = byService.computeIfAbsent(op.pkg() + "." + op.service(), k -> new int[2]);
      counts[1]++;
      if (isEmulated) {
        counts[0]++;
      }
      if (r.status() == 500 || (r.status() == 404 && !op.verb().equals("HEAD") && r.errorCode().equals("ENDPOINT_NOT_FOUND"))) {
        wrong.add(op + " answered " + r);
      } else if (!isEmulated && (r.status() != 501 || !r.message().contains(" (" + op.verb() + " "
          + op.path() + ") is not emulated by the databricks4j testkit: ") || !r.message().contains(op.qualifiedName()))) {
        wrong.add(op + " is not emulated but answered " + r);
      } else if (isEmulated && r.status() == 501 && r.message().contains(op.qualifiedName())) {
        wrong.add(op + " is emulated but answered " + r);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(ws.internalErrors()).isZero();
    int total = 0;
    int served = 0;
    StringBuilder report = new StringBuilder("emulated operations by service:\n");
    for (Map.Entry<String, int[]> e : byService.entrySet()) {
      total += e.getValue()[1];
      served += e.getValue()[0];
      if (e.getValue()[0] > 0) {
        report.append(String.format("  %-40s %3d / %3d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
      }
    }
    report.append(String.format("  %-40s %3d / %3d%n", "total", served, total));
    System.out.print(report);
    assertThat(served).isGreaterThan(1100);
  }

  @Test
  void anUnknownPathOrVerbIsEndpointNotFound() {
    Api.Response unknown = api.get("/api/2.0/no-such-thing");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
    Api.Response verb = api.send("DELETE", "/api/2.1/clusters/list", null, Map.of());
    assertThat(verb.status()).isEqualTo(404);
    assertThat(verb.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
    Api.Response nested = api.get("/api/2.1/clusters/get/more/segments");
    assertThat(nested.status()).isEqualTo(404);
    assertThat(nested.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
  }

  @Test
  void anOperationWithoutEmulationIsNotImplementedNamingItAndWhy() {
    Api.Response r = api.post("/api/1.2/contexts/create", Json.object("clusterId", "c", "language", "python"));
    assertThat(r.status()).isEqualTo(501);
    assertThat(r.errorCode()).isEqualTo("NOT_IMPLEMENTED");
    assertThat(r.message()).isEqualTo("CommandExecution.create (POST /api/1.2/contexts/create) is not emulated by the "
        + "databricks4j testkit: no code runs on emulated clusters, so a command would have no result");
  }

  @Test
  void routerPrefersLiteralTemplatesAndKeepsSlashesOfMultiSegmentParameters() {
    Router router = new Router(ApiDescription.load().operations());
    Router.Match clusters = router.match("GET", "/api/2.0/permissions/clusters/abc").orElseThrow();
    assertThat(clusters.operation().service()).isEqualTo("Clusters");
    assertThat(clusters.pathParams()).containsEntry("cluster_id", "abc");
    Router.Match file = router.match("GET", "/api/2.0/fs/files/Volumes/a/b%20c/d+e.txt").orElseThrow();
    assertThat(file.pathParams()).containsEntry("file_path", "/Volumes/a/b c/d+e.txt");
    Router.Match generic = router.match("GET", "/api/2.0/permissions/sql/warehouses/w1").orElseThrow();
    assertThat(generic.pathParams()).containsValues("sql/warehouses", "w1");
    Router.Match resourceName = router.match("GET", "/api/2.1/knowledge-assistants/k1/examples/e1").orElseThrow();
    assertThat(resourceName.operation().service()).isEqualTo("KnowledgeAssistants");
    assertThat(resourceName.pathParams()).containsEntry("name", "knowledge-assistants/k1/examples/e1");
    assertThat(router.match("GET", "/api/2.1/clusters/nothing/here")).isEmpty();
  }

  private static EmulatorServer server() throws Exception {
    Field f = LocalWorkspace.class.getDeclaredField("server");
    f.setAccessible(true);
    return (EmulatorServer) f.get(ws);
  }
}
