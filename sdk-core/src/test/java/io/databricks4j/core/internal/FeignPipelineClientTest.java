package io.databricks4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeignPipelineClientTest {
  @Test
  void takesTheEncodedPathAndQueryOfTheUrl() {
    assertThat(FeignPipelineClient.pathAndQuery("http://127.0.0.1:8080/api/2.0/x%20y?a=1&b=c%2Fd")).isEqualTo("/api/2.0/x%20y?a=1&b=c%2Fd");
    assertThat(FeignPipelineClient.pathAndQuery("https://h.cloud.databricks.com/api/2.1/clusters/get")).isEqualTo("/api/2.1/clusters/get");
    assertThat(FeignPipelineClient.pathAndQuery("https://h.cloud.databricks.com")).isEqualTo("/");
    assertThat(FeignPipelineClient.pathAndQuery("https://h.cloud.databricks.com?x=1")).isEqualTo("/?x=1");
  }
}
