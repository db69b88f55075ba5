package io.databricks4j.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyFormatterTest {
  private static String format(int limit, String body, boolean secrets) {
    return new BodyFormatter(limit).format(body.getBytes(StandardCharsets.UTF_8), secrets);
  }

  @Test
  void redactsSecretFieldsAtAnyDepth() {
    String out = format(96, "{\"items\":[{\"token\":\"t1\",\"comment\":\"c\"}],\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}",
        false);
    assertThat(out).contains("\"token\" : \"**REDACTED**\"").contains("\"comment\" : \"c\"")
        .contains("\"value\" : \"v\"");
    assertThat(format(96, "{\"key\":\"k\",\"value\":\"s3cr3t\"}", true)).contains("\"value\" : \"**REDACTED**\"")
        .doesNotContain("s3cr3t");
  }

  @Test
  void cutsLongStringsArraysAndText() {
    assertThat(format(10, "{\"s\":\"" + "a".repeat(25) + "\"}", false)).contains("aaaaaaaaaa... (15 more bytes)");
    StringBuilder arr = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      arr.append(i == 0 ? "" : ",").append(i);
    }
    assertThat(format(96, arr + "]", false)).contains("additional elements)").doesNotContain("199");
    assertThat(format(5, "plain text body", false)).isEqualTo("plain... (10 more bytes)");
  }

  @Test
  void usesTheDatabricksLoggerName() {
    assertThat(HttpLogger.LOGGER_NAME).isEqualTo("io.databricks4j");
    assertThat(Redaction.isSecretHeader("X-Databricks-GCP-SA-Access-Token")).isTrue();
    assertThat(Redaction.isSecretHeader("Authorization")).isTrue();
    assertThat(Redaction.isSecretHeader("X-Databricks-Workspace-Id")).isFalse();
  }
}
