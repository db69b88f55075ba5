package io.databricks4j.auth.azure.internal;

import com.azure.core.credential.TokenCredential;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of an Azure strategy: {@code Authorization} with the Databricks token, the service
 * management token of a service principal and the workspace resource id when they are known.
 */
public final class AzureHeaders implements HeaderFactory {
  public static final String SP_MANAGEMENT_TOKEN = "X-Databricks-Azure-SP-Management-Token";
  public static final String WORKSPACE_RESOURCE_ID = "X-Databricks-Azure-Workspace-Resource-Id";

  private final String strategy;
  private final CachedToken databricks;
  private final CachedToken management;
  private final String resourceId;

  /** {@code management} and {@code resourceId} may be null: their headers are then left out. */
  public AzureHeaders(String strategy, CachedToken databricks, CachedToken management, String resourceId) {
    this.strategy = strategy;
    this.databricks = databricks;
    this.management = management;
    this.resourceId = resourceId;
  }

  /** Both tokens of {@code credential}, in the Azure environment of {@code config}, and its resource id. */
  public static AzureHeaders of(String strategy, TokenCredential credential, ConfigView config) {
    AzureEndpoints endpoints = AzureEndpoints.of(config);
    return new AzureHeaders(strategy, AzureTokenSource.cached(strategy, credential, endpoints.databricksScope()),
        AzureTokenSource.cached(strategy, credential, endpoints.serviceManagementScope()),
        AzureCredentials.resourceId(config).orElse(null));
  }

  @Override
  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", databricks.token().authorizationHeader());
    if (management != null) {
      h.put(SP_MANAGEMENT_TOKEN, management.token().accessToken());
    }
    if (resourceId != null) {
      h.put(WORKSPACE_RESOURCE_ID, resourceId);
    }
    return h;
  }

  @Override
  public String toString() {
    return "AzureHeaders{strategy=" + strategy + ", managementToken=" + (management != null)
        + (resourceId == null ? "" : ", resourceId=" + resourceId) + "}";
  }
}
