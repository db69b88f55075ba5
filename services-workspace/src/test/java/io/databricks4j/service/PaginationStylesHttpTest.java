package io.databricks4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.Loopback.Answer;
import io.databricks4j.service.Loopback.Seen;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ClusterEvent;
import io.databricks4j.service.compute.GetEvents;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.files.FileInfo;
import io.databricks4j.service.files.ListDbfsRequest;
import io.databricks4j.service.iam.ListUsersRequest;
import io.databricks4j.service.iam.User;
import io.databricks4j.service.sql.Dashboard;
import io.databricks4j.service.sql.ListDashboardsRequest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every pagination style of the workspace description, end to end through the generated services
 * over three pages: the requests each page needs, and no more when a stream is cut short. (The
 * description has no offset/limit style; jobs and sql page by token or page number.)
 */
class PaginationStylesHttpTest {
  private static final String[] CLUSTERS = {
      "{\"clusters\":[{\"cluster_id\":\"a\"},{\"cluster_id\":\"b\"}],\"next_page_token\":\"t2\"}",
      "{\"clusters\":[{\"cluster_id\":\"c\"},{\"cluster_id\":\"d\"}],\"next_page_token\":\"t3\"}",
      "{\"clusters\":[{\"cluster_id\":\"e\"}]}"};
  private static final String[] EVENTS = {
      "{\"events\":[{\"timestamp\":1},{\"timestamp\":2}],\"next_page\":{\"cluster_id\":\"c\",\"limit\":2,\"offset\":2}}",
      "{\"events\":[{\"timestamp\":3},{\"timestamp\":4}],\"next_page\":{\"cluster_id\":\"c\",\"limit\":2,\"offset\":4}}",
      "{\"events\":[{\"timestamp\":5}],\"total_count\":5}"};
  // u2 shows up again on the second page (a user was added meanwhile): SCIM lists drop it
  private static final String[] USERS = {
      "{\"Resources\":[{\"id\":\"u1\"},{\"id\":\"u2\"}]}",
      "{\"Resources\":[{\"id\":\"u2\"},{\"id\":\"u3\"}]}",
      "{\"Resources\":[{\"id\":\"u4\"}]}",
      "{\"Resources\":[]}"};
  private static final String[] DASHBOARDS = {
      "{\"results\":[{\"id\":\"d1\"},{\"id\":\"d2\"}]}",
      "{\"results\":[{\"id\":\"d3\"},{\"id\":\"d4\"}]}",
      "{\"results\":[{\"id\":\"d5\"}]}",
      "{\"results\":[]}"};

  private Loopback server;
  private WorkspaceClient w;

  @BeforeEach
  void start() throws Exception {
    server = new Loopback();
    w = new WorkspaceClient(server.client(Map.of()), Map.of());
  }

  @AfterEach
  void stop() {
    w.close();
    server.close();
  }

  private void pages(String methodAndPath, String... json) {
    server.on(methodAndPath, Arrays.stream(json).map(Answer::json).toArray(Answer[]::new));
  }

  @Test
  void tokenPagesFollowNextPageTokenUntilItIsAbsent() {
    pages("GET /api/2.1/clusters/list", CLUSTERS);

    assertThat(w.clusters().list(ListClustersRequest.builder().pageSize(2L).build()))
        .extracting(ClusterDetails::clusterId).containsExactly("a", "b", "c", "d", "e");
    assertThat(server.seen).extracting(Seen::rawQuery)
        .containsExactly("page_size=2", "page_size=2&page_token=t2", "page_size=2&page_token=t3");
  }

  @Test
  void aLimitedTokenStreamFetchesOnlyThePagesItReads() {
    pages("GET /api/2.1/clusters/list", CLUSTERS);

    assertThat(w.clusters().list(ListClustersRequest.builder().pageSize(2L).build()).stream().limit(3))
        .extracting(ClusterDetails::clusterId).containsExactly("a", "b", "c");
    assertThat(server.seen).hasSize(2);
  }

  @Test
  void nextRequestPagesSendTheRequestTheResponseCarries() {
    pages("POST /api/2.1/clusters/events", EVENTS);

    assertThat(w.clusters().events(GetEvents.builder().clusterId("c").limit(2L).build()))
        .extracting(ClusterEvent::timestamp).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(server.seen).extracting(Seen::bodyText).containsExactly(
        "{\"cluster_id\":\"c\",\"limit\":2}",
        "{\"cluster_id\":\"c\",\"limit\":2,\"offset\":2}",
        "{\"cluster_id\":\"c\",\"limit\":2,\"offset\":4}");
  }

  @Test
  void aLimitedNextRequestStreamFetchesOnlyThePagesItReads() {
    pages("POST /api/2.1/clusters/events", EVENTS);

    assertThat(w.clusters().events(GetEvents.builder().clusterId("c").limit(2L).build()).stream().limit(3)).hasSize(3);
    assertThat(server.seen).hasSize(2);
  }

  @Test
  void scimPagesAdvanceTheOneBasedStartIndexByTheItemsReceivedUntilAnEmptyPage() {
    pages("GET /api/2.0/preview/scim/v2/Users", USERS);

    assertThat(w.users().list(ListUsersRequest.builder().count(2L).build()))
        .extracting(User::id).containsExactly("u1", "u2", "u3", "u4");
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly(
        "count=2&startIndex=1", "count=2&startIndex=3", "count=2&startIndex=5", "count=2&startIndex=6");
  }

  @Test
  void scimListsAskForTenThousandPerPageUnlessTold() {
    pages("GET /api/2.0/preview/scim/v2/Users", "{\"Resources\":[]}");

    assertThat(w.users().list(ListUsersRequest.builder().build())).isEmpty();
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly("count=10000&startIndex=1");
  }

  @Test
  void aLimitedScimStreamFetchesOnlyThePagesItReads() {
    pages("GET /api/2.0/preview/scim/v2/Users", USERS);

    assertThat(w.users().list(ListUsersRequest.builder().count(2L).build()).stream().limit(2))
        .extracting(User::id).containsExactly("u1", "u2");
    assertThat(server.seen).hasSize(1);
  }

  @Test
  void pageNumberPagesCountUpFromOneUntilAnEmptyPage() {
    pages("GET /api/2.0/preview/sql/dashboards", DASHBOARDS);

    assertThat(w.dashboards().list(ListDashboardsRequest.builder().pageSize(2L).build()))
        .extracting(Dashboard::id).containsExactly("d1", "d2", "d3", "d4", "d5");
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly(
        "page=1&page_size=2", "page=2&page_size=2", "page=3&page_size=2", "page=4&page_size=2");
  }

  @Test
  void aLimitedPageNumberStreamFetchesOnlyThePagesItReads() {
    pages("GET /api/2.0/preview/sql/dashboards", DASHBOARDS);

    assertThat(w.dashboards().list(ListDashboardsRequest.builder().pageSize(2L).build()).stream().limit(3))
        .extracting(Dashboard::id).containsExactly("d1", "d2", "d3");
    assertThat(server.seen).hasSize(2);
  }

  @Test
  void singlePageListsMakeOneRequest() {
    pages("GET /api/2.0/dbfs/list", "{\"files\":[{\"path\":\"/tmp/a\"},{\"path\":\"/tmp/b\"},{\"path\":\"/tmp/c\"}]}");

    assertThat(w.dbfs().list(ListDbfsRequest.builder().path("/tmp").build()))
        .extracting(FileInfo::path).containsExactly("/tmp/a", "/tmp/b", "/tmp/c");
    assertThat(server.seen).extracting(Seen::rawQuery).containsExactly("path=%2Ftmp");
  }
}
