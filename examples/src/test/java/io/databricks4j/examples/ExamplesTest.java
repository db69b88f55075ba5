package io.databricks4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.service.jobs.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each example runs to its end against an embedded local workspace and prints what it promises. */
class ExamplesTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void startJobAndWaitPrintsEachChangeOfStateAndTheOutcome() {
    try (ExampleWorkspace ws = ExampleWorkspace.local()) {
      long jobId = StartJobAndWait.createDemoJob(ws.client());
      Run run = StartJobAndWait.run(ws.client(), jobId, out);
      assertThat(String.valueOf(run.state().resultState())).isEqualTo("SUCCESS");
    }
    assertThat(output()).contains("Started run").contains("prepare=").contains("report=")
        .contains("TERMINATED/SUCCESS").containsPattern("Run \\d+ ended: SUCCESS");
  }

  @Test
  void lastRunsSummaryCountsOutcomes() {
    try (ExampleWorkspace ws = ExampleWorkspace.local()) {
      LastRunsSummary.runDemoJobs(ws.client());
      Map<String, Integer> counts = LastRunsSummary.summarize(ws.client(), 20, out);
      assertThat(counts).containsEntry("SUCCESS", 2).containsEntry("FAILED", 2);
    }
    assertThat(output()).contains("nightly-etl").contains("report-that-fails").contains("4 run(s)");
  }

  @Test
  void dbfsReadWriteRoundTripsAndCleansUp() {
    try (ExampleWorkspace ws = ExampleWorkspace.local()) {
      DbfsReadWrite.run(ws.client(), out);
      assertThat(ws.client().dbfs().list("/tmp", false)).isEmpty();
    }
    assertThat(output()).contains("read: line 1", "read: line 3", "same bytes: true", "3,145,728 of 3,145,728 bytes",
        "deleted dbfs:/tmp/databricks4j-example-");
  }

  @Test
  void listSecretsListsKeysNeverValues() {
    try (ExampleWorkspace ws = ExampleWorkspace.local()) {
      ListSecrets.createDemoScope(ws.client());
      assertThat(ListSecrets.run(ws.client(), out)).isEqualTo(2);
    }
    assertThat(output()).contains("example-jdbc", "  username", "  password").doesNotContain("s3cr3t");
  }

  @Test
  void selectClusterSettingsChoosesFromTheWorkspacesCatalogue() {
    try (ExampleWorkspace ws = ExampleWorkspace.local()) {
      Map<String, String> chosen = SelectClusterSettings.run(ws.client(), out);
      assertThat(chosen).containsEntry("latest LTS runtime", "16.4.x-scala2.12")
          .containsEntry("latest LTS ML runtime", "15.4.x-cpu-ml-scala2.12")
          .containsEntry("smallest node with a local disk", "m5d.large")
          .containsEntry("smallest GPU node", "g4dn.xlarge");
    }
  }
}
