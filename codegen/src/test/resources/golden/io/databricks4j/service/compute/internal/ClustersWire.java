package io.databricks4j.service.compute.internal;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.databricks4j.core.http.Idempotent;
import io.databricks4j.service.compute.ChangeClusterOwner;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ClusterPermissions;
import io.databricks4j.service.compute.ClusterPermissionsRequest;
import io.databricks4j.service.compute.ClustersApi;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.CreateClusterResponse;
import io.databricks4j.service.compute.DeleteCluster;
import io.databricks4j.service.compute.EditCluster;
import io.databricks4j.service.compute.GetClusterPermissionLevelsResponse;
import io.databricks4j.service.compute.GetEvents;
import io.databricks4j.service.compute.GetEventsResponse;
import io.databricks4j.service.compute.GetSparkVersionsResponse;
import io.databricks4j.service.compute.ListAvailableZonesResponse;
import io.databricks4j.service.compute.ListClustersResponse;
import io.databricks4j.service.compute.ListNodeTypesResponse;
import io.databricks4j.service.compute.PermanentDeleteCluster;
import io.databricks4j.service.compute.PinCluster;
import io.databricks4j.service.compute.ResizeCluster;
import io.databricks4j.service.compute.RestartCluster;
import io.databricks4j.service.compute.StartCluster;
import io.databricks4j.service.compute.UnpinCluster;
import io.databricks4j.service.compute.UpdateCluster;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Wire definition of {@link ClustersApi}: not public API.
 */
@Generated("io.databricks4j.codegen")
public interface ClustersWire {
  @RequestLine("POST /api/2.1/clusters/change-owner")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void changeOwner(@Param("databricks_workspace_id") String workspaceId, ChangeClusterOwner body);

  @RequestLine("POST /api/2.1/clusters/create")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  CreateClusterResponse create(@Param("databricks_workspace_id") String workspaceId,
      CreateCluster body);

  @RequestLine("POST /api/2.1/clusters/delete")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void delete(@Param("databricks_workspace_id") String workspaceId, DeleteCluster body);

  @RequestLine("POST /api/2.1/clusters/edit")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void edit(@Param("databricks_workspace_id") String workspaceId, EditCluster body);

  @RequestLine("POST /api/2.1/clusters/events")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  @Idempotent
  GetEventsResponse events(@Param("databricks_workspace_id") String workspaceId, GetEvents body);

  @RequestLine("GET /api/2.1/clusters/get")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ClusterDetails get(@Param("databricks_workspace_id") String workspaceId,
      @QueryMap Map<String, Object> query);

  @RequestLine("GET /api/2.0/permissions/clusters/{cluster_id}/permissionLevels")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  GetClusterPermissionLevelsResponse getPermissionLevels(
      @Param("databricks_workspace_id") String workspaceId, @Param("cluster_id") String path0);

  @RequestLine("GET /api/2.0/permissions/clusters/{cluster_id}")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ClusterPermissions getPermissions(@Param("databricks_workspace_id") String workspaceId,
      @Param("cluster_id") String path0);

  @RequestLine("GET /api/2.1/clusters/list")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ListClustersResponse list(@Param("databricks_workspace_id") String workspaceId,
      @QueryMap Map<String, Object> query);

  @RequestLine("GET /api/2.1/clusters/list-node-types")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ListNodeTypesResponse listNodeTypes(@Param("databricks_workspace_id") String workspaceId);

  @RequestLine("GET /api/2.1/clusters/list-zones")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ListAvailableZonesResponse listZones(@Param("databricks_workspace_id") String workspaceId);

  @RequestLine("POST /api/2.1/clusters/permanent-delete")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void permanentDelete(@Param("databricks_workspace_id") String workspaceId,
      PermanentDeleteCluster body);

  @RequestLine("POST /api/2.1/clusters/pin")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void pin(@Param("databricks_workspace_id") String workspaceId, PinCluster body);

  @RequestLine("POST /api/2.1/clusters/resize")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void resize(@Param("databricks_workspace_id") String workspaceId, ResizeCluster body);

  @RequestLine("POST /api/2.1/clusters/restart")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void restart(@Param("databricks_workspace_id") String workspaceId, RestartCluster body);

  @RequestLine("PUT /api/2.0/permissions/clusters/{cluster_id}")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ClusterPermissions setPermissions(@Param("databricks_workspace_id") String workspaceId,
      @Param("cluster_id") String path0, ClusterPermissionsRequest body);

  @RequestLine("GET /api/2.1/clusters/spark-versions")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  GetSparkVersionsResponse sparkVersions(@Param("databricks_workspace_id") String workspaceId);

  @RequestLine("POST /api/2.1/clusters/start")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void start(@Param("databricks_workspace_id") String workspaceId, StartCluster body);

  @RequestLine("POST /api/2.1/clusters/unpin")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void unpin(@Param("databricks_workspace_id") String workspaceId, UnpinCluster body);

  @RequestLine("POST /api/2.1/clusters/update")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  void update(@Param("databricks_workspace_id") String workspaceId, UpdateCluster body);

  @RequestLine("PATCH /api/2.0/permissions/clusters/{cluster_id}")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ClusterPermissions updatePermissions(@Param("databricks_workspace_id") String workspaceId,
      @Param("cluster_id") String path0, ClusterPermissionsRequest body);
}
