package io.databricks4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.Cloud;
import org.junit.jupiter.api.Test;

class HostsTest {
  @Test
  void theCloudOfAHostIsItsDomainsIncludingTheAzureGovernmentAndChinaAccountConsoles() {
    assertThat(Hosts.cloud("https://adb-1.2.azuredatabricks.net", null, false)).isEqualTo(Cloud.AZURE);
    assertThat(Hosts.cloud("https://adb-1.2.databricks.azure.us", null, false)).isEqualTo(Cloud.AZURE);
    assertThat(Hosts.cloud("https://accounts.azuredatabricks.us", null, false)).isEqualTo(Cloud.AZURE);
    assertThat(Hosts.cloud("https://accounts.azuredatabricks.cn", null, false)).isEqualTo(Cloud.AZURE);
    assertThat(Hosts.cloud("https://1.1.gcp.databricks.com", null, false)).isEqualTo(Cloud.GCP);
    assertThat(Hosts.cloud("https://accounts.cloud.databricks.com", null, false)).isEqualTo(Cloud.AWS);
  }
}
