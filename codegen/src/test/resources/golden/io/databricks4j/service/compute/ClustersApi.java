package io.databricks4j.service.compute;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.http.QueryParams;
import io.databricks4j.core.paging.Paginator;
import io.databricks4j.core.wait.Waiter;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.compute.internal.ClustersWire;
import io.databricks4j.wait.LongRunning;
import io.databricks4j.wait.Wait;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Service {@code compute.Clusters}, reached as {@code clusters()} of the workspace client.
 *
 * @see <a href="https://docs.databricks.com/api/workspace/clusters">REST API reference</a>
 */
@Generated("io.databricks4j.codegen")
public class ClustersApi {
  private final ApiClient api;

  private volatile ClustersWire wire;

  /**
   * A service calling the API through {@code api}. Makes no request and builds no proxy.
   */
  public ClustersApi(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  private ClustersWire wire() {
    ClustersWire w = wire;
    if (w == null) {
      w = api.wire(ClustersWire.class);
      wire = w;
    }
    return w;
  }

  private String workspaceId() {
    return api.workspaceId().orElse(null);
  }

  private static String path(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required: it is part of the request path");
    }
    return value;
  }

  /**
   * Polls {@code get} until {@code state} is RUNNING; fails on ERROR, TERMINATED. Default
   * time-out PT20M. Nothing is sent until the wait is used.
   */
  public Wait<ClusterDetails> waitGetClusterRunning(String clusterId) {
    return Waiter.forStates(
        "compute.Clusters.waitGetClusterRunning(clusterId=" + clusterId + ")",
        () -> get(GetClusterRequest.builder().clusterId(clusterId).build()),
        it -> it.state(),
        List.of(State.RUNNING),
        List.of(State.ERROR, State.TERMINATED),
        it -> Objects.toString(it.stateMessage(), null),
        Duration.parse("PT20M"));
  }

  /**
   * Waits up to {@code timeout} for {@link #waitGetClusterRunning(String)}.
   */
  public ClusterDetails waitGetClusterRunning(String clusterId, Duration timeout) {
    return waitGetClusterRunning(clusterId).get(timeout);
  }

  /**
   * Polls {@code get} until {@code state} is TERMINATED; fails on ERROR. Default time-out PT20M.
   * Nothing is sent until the wait is used.
   */
  public Wait<ClusterDetails> waitGetClusterTerminated(String clusterId) {
    return Waiter.forStates(
        "compute.Clusters.waitGetClusterTerminated(clusterId=" + clusterId + ")",
        () -> get(GetClusterRequest.builder().clusterId(clusterId).build()),
        it -> it.state(),
        List.of(State.TERMINATED),
        List.of(State.ERROR),
        it -> Objects.toString(it.stateMessage(), null),
        Duration.parse("PT20M"));
  }

  /**
   * Waits up to {@code timeout} for {@link #waitGetClusterTerminated(String)}.
   */
  public ClusterDetails waitGetClusterTerminated(String clusterId, Duration timeout) {
    return waitGetClusterTerminated(clusterId).get(timeout);
  }

  /**
   * {@code POST /api/2.1/clusters/change-owner}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/changeowner">REST API
   * reference</a>
   */
  public void changeOwner(ChangeClusterOwner request) {
    Objects.requireNonNull(request, "request");
    wire().changeOwner(workspaceId(), request);
  }

  /**
   * Calls {@link #changeOwner(ChangeClusterOwner)} with an empty request.
   */
  public void changeOwner() {
    changeOwner(ChangeClusterOwner.builder().build());
  }

  /**
   * {@code POST /api/2.1/clusters/create}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/create">REST API
   * reference</a>
   */
  public LongRunning<CreateClusterResponse, ClusterDetails> create(CreateCluster request) {
    Objects.requireNonNull(request, "request");
    final CreateClusterResponse response = wire().create(workspaceId(), request);
    return LongRunning.of(response, waitGetClusterRunning(response.clusterId()));
  }

  /**
   * Calls {@link #create(CreateCluster)} and waits for the default time-out.
   */
  public ClusterDetails createAndWait(CreateCluster request) {
    return create(request).get();
  }

  /**
   * Calls {@link #create(CreateCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails createAndWait(CreateCluster request, Duration timeout) {
    return create(request).get(timeout);
  }

  /**
   * Calls {@link #create(CreateCluster)} with an empty request.
   */
  public LongRunning<CreateClusterResponse, ClusterDetails> create() {
    return create(CreateCluster.builder().build());
  }

