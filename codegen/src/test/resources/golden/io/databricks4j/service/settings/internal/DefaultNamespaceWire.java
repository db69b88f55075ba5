package io.databricks4j.service.settings.internal;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.databricks4j.service.settings.DefaultNamespaceApi;
import io.databricks4j.service.settings.DefaultNamespaceSetting;
import io.databricks4j.service.settings.DeleteDefaultNamespaceSettingResponse;
import io.databricks4j.service.settings.UpdateDefaultNamespaceSettingRequest;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Wire definition of {@link DefaultNamespaceApi}: not public API.
 */
@Generated("io.databricks4j.codegen")
public interface DefaultNamespaceWire {
  @RequestLine("DELETE /api/2.0/settings/types/default_namespace_ws/names/default")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  DeleteDefaultNamespaceSettingResponse delete(@Param("databricks_workspace_id") String workspaceId,
      @QueryMap Map<String, Object> query);

  @RequestLine("GET /api/2.0/settings/types/default_namespace_ws/names/default")
  @Headers({
      "Accept: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  DefaultNamespaceSetting get(@Param("databricks_workspace_id") String workspaceId,
      @QueryMap Map<String, Object> query);

  @RequestLine("PATCH /api/2.0/settings/types/default_namespace_ws/names/default")
  @Headers({
      "Accept: application/json",
      "Content-Type: application/json",
      "X-Databricks-Workspace-Id: {databricks_workspace_id}"
  })
  DefaultNamespaceSetting update(@Param("databricks_workspace_id") String workspaceId,
      UpdateDefaultNamespaceSettingRequest body);
}
