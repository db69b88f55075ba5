package io.databricks4j.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.ConfigException;
import io.databricks4j.service.provisioning.AzureWorkspaceInfo;
import io.databricks4j.service.provisioning.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountClientTest {
  private static AccountClient account(String host) {
    return AccountClient.builder().config(DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host(host).accountId("acc-1").clientId("id").clientSecret("s").build()).build();
  }

  @Test
  void workspaceClientUsesTheDeploymentNameAndTheSameCredentials() {
    try (AccountClient a = account("https://accounts.cloud.databricks.com")) {
      assertThat(a.config().isAccountClient()).isTrue();
      WorkspaceClient w = a.workspaceClient(Workspace.builder().workspaceId(42L).deploymentName("dbc-abc").build());
      assertThat(w.config().host()).contains("https://dbc-abc.cloud.databricks.com");
      assertThat(w.config().isAccountClient()).isFalse();
      assertThat(w.config().attribute("client_id")).contains("id");
      assertThat(w.config().attribute("client_secret")).contains("s");
    }
  }

  @Test
  void azureWorkspacesGetTheirResourceId() {
    try (AccountClient a = account("https://accounts.azuredatabricks.net")) {
      WorkspaceClient w = a.workspaceClient(Workspace.builder().workspaceId(7L).deploymentName("adb-7").workspaceName("ws")
          .azureWorkspaceInfo(AzureWorkspaceInfo.builder().subscriptionId("sub").resourceGroup("rg").build()).build());
      assertThat(w.config().host()).contains("https://adb-7.azuredatabricks.net");
      assertThat(w.config().attribute("azure_workspace_resource_id"))
          .contains("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws");
    }
  }

  @Test
  void aWorkspaceWithoutDeploymentNameIsAClearError() {
    try (AccountClient a = account("https://accounts.cloud.databricks.com")) {
      assertThatThrownBy(() -> a.workspaceClient(Workspace.builder().workspaceId(9L).build()))
          .isInstanceOf(ConfigException.class).hasMessageContaining("deployment_name");
    }
  }
}
