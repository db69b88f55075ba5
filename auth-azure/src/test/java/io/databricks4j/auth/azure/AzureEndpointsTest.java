package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.AzureEnvironment;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.azure.internal.AzureEndpoints;
import io.databricks4j.auth.testing.MapConfigView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AzureEndpointsTest {

  @ParameterizedTest
  @CsvSource({"PUBLIC,PUBLIC", "public,PUBLIC", "AzurePublicCloud,PUBLIC", "USGOVERNMENT,USGOVERNMENT",
      "usgovernment,USGOVERNMENT", "AzureUSGovernment,USGOVERNMENT", "CHINA,CHINA", "china,CHINA",
      "AzureChinaCloud,CHINA"})
  void azureEnvironmentIsCaseInsensitiveAndKeepsTheLegacyNames(String name, AzureEnvironment expected) {
    assertThat(AzureEndpoints.of(MapConfigView.of("azure_environment", name)).environment()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"https://adb-1.2.azuredatabricks.net,PUBLIC", "https://adb-1.2.databricks.azure.us,USGOVERNMENT",
      "https://adb-1.2.databricks.azure.cn,CHINA"})
  void withoutAzureEnvironmentTheHostDecides(String host, AzureEnvironment expected) {
    assertThat(AzureEndpoints.of(MapConfigView.of("host", host)).environment()).isEqualTo(expected);
  }

  @Test
  void anUnknownEnvironmentNamesTheKnownOnes() {
    assertThatThrownBy(() -> AzureEndpoints.of(MapConfigView.of("azure_environment", "GERMANY")))
        .isInstanceOf(CredentialsException.class)
        .hasMessage("azure_environment=GERMANY is not an Azure cloud Databricks runs in: use PUBLIC, USGOVERNMENT or CHINA");
  }

  @Test
  void eachCloudHasItsOwnEndpoints() {
    assertThat(AzureEndpoints.of(AzureEnvironment.CHINA).authorityHost()).isEqualTo("https://login.chinacloudapi.cn");
    assertThat(AzureEndpoints.of(AzureEnvironment.USGOVERNMENT).serviceManagementScope())
        .isEqualTo("https://management.core.usgovcloudapi.net//.default");
    assertThat(AzureEndpoints.of(AzureEnvironment.PUBLIC).databricksScope())
        .isEqualTo("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default");
  }
}