  /**
   * {@code POST /api/2.1/clusters/delete}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/delete">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> delete(DeleteCluster request) {
    Objects.requireNonNull(request, "request");
    wire().delete(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterTerminated(request.clusterId()));
  }

  /**
   * Calls {@link #delete(DeleteCluster)} and waits for the default time-out.
   */
  public ClusterDetails deleteAndWait(DeleteCluster request) {
    return delete(request).get();
  }

  /**
   * Calls {@link #delete(DeleteCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails deleteAndWait(DeleteCluster request, Duration timeout) {
    return delete(request).get(timeout);
  }

  /**
   * Calls {@link #delete(DeleteCluster)} with the required fields.
   */
  public LongRunning<Void, ClusterDetails> delete(String clusterId) {
    return delete(DeleteCluster.builder().clusterId(clusterId).build());
  }

  /**
   * {@code POST /api/2.1/clusters/edit}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/edit">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> edit(EditCluster request) {
    Objects.requireNonNull(request, "request");
    wire().edit(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterRunning(request.clusterId()));
  }

  /**
   * Calls {@link #edit(EditCluster)} and waits for the default time-out.
   */
  public ClusterDetails editAndWait(EditCluster request) {
    return edit(request).get();
  }

  /**
   * Calls {@link #edit(EditCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails editAndWait(EditCluster request, Duration timeout) {
    return edit(request).get(timeout);
  }

  /**
   * Calls {@link #edit(EditCluster)} with an empty request.
   */
  public LongRunning<Void, ClusterDetails> edit() {
    return edit(EditCluster.builder().build());
  }

  /**
   * One page of {@link #events(GetEvents)}.
   *
   * {@code POST /api/2.1/clusters/events}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/events">REST API
   * reference</a>
   */
  public GetEventsResponse eventsPage(GetEvents request) {
    Objects.requireNonNull(request, "request");
    return wire().events(workspaceId(), request);
  }

  /**
   * Every {@code events} item of {@code POST /api/2.1/clusters/events}, paged by the request in
   * {@code next_page}; pages are fetched as iteration reaches them.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/events">REST API
   * reference</a>
   */
  public PagedIterable<ClusterEvent> events(GetEvents request) {
    Objects.requireNonNull(request, "request");
    GetEvents first = request;
    final GetEvents start = first;
    return () -> new Iterator<ClusterEvent>() {
      private GetEvents next = start;

      private Iterator<? extends ClusterEvent> page = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && next != null) {
          GetEventsResponse response = eventsPage(next);
          page = response == null || response.events() == null
              ? Collections.emptyIterator()
              : response.events().iterator();
          next = response == null ? null : response.nextPage();
        }
        return page.hasNext();
      }

