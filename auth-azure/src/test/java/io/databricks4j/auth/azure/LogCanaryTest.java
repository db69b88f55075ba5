package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An Azure client-secret flow (tenant discovery, instance discovery, both tokens, a rejected secret,
 * a failing token endpoint) with every java.util.logging logger at ALL, System.Logger and SLF4J
 * (through slf4j-jdk14, so MSAL and azure-core log at DEBUG and TRACE too) included: neither the
 * client secret nor the tokens appear in any log record or exception.
 */
class LogCanaryTest {
  static final String SECRET = "CANARY-secret-123";
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure(SECRET);

  @Test
  void noSecretInAnyLogRecord() {
    List<String> exceptions = new ArrayList<>();
    List<String> lines;
    try (LogCapture logs = new LogCapture("com.azure", "com.microsoft.aad.msal4j", "io.databricks4j")) {
      AZURE.tokenSuffix = "-" + SECRET;
      HeaderFactory headers = new AzureClientSecretStrategy().configure(AZURE.config("host", FakeAzure.WORKSPACE,
          "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET)).orElseThrow();
      assertThat(headers.headers().get("Authorization")).endsWith(SECRET);

      Throwable rejected = catchThrowable(() -> new AzureClientSecretStrategy().configure(AZURE.config("host",
          FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", "wrong-" + SECRET))
          .orElseThrow().headers());
      AZURE.aad.route("POST", "/" + FakeAzure.TENANT + "/oauth2/v2.0/token",
          r -> Reply.json(500, "{\"error\":\"server_error\",\"error_description\":\"try later\"}"));
      Throwable failing = catchThrowable(() -> new AzureClientSecretStrategy().configure(AZURE.config("host",
          FakeAzure.WORKSPACE, "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", "other-" + SECRET))
          .orElseThrow().headers());
      for (Throwable t : new Throwable[] {rejected, failing}) {
        assertThat(t).isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
          exceptions.add(c.toString());
        }
      }
      lines = logs.lines();
      assertThat(logs.linesContaining(SECRET)).isEmpty();
    }
    assertThat(lines).as("MSAL logs through SLF4J into the capture").anyMatch(l -> l.startsWith("com.microsoft.aad.msal4j"));
    assertThat(lines).as("azure-identity logs through SLF4J into the capture").anyMatch(l -> l.startsWith("com.azure"));
    assertThat(exceptions).isNotEmpty().noneMatch(t -> t.contains(SECRET));
  }
}
