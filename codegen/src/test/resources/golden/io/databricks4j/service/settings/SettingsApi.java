package io.databricks4j.service.settings;

import io.databricks4j.core.ApiClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * Service {@code settings.Settings}, reached as {@code settings()} of the workspace client.
 *
 * @see <a href="https://docs.databricks.com/api/workspace/settings">REST API reference</a>
 */
@Generated("io.databricks4j.codegen")
public class SettingsApi {
  private final ApiClient api;

  private final Map<Class<?>, Object> overrides;

  private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>();

  /**
   * A service calling the API through {@code api}. Makes no request and builds no proxy.
   */
  public SettingsApi(ApiClient api) {
    this(api, Map.of());
  }

  /**
   * Like {@link #SettingsApi(ApiClient)}, with sub-services replaced by {@code overrides}
   * (mocks).
   */
  public SettingsApi(ApiClient api, Map<Class<?>, Object> overrides) {
    this.api = Objects.requireNonNull(api, "api");
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Sub-service {@code settings.AibiDashboardEmbeddingAccessPolicy}.
   */
  public AibiDashboardEmbeddingAccessPolicyApi aibiDashboardEmbeddingAccessPolicy() {
    return service(AibiDashboardEmbeddingAccessPolicyApi.class, () -> new AibiDashboardEmbeddingAccessPolicyApi(api));
  }

  /**
   * Sub-service {@code settings.AibiDashboardEmbeddingApprovedDomains}.
   */
  public AibiDashboardEmbeddingApprovedDomainsApi aibiDashboardEmbeddingApprovedDomains() {
    return service(AibiDashboardEmbeddingApprovedDomainsApi.class, () -> new AibiDashboardEmbeddingApprovedDomainsApi(api));
  }

  /**
   * Sub-service {@code settings.AutomaticClusterUpdate}.
   */
  public AutomaticClusterUpdateApi automaticClusterUpdate() {
    return service(AutomaticClusterUpdateApi.class, () -> new AutomaticClusterUpdateApi(api));
  }

  /**
   * Sub-service {@code settings.ComplianceSecurityProfile}.
   */
  public ComplianceSecurityProfileApi complianceSecurityProfile() {
    return service(ComplianceSecurityProfileApi.class, () -> new ComplianceSecurityProfileApi(api));
  }

  /**
   * Sub-service {@code settings.DashboardEmailSubscriptions}.
   */
  public DashboardEmailSubscriptionsApi dashboardEmailSubscriptions() {
    return service(DashboardEmailSubscriptionsApi.class, () -> new DashboardEmailSubscriptionsApi(api));
  }

  /**
   * Sub-service {@code settings.DefaultNamespace}.
   */
  public DefaultNamespaceApi defaultNamespace() {
    return service(DefaultNamespaceApi.class, () -> new DefaultNamespaceApi(api));
  }

  /**
   * Sub-service {@code settings.DefaultWarehouseId}.
   */
  public DefaultWarehouseIdApi defaultWarehouseId() {
    return service(DefaultWarehouseIdApi.class, () -> new DefaultWarehouseIdApi(api));
  }

  /**
   * Sub-service {@code settings.DisableLegacyAccess}.
   */
  public DisableLegacyAccessApi disableLegacyAccess() {
    return service(DisableLegacyAccessApi.class, () -> new DisableLegacyAccessApi(api));
  }

  /**
   * Sub-service {@code settings.DisableLegacyDbfs}.
   */
  public DisableLegacyDbfsApi disableLegacyDbfs() {
    return service(DisableLegacyDbfsApi.class, () -> new DisableLegacyDbfsApi(api));
  }

  /**
   * Sub-service {@code settings.EnableExportNotebook}.
   */
  public EnableExportNotebookApi enableExportNotebook() {
    return service(EnableExportNotebookApi.class, () -> new EnableExportNotebookApi(api));
  }

  /**
   * Sub-service {@code settings.EnableNotebookTableClipboard}.
   */
  public EnableNotebookTableClipboardApi enableNotebookTableClipboard() {
    return service(EnableNotebookTableClipboardApi.class, () -> new EnableNotebookTableClipboardApi(api));
  }

  /**
   * Sub-service {@code settings.EnableResultsDownloading}.
   */
  public EnableResultsDownloadingApi enableResultsDownloading() {
    return service(EnableResultsDownloadingApi.class, () -> new EnableResultsDownloadingApi(api));
  }

  /**
   * Sub-service {@code settings.EnhancedSecurityMonitoring}.
   */
  public EnhancedSecurityMonitoringApi enhancedSecurityMonitoring() {
    return service(EnhancedSecurityMonitoringApi.class, () -> new EnhancedSecurityMonitoringApi(api));
  }

  /**
   * Sub-service {@code settings.LlmProxyPartnerPoweredWorkspace}.
   */
  public LlmProxyPartnerPoweredWorkspaceApi llmProxyPartnerPoweredWorkspace() {
    return service(LlmProxyPartnerPoweredWorkspaceApi.class, () -> new LlmProxyPartnerPoweredWorkspaceApi(api));
  }

  /**
   * Sub-service {@code settings.RestrictWorkspaceAdmins}.
   */
  public RestrictWorkspaceAdminsApi restrictWorkspaceAdmins() {
    return service(RestrictWorkspaceAdminsApi.class, () -> new RestrictWorkspaceAdminsApi(api));
  }

  /**
   * Sub-service {@code settings.SqlResultsDownload}.
   */
  public SqlResultsDownloadApi sqlResultsDownload() {
    return service(SqlResultsDownloadApi.class, () -> new SqlResultsDownloadApi(api));
  }

  private <T> T service(Class<T> type, Supplier<T> factory) {
    Object o = overrides.get(type);
    if (o != null) return type.cast(o);
    return type.cast(services.computeIfAbsent(type, k -> factory.get()));
  }
}
