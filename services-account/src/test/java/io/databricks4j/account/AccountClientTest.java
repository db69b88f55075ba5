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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountClientTest {
  private static final Workspace DBC = Workspace.builder().workspaceId(42L).deploymentName("dbc-abc").build();

  private static AccountClient account(String host) {
    return account(DatabricksConfig.builder().host(host));
  }

  private static AccountClient account(DatabricksConfig.Builder config) {
    return AccountClient.builder().config(config.environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .accountId("acc-1").clientId("id").clientSecret("s").build()).build();
  }

  private static String workspaceHost(String accountHost, Workspace w) {
    try (AccountClient a = account(accountHost)) {
      return a.workspaceConfig(w).host().orElseThrow();
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://accounts.cloud.databricks.com, https://dbc-abc.cloud.databricks.com",
      "accounts.cloud.databricks.com/, https://dbc-abc.cloud.databricks.com",
      "https://accounts.cloud.databricks.us, https://dbc-abc.cloud.databricks.us",
      "https://accounts-dod.cloud.databricks.mil, https://dbc-abc.cloud.databricks.mil",
      "https://accounts-dod.cloud.databricks.us, https://dbc-abc.cloud.databricks.us",
      "https://accounts.gcp.databricks.com, https://dbc-abc.gcp.databricks.com",
      "https://accounts.staging.cloud.databricks.com, https://dbc-abc.staging.cloud.databricks.com",
      "https://accounts.azuredatabricks.net, https://dbc-abc.azuredatabricks.net",
      "https://accounts.azuredatabricks.us, https://dbc-abc.databricks.azure.us",
      "https://accounts.azuredatabricks.cn, https://dbc-abc.databricks.azure.cn",
      "https://accounts.dev.azuredatabricks.net, https://dbc-abc.dev.azuredatabricks.net",
      // a private console keeps its scheme and port, as every console does
      "http://accounts.corp.example:8443, http://dbc-abc.corp.example:8443",
  })
  void aConsoleHostGivesTheDeploymentHostOfItsZone(String accountHost, String expected) {
    assertThat(workspaceHost(accountHost, DBC)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "http://localhost:8080, http://localhost:8080",
      "http://127.0.0.1:41234, http://127.0.0.1:41234",
      "http://[::1]:8080, http://[::1]:8080",
      "https://10.1.2.3, https://10.1.2.3",
      "https://databricks.corp.example:9443, https://databricks.corp.example:9443",
      "https://unified.cloud.databricks.com, https://unified.cloud.databricks.com",
  })
  void anyOtherHostServesTheWorkspaceItselfNamedByWorkspaceId(String accountHost, String expected) {
    Workspace noDeployment = Workspace.builder().workspaceId(7L).build();
    try (AccountClient a = account(accountHost)) {
      DatabricksConfig w = a.workspaceConfig(noDeployment);
      assertThat(w.host()).contains(expected);
      assertThat(w.workspaceId()).contains("7");
      assertThat(w.isAccountClient()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "USGOVERNMENT, https://dbc-abc.databricks.azure.us",
      "AzureChinaCloud, https://dbc-abc.databricks.azure.cn",
      "PUBLIC, https://dbc-abc.azuredatabricks.net",
  })
  void azureEnvironmentChoosesTheZoneOfAnAzureConsole(String environment, String expected) {
    try (AccountClient a = account(DatabricksConfig.builder().host("https://accounts.azuredatabricks.net").azureEnvironment(environment))) {
      assertThat(a.workspaceConfig(DBC).host()).contains(expected);
    }
  }

  @Test
  void azureEnvironmentDoesNotMoveANonAzureConsole() {
    try (AccountClient a = account(DatabricksConfig.builder().host("https://accounts.cloud.databricks.com").azureEnvironment("CHINA"))) {
      assertThat(a.workspaceConfig(DBC).host()).contains("https://dbc-abc.cloud.databricks.com");
    }
  }

  @Test
  void anUnknownAzureEnvironmentIsAnErrorNamingTheValues() {
    try (AccountClient a = account(DatabricksConfig.builder().host("https://accounts.azuredatabricks.net").azureEnvironment("MARS"))) {
      assertThatThrownBy(() -> a.workspaceConfig(DBC)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("MARS").hasMessageContaining("USGOVERNMENT");
    }
  }

  @Test
  void workspaceClientHasTheWorkspaceIdAndTheSameCredentials() {
    try (AccountClient a = account("https://accounts.cloud.databricks.com");
         WorkspaceClient w = a.workspaceClient(DBC)) {
      assertThat(a.config().isAccountClient()).isTrue();
      assertThat(w.config().host()).contains("https://dbc-abc.cloud.databricks.com");
      assertThat(w.config().workspaceId()).contains("42");
      assertThat(w.config().isAccountClient()).isFalse();
      assertThat(w.config().attribute("client_id")).contains("id");
      assertThat(w.config().attribute("client_secret")).contains("s");
    }
  }

  @Test
  void azureWorkspacesGetTheirResourceId() {
    try (AccountClient a = account("https://accounts.azuredatabricks.us")) {
      DatabricksConfig w = a.workspaceConfig(Workspace.builder().workspaceId(7L).deploymentName("adb-7").workspaceName("ws")
          .azureWorkspaceInfo(AzureWorkspaceInfo.builder().subscriptionId("sub").resourceGroup("rg").build()).build());
      assertThat(w.host()).contains("https://adb-7.databricks.azure.us");
      assertThat(w.attribute("azure_workspace_resource_id"))
          .contains("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws");
    }
  }

  @Test
  void aConsoleWorkspaceWithoutDeploymentNameIsAClearError() {
    try (AccountClient a = account("https://accounts.cloud.databricks.com")) {
      assertThatThrownBy(() -> a.workspaceClient(Workspace.builder().workspaceId(9L).build()))
          .isInstanceOf(ConfigException.class).hasMessageContaining("deployment_name").hasMessageContaining("workspaces().get(id)");
    }
  }

  @Test
  void aWorkspaceWithoutIdIsAClearError() {
    try (AccountClient a = account("http://localhost:8080")) {
      assertThatThrownBy(() -> a.workspaceConfig(Workspace.builder().deploymentName("x").build()))
          .isInstanceOf(ConfigException.class).hasMessageContaining("workspace_id");
    }
  }
}
