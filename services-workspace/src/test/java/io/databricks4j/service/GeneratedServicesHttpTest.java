package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.NotFound;
import io.databricks4j.mixin.compute.ClustersExt;
import io.databricks4j.service.Loopback.Answer;
import io.databricks4j.service.Loopback.Seen;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.State;
import io.databricks4j.service.files.DownloadResponse;
import io.databricks4j.service.files.UploadRequest;
import io.databricks4j.service.jobs.BaseJob;
import io.databricks4j.service.jobs.ListJobsRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated services over real HTTP on loopback: paths, query, headers, bodies, paging, waiting, streams. */
class GeneratedServicesHttpTest {
  private Loopback server;
  private WorkspaceClient w;

  @BeforeEach
  void start() throws Exception {
    server = new Loopback();
    w = new WorkspaceClient(server.client(Map.of("workspace_id", "1234")), Map.of());
  }

  @AfterEach
  void stop() {
    w.close();
    server.close();
  }

  @Test
  void getSendsTheQueryAndTheWorkspaceIdHeaderAndDecodesTheModel() {
    server.on("GET /api/2.1/clusters/get", "{\"cluster_id\":\"c1\",\"state\":\"RUNNING\",\"new_field\":1}");

    ClusterDetails c = w.clusters().get("c1");

    assertThat(c.clusterId()).isEqualTo("c1");
    assertThat(c.state()).isEqualTo(State.RUNNING);
    Seen s = server.seen.peek();
    assertThat(s.rawQuery()).isEqualTo("cluster_id=c1");
    assertThat(s.header("X-Databricks-Workspace-Id")).isEqualTo("1234");
    assertThat(s.header("Authorization")).isEqualTo("Bearer t0k3n");
  }

  @Test
  void pathParametersAreEncodedAndBodiesHoldOnlyBodyFields() {
    server.on("GET /api/2.0/permissions/clusters/a%20b/permissionLevels", "{\"permission_levels\":[]}");
    server.on("POST /api/2.1/clusters/create", "{\"cluster_id\":\"new\"}");
    server.on("GET /api/2.1/clusters/get", "{\"cluster_id\":\"new\",\"state\":\"RUNNING\"}");

    w.clusters().getPermissionLevels("a b");
    var started = w.clusters().create(CreateCluster.builder().clusterName("n").sparkVersion("15.4.x").numWorkers(1L).build());

    assertThat(started.response().clusterId()).isEqualTo("new");
    Seen create = server.seen.stream().filter(x -> x.method().equals("POST")).findFirst().orElseThrow();
    assertThat(create.bodyText()).isEqualTo("{\"cluster_name\":\"n\",\"num_workers\":1,\"spark_version\":\"15.4.x\"}");
    assertThat(create.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void createAndWaitPollsUntilRunning() {
    server.on("POST /api/2.1/clusters/create", "{\"cluster_id\":\"c9\"}");
    server.on("GET /api/2.1/clusters/get",
        Answer.json("{\"cluster_id\":\"c9\",\"state\":\"PENDING\"}"),
        Answer.json("{\"cluster_id\":\"c9\",\"state\":\"RUNNING\"}"));

    ClusterDetails running = w.clusters().createAndWait(
        CreateCluster.builder().sparkVersion("15.4.x").build(), Duration.ofSeconds(30));

    assertThat(running.state()).isEqualTo(State.RUNNING);
    assertThat(server.seen.stream().filter(x -> x.method().equals("GET"))).hasSize(2);
  }

  @Test
  void listFollowsPageTokensLazily() {
    server.on("GET /api/2.2/jobs/list",
        Answer.json("{\"jobs\":[{\"job_id\":1},{\"job_id\":2}],\"next_page_token\":\"p2\"}"),
        Answer.json("{\"jobs\":[{\"job_id\":3}]}"));

    List<Long> ids = w.jobs().list(ListJobsRequest.builder().limit(2L).build()).stream().map(BaseJob::jobId).toList();

    assertThat(ids).containsExactly(1L, 2L, 3L);
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly("limit=2", "limit=2&page_token=p2");
  }

  @Test
  void aListWithoutRequiredFieldsTakesNoArgument() {
    server.on("GET /api/2.1/clusters/list",
        Answer.json("{\"clusters\":[{\"cluster_id\":\"c1\"}],\"next_page_token\":\"p2\"}"),
        Answer.json("{\"clusters\":[{\"cluster_id\":\"c2\"}]}"));

    List<String> ids = new ArrayList<>();
    for (ClusterDetails c : w.clusters().list()) ids.add(c.clusterId());

    assertThat(ids).containsExactly("c1", "c2");
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly(null, "page_token=p2");
  }

  @Test
  void errorsAreTyped() {
    assertThatThrownBy(() -> w.clusters().get("nope")).isInstanceOf(NotFound.class);
  }

  @Test
  void filesStreamUpAndDownWithPerSegmentEncoding() throws Exception {
    server.on("PUT /api/2.0/fs/files/Volumes/c/s/v/a%20b.txt", new Answer(204, "application/json", new byte[0], Map.of()));
    server.on("GET /api/2.0/fs/files/Volumes/c/s/v/a%20b.txt",
        new Answer(200, "application/octet-stream", "hello".getBytes(StandardCharsets.UTF_8), Map.of("Last-Modified", "yesterday")));

    w.files().upload(UploadRequest.builder().filePath("/Volumes/c/s/v/a b.txt").overwrite(true)
        .contents(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))).build());
    DownloadResponse d = w.files().download("/Volumes/c/s/v/a b.txt");

    try (InputStream in = d.contents()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    assertThat(d.lastModified()).isEqualTo("yesterday");
    assertThat(d.contentLength()).isEqualTo(5L);
    Seen put = server.seen.peek();
    assertThat(put.rawQuery()).isEqualTo("overwrite=true");
    assertThat(put.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(put.bodyText()).isEqualTo("hello");
  }

  @Test
  void subServicesHangOffTheirParent() {
    server.on("GET /api/2.0/settings/types/default_namespace_ws/names/default", "{\"etag\":\"e1\",\"namespace\":{\"value\":\"main\"}}");

    var setting = w.settings().defaultNamespace().get(
        io.databricks4j.service.settings.GetDefaultNamespaceSettingRequest.builder().build());

    assertThat(setting.namespace().value()).isEqualTo("main");
  }

  @Test
  void anOverrideWinsAndServicesAreMadeOnceOnFirstUse() {
    ClustersExt fake = new ClustersExt(w.apiClient()) {
      @Override
      public ClusterDetails get(String clusterId) {
        return ClusterDetails.builder().clusterId("fake-" + clusterId).build();
      }
    };
    WorkspaceClient mocked = new WorkspaceClient(w.apiClient(), Map.of(ClustersExt.class, fake));

    assertThat(mocked.clusters().get("x").clusterId()).isEqualTo("fake-x");
    assertThat(mocked.jobs()).isSameAs(mocked.jobs());
    assertThat(server.seen).isEmpty();
  }
}
