package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.error.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzureWorkspaceHostTest {
  static final String SECRET = "secret-canary-7f3a9c";
  static final String RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure(SECRET);

  @BeforeEach
  void routeTheWorkspace() {
    AZURE.arm.route("GET", RESOURCE_ID, r -> Reply.json(200,
        "{\"id\":\"" + RESOURCE_ID + "\",\"properties\":{\"workspaceUrl\":\"adb-77.7.azuredatabricks.net\"}}"));
  }

  @Test
  void readsTheWorkspaceUrlFromResourceManagerWithTheServicePrincipal() {
    ConfigView config = AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_client_id",
        FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT);

    assertThat(AzureWorkspaceHost.resolve(config)).contains("https://adb-77.7.azuredatabricks.net");

    assertThat(AZURE.arm.requests()).singleElement().satisfies(r -> {
      assertThat(r.param("api-version")).isEqualTo("2018-04-01");
      assertThat(r.headers.get("Authorization")).matches("Bearer aad-arm-\\d+");
    });
    assertThat(AZURE.aad.requests()).extracting(r -> r.param("scope")).filteredOn(s -> s != null)
        .anySatisfy(s -> assertThat(s).contains("https://management.azure.com//.default"));
  }

  @Test
  void readsTheWorkspaceUrlWithTheManagedIdentity() {
    ConfigView config = AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_use_msi", "true");

    assertThat(AzureWorkspaceHost.resolve(config)).contains("https://adb-77.7.azuredatabricks.net");

    assertThat(AZURE.arm.requests()).singleElement()
        .satisfies(r -> assertThat(r.headers.get("Authorization")).matches("Bearer msi-system-arm-\\d+"));
    assertThat(AZURE.imds.requests()).singleElement()
        .satisfies(r -> assertThat(r.param("resource")).isEqualTo("https://management.azure.com/"));
  }

  @Test
  void usesTheResourceManagerOfTheAzureEnvironment() {
    ConfigView config = AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_use_msi", "true",
        "azure_environment", "AzureUSGovernment");

    AzureWorkspaceHost.resolve(config);

    assertThat(AZURE.imds.requests()).singleElement()
        .satisfies(r -> assertThat(r.param("resource")).isEqualTo("https://management.usgovcloudapi.net/"));
  }

  @Test
  void hasNothingToResolveWhenTheHostIsSetOrThereIsNoResourceId() {
    assertThat(AzureWorkspaceHost.resolve(AZURE.config("host", FakeAzure.WORKSPACE,
        "azure_workspace_resource_id", RESOURCE_ID, "azure_use_msi", "true"))).isEmpty();
    assertThat(AzureWorkspaceHost.resolve(AZURE.config("azure_use_msi", "true"))).isEmpty();
    assertThat(AZURE.imds.requests()).isEmpty();
    assertThat(AZURE.arm.requests()).isEmpty();
  }

  @Test
  void anUnknownWorkspaceIsNotFoundWithTheServiceMessage() {
    AZURE.arm.route("GET", RESOURCE_ID, r -> Reply.json(404,
        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'ws' was not found.\"}}"));
    ConfigView config = AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_use_msi", "true");

    assertThatThrownBy(() -> AzureWorkspaceHost.resolve(config))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("azure_workspace_resource_id=" + RESOURCE_ID)
        .hasMessageContaining("HTTP 404: The Resource 'ws' was not found.")
        .cause().isInstanceOf(NotFound.class)
        .satisfies(e -> assertThat(((NotFound) e).errorCode()).isEqualTo("ResourceNotFound"));
  }

  @Test
  void aServicePrincipalNeedsItsTenantWithoutAHost() {
    ConfigView config = AZURE.config("azure_workspace_resource_id", RESOURCE_ID, "azure_client_id",
        FakeAzure.CLIENT_ID, "azure_client_secret", SECRET);

    assertThatThrownBy(() -> AzureWorkspaceHost.resolve(config))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("azure_tenant_id is needed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
