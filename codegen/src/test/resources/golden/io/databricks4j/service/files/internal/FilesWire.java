package io.databricks4j.service.files.internal;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.databricks4j.service.files.FilesApi;
import io.databricks4j.service.files.ListDirectoryResponse;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Wire definition of {@link FilesApi}: not public API.
 */
@Generated("io.databricks4j.codegen")
public interface FilesWire {
  @RequestLine("PUT /api/2.0/fs/directories{directory_path}")
  @Headers("X-Databricks-Workspace-Id: {databricks_workspace_id}")
  void createDirectory(@Param("databricks_workspace_id") String workspaceId,
      @Param("directory_path") String path0);

  @RequestLine("DELETE /api/2.0/fs/files{file_path}")
  @Headers("X-Databricks-Workspace-Id: {databricks_workspace_id}")
  void delete(@Param("databricks_workspace_id") String workspaceId,
      @Param("file_path") String path0);

  @RequestLine("DELETE /api/2.0/fs/directories{directory_path}")
  @Headers("X-Databricks-Workspace-Id: {databricks_workspace_id}")
  void deleteDirectory(@Param("databricks_workspace_id") String workspaceId,
      @Param("directory_path") String path0);

  @RequestLine("HEAD /api/2.0/fs/directories{directory_path}")
  @Headers("X-Databricks-Workspace-Id: {databricks_workspace_id}")
  void getDirectoryMetadata(@Param("databricks_workspace_id") String workspaceId,
      @Param("directory_path") String path0);

  @RequestLine("GET /api/2.0/fs/directories{directory_path}")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  ListDirectoryResponse listDirectoryContents(@Param("databricks_workspace_id") String workspaceId,
      @Param("directory_path") String path0, @QueryMap Map<String, Object> query);
}
