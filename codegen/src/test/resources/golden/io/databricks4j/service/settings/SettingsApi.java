package io.databricks4j.service.settings;

import io.databricks4j.core.ApiClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
   * Like {@link #SettingsApi(ApiClient)}, with sub-services replaced by {@code overrides} (mocks).
   */
  public SettingsApi(ApiClient api, Map<Class<?>, Object> overrides) {
    this.api = Objects.requireNonNull(api, "api");
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Sub-service {@code settings.AibiDashboardEmbeddingAccessPolicy}.
   */
  public AibiDashboardEmbeddingAccessPolicyApi aibiDashboardEmbeddingAccessPolicy() {
    Object o = overrides.get(AibiDashboardEmbeddingAccessPolicyApi.class);
    if (o != null) return AibiDashboardEmbeddingAccessPolicyApi.class.cast(o);
    return AibiDashboardEmbeddingAccessPolicyApi.class.cast(services.computeIfAbsent(AibiDashboardEmbeddingAccessPolicyApi.class, k -> new AibiDashboardEmbeddingAccessPolicyApi(api)));
  }

  /**
   * Sub-service {@code settings.AibiDashboardEmbeddingApprovedDomains}.
   */
  public AibiDashboardEmbeddingApprovedDomainsApi aibiDashboardEmbeddingApprovedDomains() {
    Object o = overrides.get(AibiDashboardEmbeddingApprovedDomainsApi.class);
    if (o != null) return AibiDashboardEmbeddingApprovedDomainsApi.class.cast(o);
    return AibiDashboardEmbeddingApprovedDomainsApi.class.cast(services.computeIfAbsent(AibiDashboardEmbeddingApprovedDomainsApi.class, k -> new AibiDashboardEmbeddingApprovedDomainsApi(api)));
  }

  /**
   * Sub-service {@code settings.AutomaticClusterUpdate}.
   */
  public AutomaticClusterUpdateApi automaticClusterUpdate() {
    Object o = overrides.get(AutomaticClusterUpdateApi.class);
    if (o != null) return AutomaticClusterUpdateApi.class.cast(o);
    return AutomaticClusterUpdateApi.class.cast(services.computeIfAbsent(AutomaticClusterUpdateApi.class, k -> new AutomaticClusterUpdateApi(api)));
  }

  /**
   * Sub-service {@code settings.ComplianceSecurityProfile}.
   */
  public ComplianceSecurityProfileApi complianceSecurityProfile() {
    Object o = overrides.get(ComplianceSecurityProfileApi.class);
    if (o != null) return ComplianceSecurityProfileApi.class.cast(o);
    return ComplianceSecurityProfileApi.class.cast(services.computeIfAbsent(ComplianceSecurityProfileApi.class, k -> new ComplianceSecurityProfileApi(api)));
  }

  /**
   * Sub-service {@code settings.DashboardEmailSubscriptions}.
   */
  public DashboardEmailSubscriptionsApi dashboardEmailSubscriptions() {
    Object o = overrides.get(DashboardEmailSubscriptionsApi.class);
    if (o != null) return DashboardEmailSubscriptionsApi.class.cast(o);
    return DashboardEmailSubscriptionsApi.class.cast(services.computeIfAbsent(DashboardEmailSubscriptionsApi.class, k -> new DashboardEmailSubscriptionsApi(api)));
  }

  /**
   * Sub-service {@code settings.DefaultNamespace}.
   */
  public DefaultNamespaceApi defaultNamespace() {
    Object o = overrides.get(DefaultNamespaceApi.class);
    if (o != null) return DefaultNamespaceApi.class.cast(o);
    return DefaultNamespaceApi.class.cast(services.computeIfAbsent(DefaultNamespaceApi.class, k -> new DefaultNamespaceApi(api)));
  }

  /**
   * Sub-service {@code settings.DefaultWarehouseId}.
   */
  public DefaultWarehouseIdApi defaultWarehouseId() {
    Object o = overrides.get(DefaultWarehouseIdApi.class);
    if (o != null) return DefaultWarehouseIdApi.class.cast(o);
    return DefaultWarehouseIdApi.class.cast(services.computeIfAbsent(DefaultWarehouseIdApi.class, k -> new DefaultWarehouseIdApi(api)));
  }

  /**
   * Sub-service {@code settings.DisableLegacyAccess}.
   */
  public DisableLegacyAccessApi disableLegacyAccess() {
    Object o = overrides.get(DisableLegacyAccessApi.class);
    if (o != null) return DisableLegacyAccessApi.class.cast(o);
    return DisableLegacyAccessApi.class.cast(services.computeIfAbsent(DisableLegacyAccessApi.class, k -> new DisableLegacyAccessApi(api)));
  }

  /**
   * Sub-service {@code settings.DisableLegacyDbfs}.
   */
  public DisableLegacyDbfsApi disableLegacyDbfs() {
    Object o = overrides.get(DisableLegacyDbfsApi.class);
    if (o != null) return DisableLegacyDbfsApi.class.cast(o);
    return DisableLegacyDbfsApi.class.cast(services.computeIfAbsent(DisableLegacyDbfsApi.class, k -> new DisableLegacyDbfsApi(api)));
  }

  /**
   * Sub-service {@code settings.EnableExportNotebook}.
   */
  public EnableExportNotebookApi enableExportNotebook() {
    Object o = overrides.get(EnableExportNotebookApi.class);
    if (o != null) return EnableExportNotebookApi.class.cast(o);
    return EnableExportNotebookApi.class.cast(services.computeIfAbsent(EnableExportNotebookApi.class, k -> new EnableExportNotebookApi(api)));
  }

  /**
   * Sub-service {@code settings.EnableNotebookTableClipboard}.
   */
  public EnableNotebookTableClipboardApi enableNotebookTableClipboard() {
    Object o = overrides.get(EnableNotebookTableClipboardApi.class);
    if (o != null) return EnableNotebookTableClipboardApi.class.cast(o);
    return EnableNotebookTableClipboardApi.class.cast(services.computeIfAbsent(EnableNotebookTableClipboardApi.class, k -> new EnableNotebookTableClipboardApi(api)));
  }

  /**
   * Sub-service {@code settings.EnableResultsDownloading}.
   */
  public EnableResultsDownloadingApi enableResultsDownloading() {
    Object o = overrides.get(EnableResultsDownloadingApi.class);
    if (o != null) return EnableResultsDownloadingApi.class.cast(o);
    return EnableResultsDownloadingApi.class.cast(services.computeIfAbsent(EnableResultsDownloadingApi.class, k -> new EnableResultsDownloadingApi(api)));
  }

  /**
   * Sub-service {@code settings.EnhancedSecurityMonitoring}.
   */
  public EnhancedSecurityMonitoringApi enhancedSecurityMonitoring() {
    Object o = overrides.get(EnhancedSecurityMonitoringApi.class);
    if (o != null) return EnhancedSecurityMonitoringApi.class.cast(o);
    return EnhancedSecurityMonitoringApi.class.cast(services.computeIfAbsent(EnhancedSecurityMonitoringApi.class, k -> new EnhancedSecurityMonitoringApi(api)));
  }

  /**
   * Sub-service {@code settings.LlmProxyPartnerPoweredWorkspace}.
   */
  public LlmProxyPartnerPoweredWorkspaceApi llmProxyPartnerPoweredWorkspace() {
    Object o = overrides.get(LlmProxyPartnerPoweredWorkspaceApi.class);
    if (o != null) return LlmProxyPartnerPoweredWorkspaceApi.class.cast(o);
    return LlmProxyPartnerPoweredWorkspaceApi.class.cast(services.computeIfAbsent(LlmProxyPartnerPoweredWorkspaceApi.class, k -> new LlmProxyPartnerPoweredWorkspaceApi(api)));
  }

  /**
   * Sub-service {@code settings.RestrictWorkspaceAdmins}.
   */
  public RestrictWorkspaceAdminsApi restrictWorkspaceAdmins() {
    Object o = overrides.get(RestrictWorkspaceAdminsApi.class);
    if (o != null) return RestrictWorkspaceAdminsApi.class.cast(o);
    return RestrictWorkspaceAdminsApi.class.cast(services.computeIfAbsent(RestrictWorkspaceAdminsApi.class, k -> new RestrictWorkspaceAdminsApi(api)));
  }

  /**
   * Sub-service {@code settings.SqlResultsDownload}.
   */
  public SqlResultsDownloadApi sqlResultsDownload() {
    Object o = overrides.get(SqlResultsDownloadApi.class);
    if (o != null) return SqlResultsDownloadApi.class.cast(o);
    return SqlResultsDownloadApi.class.cast(services.computeIfAbsent(SqlResultsDownloadApi.class, k -> new SqlResultsDownloadApi(api)));
  }
}