      @Override
      public ClusterEvent next() {
        if (!hasNext()) throw new NoSuchElementException();
        return page.next();
      }
    };
  }

  /**
   * Calls {@link #events(GetEvents)} with an empty request.
   */
  public PagedIterable<ClusterEvent> events() {
    return events(GetEvents.builder().build());
  }

  /**
   * {@code GET /api/2.1/clusters/get}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/get">REST API reference</a>
   */
  public ClusterDetails get(GetClusterRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().get(workspaceId(), QueryParams.create()
        .add("cluster_id", request.clusterId())
        .toMap());
  }

  /**
   * Calls {@link #get(GetClusterRequest)} with the required fields.
   */
  public ClusterDetails get(String clusterId) {
    return get(GetClusterRequest.builder().clusterId(clusterId).build());
  }

  /**
   * {@code GET /api/2.0/permissions/clusters/{cluster_id}/permissionLevels}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/getpermissionlevels">REST
   * API reference</a>
   */
  public GetClusterPermissionLevelsResponse getPermissionLevels(
      GetClusterPermissionLevelsRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().getPermissionLevels(workspaceId(), path(request.clusterId(), "cluster_id"));
  }

  /**
   * Calls {@link #getPermissionLevels(GetClusterPermissionLevelsRequest)} with the required fields.
   */
  public GetClusterPermissionLevelsResponse getPermissionLevels(String clusterId) {
    return getPermissionLevels(GetClusterPermissionLevelsRequest.builder().clusterId(clusterId).build());
  }

  /**
   * {@code GET /api/2.0/permissions/clusters/{cluster_id}}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/getpermissions">REST API
   * reference</a>
   */
  public ClusterPermissions getPermissions(GetClusterPermissionsRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().getPermissions(workspaceId(), path(request.clusterId(), "cluster_id"));
  }

  /**
   * Calls {@link #getPermissions(GetClusterPermissionsRequest)} with the required fields.
   */
  public ClusterPermissions getPermissions(String clusterId) {
    return getPermissions(GetClusterPermissionsRequest.builder().clusterId(clusterId).build());
  }

  /**
   * One page of {@link #list(ListClustersRequest)}.
   *
   * {@code GET /api/2.1/clusters/list}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/list">REST API
   * reference</a>
   */
  public ListClustersResponse listPage(ListClustersRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().list(workspaceId(), QueryParams.create()
        .add("filter_by", request.filterBy())
        .add("page_size", request.pageSize())
        .add("page_token", request.pageToken())
        .add("sort_by", request.sortBy())
        .toMap());
  }

  /**
   * Every {@code clusters} item of {@code GET /api/2.1/clusters/list}, paged by {@code
   * page_token}; pages are fetched as iteration reaches them.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/list">REST API
   * reference</a>
   */
  public PagedIterable<ClusterDetails> list(ListClustersRequest request) {
    Objects.requireNonNull(request, "request");
    ListClustersRequest first = request;
    return Paginator.token(first, this::listPage, ListClustersResponse::clusters,
        ListClustersResponse::nextPageToken, (r, t) -> r.toBuilder().pageToken(t).build());
  }

  /**
   * Calls {@link #list(ListClustersRequest)} with an empty request.
   */
  public PagedIterable<ClusterDetails> list() {
    return list(ListClustersRequest.builder().build());
  }

  /**
   * {@code GET /api/2.1/clusters/list-node-types}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/listnodetypes">REST API
   * reference</a>
   */
  public ListNodeTypesResponse listNodeTypes() {
    return wire().listNodeTypes(workspaceId());
  }

  /**
   * {@code GET /api/2.1/clusters/list-zones}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/listzones">REST API
   * reference</a>
   */
  public ListAvailableZonesResponse listZones() {
    return wire().listZones(workspaceId());
  }

  /**
   * {@code POST /api/2.1/clusters/permanent-delete}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/permanentdelete">REST API
   * reference</a>
   */
  public void permanentDelete(PermanentDeleteCluster request) {
    Objects.requireNonNull(request, "request");
    wire().permanentDelete(workspaceId(), request);
  }

  /**
   * Calls {@link #permanentDelete(PermanentDeleteCluster)} with the required fields.
   */
  public void permanentDelete(String clusterId) {
    permanentDelete(PermanentDeleteCluster.builder().clusterId(clusterId).build());
  }

  /**
   * {@code POST /api/2.1/clusters/pin}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/pin">REST API reference</a>
   */
  public void pin(PinCluster request) {
    Objects.requireNonNull(request, "request");
    wire().pin(workspaceId(), request);
  }

  /**
   * Calls {@link #pin(PinCluster)} with the required fields.
   */
  public void pin(String clusterId) {
    pin(PinCluster.builder().clusterId(clusterId).build());
  }

  /**
   * {@code POST /api/2.1/clusters/resize}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/resize">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> resize(ResizeCluster request) {
    Objects.requireNonNull(request, "request");
    wire().resize(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterRunning(request.clusterId()));
  }

  /**
   * Calls {@link #resize(ResizeCluster)} and waits for the default time-out.
   */
  public ClusterDetails resizeAndWait(ResizeCluster request) {
    return resize(request).get();
  }

  /**
   * Calls {@link #resize(ResizeCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails resizeAndWait(ResizeCluster request, Duration timeout) {
    return resize(request).get(timeout);
  }

  /**
   * Calls {@link #resize(ResizeCluster)} with an empty request.
   */
  public LongRunning<Void, ClusterDetails> resize() {
    return resize(ResizeCluster.builder().build());
  }

  /**
   * {@code POST /api/2.1/clusters/restart}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/restart">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> restart(RestartCluster request) {
    Objects.requireNonNull(request, "request");
    wire().restart(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterRunning(request.clusterId()));
  }

  /**
   * Calls {@link #restart(RestartCluster)} and waits for the default time-out.
   */
  public ClusterDetails restartAndWait(RestartCluster request) {
    return restart(request).get();
  }

  /**
   * Calls {@link #restart(RestartCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails restartAndWait(RestartCluster request, Duration timeout) {
    return restart(request).get(timeout);
  }

  /**
   * Calls {@link #restart(RestartCluster)} with an empty request.
   */
  public LongRunning<Void, ClusterDetails> restart() {
    return restart(RestartCluster.builder().build());
  }

  /**
   * {@code PUT /api/2.0/permissions/clusters/{cluster_id}}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/setpermissions">REST API
   * reference</a>
   */
  public ClusterPermissions setPermissions(ClusterPermissionsRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().setPermissions(workspaceId(), path(request.clusterId(), "cluster_id"), request);
  }

  /**
   * Calls {@link #setPermissions(ClusterPermissionsRequest)} with the required fields.
   */
  public ClusterPermissions setPermissions(String clusterId) {
    return setPermissions(ClusterPermissionsRequest.builder().clusterId(clusterId).build());
  }

  /**
   * {@code GET /api/2.1/clusters/spark-versions}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/sparkversions">REST API
   * reference</a>
   */
  public GetSparkVersionsResponse sparkVersions() {
    return wire().sparkVersions(workspaceId());
  }

  /**
   * {@code POST /api/2.1/clusters/start}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/start">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> start(StartCluster request) {
    Objects.requireNonNull(request, "request");
    wire().start(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterRunning(request.clusterId()));
  }

  /**
   * Calls {@link #start(StartCluster)} and waits for the default time-out.
   */
  public ClusterDetails startAndWait(StartCluster request) {
    return start(request).get();
  }

  /**
   * Calls {@link #start(StartCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails startAndWait(StartCluster request, Duration timeout) {
    return start(request).get(timeout);
  }

  /**
   * Calls {@link #start(StartCluster)} with the required fields.
   */
  public LongRunning<Void, ClusterDetails> start(String clusterId) {
    return start(StartCluster.builder().clusterId(clusterId).build());
  }

  /**
   * {@code POST /api/2.1/clusters/unpin}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/unpin">REST API
   * reference</a>
   */
  public void unpin(UnpinCluster request) {
    Objects.requireNonNull(request, "request");
    wire().unpin(workspaceId(), request);
  }

  /**
   * Calls {@link #unpin(UnpinCluster)} with the required fields.
   */
  public void unpin(String clusterId) {
    unpin(UnpinCluster.builder().clusterId(clusterId).build());
  }

  /**
   * {@code POST /api/2.1/clusters/update}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/update">REST API
   * reference</a>
   */
  public LongRunning<Void, ClusterDetails> update(UpdateCluster request) {
    Objects.requireNonNull(request, "request");
    wire().update(workspaceId(), request);
    return LongRunning.of((Void) null, waitGetClusterRunning(request.clusterId()));
  }

  /**
   * Calls {@link #update(UpdateCluster)} and waits for the default time-out.
   */
  public ClusterDetails updateAndWait(UpdateCluster request) {
    return update(request).get();
  }

  /**
   * Calls {@link #update(UpdateCluster)} and waits up to {@code timeout}.
   */
  public ClusterDetails updateAndWait(UpdateCluster request, Duration timeout) {
    return update(request).get(timeout);
  }

  /**
   * Calls {@link #update(UpdateCluster)} with an empty request.
   */
  public LongRunning<Void, ClusterDetails> update() {
    return update(UpdateCluster.builder().build());
  }

  /**
   * {@code PATCH /api/2.0/permissions/clusters/{cluster_id}}.
   *
   * <p>Required: {@code cluster_id}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/clusters/updatepermissions">REST API
   * reference</a>
   */
  public ClusterPermissions updatePermissions(ClusterPermissionsRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().updatePermissions(workspaceId(), path(request.clusterId(), "cluster_id"), request);
  }

  /**
   * Calls {@link #updatePermissions(ClusterPermissionsRequest)} with the required fields.
   */
  public ClusterPermissions updatePermissions(String clusterId) {
    return updatePermissions(ClusterPermissionsRequest.builder().clusterId(clusterId).build());
  }
}
