package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzureMsiStrategyContractTest extends CredentialsStrategyContract {
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure("unused-" + CANARY);

  @Override
  protected CredentialsStrategy strategy() {
    return new AzureMsiStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return AZURE.config("host", FakeAzure.WORKSPACE, "azure_use_msi", "true");
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).matches("Bearer msi-system-databricks-\\d+");
    assertThat(headers.get("X-Databricks-Azure-SP-Management-Token")).matches("msi-system-management-\\d+");
  }

  @Test
  void asksTheInstanceMetadataServiceForEachResource() {
    strategy().configure(applicableConfig()).orElseThrow().headers();

    assertThat(AZURE.imds.requests()).hasSize(2).allSatisfy(r -> {
      assertThat(r.param("api-version")).isEqualTo("2018-02-01");
      assertThat(r.headers).containsEntry("Metadata", "true");
    });
    assertThat(AZURE.imds.requests()).extracting(r -> r.param("resource"))
        .containsExactlyInAnyOrder("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", "https://management.core.windows.net/");
  }

  @Test
  void aUserAssignedIdentityIsNamedByAzureClientId() {
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_use_msi", "true", "azure_client_id", "uai-1");

    Map<String, String> headers = strategy().configure(config).orElseThrow().headers();

    assertThat(headers.get("Authorization")).startsWith("Bearer msi-uai-1-databricks-");
    assertThat(AZURE.imds.requests()).allSatisfy(r -> assertThat(r.param("client_id")).isEqualTo("uai-1"));
  }

  @Test
  void sendsTheWorkspaceResourceIdWhenSet() {
    ConfigView config = AZURE.config("host", FakeAzure.WORKSPACE, "azure_use_msi", "true",
        "azure_workspace_resource_id", "/subscriptions/s/rg/ws");

    assertThat(strategy().configure(config).orElseThrow().headers())
        .containsEntry("X-Databricks-Azure-Workspace-Resource-Id", "/subscriptions/s/rg/ws");
  }

  @Test
  void doesNotApplyWithoutAzureUseMsi() {
    assertThat(strategy().configure(AZURE.config("host", FakeAzure.WORKSPACE))).isEmpty();
    assertThat(strategy().configure(AZURE.config("host", FakeAzure.WORKSPACE, "azure_use_msi", "false"))).isEmpty();
    assertThat(strategy().configure(AZURE.config("host", "https://x.cloud.databricks.com", "azure_use_msi", "true")))
        .isEmpty();
    assertThat(AZURE.imds.requests()).isEmpty();
  }
}
