package io.databricks4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.benchmarks.report.Report;
import io.databricks4j.benchmarks.report.Row;
import io.databricks4j.benchmarks.report.Section;
import io.databricks4j.benchmarks.run.ClassPaths;
import io.databricks4j.benchmarks.run.Plan;
import io.databricks4j.benchmarks.run.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each workload runs a few short iterations end to end (JMH in this JVM, small sizes). This checks
 * that the benchmark works, not how fast anything is: the figures are printed, never asserted.
 */
class BenchmarksSmokeTest {
  private static final Path ROOT = Main.findRoot(Path.of(System.getProperty("bench.root", "..")).toAbsolutePath());

  @TempDir
  Path logs;

  private Section run(String workload) {
    List<Section> sections;
    try {
      sections = new Suite(Plan.quick(), ROOT, logs, false, System.out).run(List.of(workload));
    } catch (ClassPaths.Unresolved e) {
      // an application's class path needs artifacts this build never downloaded (the official SDK's own versions)
      Assumptions.abort(e.getMessage() + " Run `mvn dependency:get -Dartifact=com.databricks:databricks-sdk-java:"
          + "<version>` once to test the cold-start and footprint workloads.");
      throw e;
    }
    assertThat(sections).hasSize(1);
    Section s = sections.get(0);
    System.out.println(s.details());
    assertThat(s.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.databricks4j()).matches("[0-9].*"));
    return s;
  }

  @Test
  void smallGetIsTimedForEveryPeer() {
    Section s = run("1");
    assertThat(s.rows()).extracting(Row::metric).containsExactly("p50 µs", "p99 µs");
    assertThat(s.rows()).allSatisfy(r -> assertThat(r.official()).matches("[0-9].*"));
    assertThat(s.rows()).allSatisfy(r -> assertThat(r.floor()).matches("[0-9].*"));
  }

  @Test
  void throughputRunsSixteenThreadsOnOneClient() {
    assertThat(run("2").rows().get(0).floor()).matches("[0-9].*");
  }

  @Test
  void coldStartLaunchesEachPeerAndConstructionSendsNothing() {
    Section s = run("3");
    Row construction = s.rows().get(1);
    assertThat(construction.databricks4j()).isEqualTo("0 / 0 / 0");
    assertThat(construction.met()).isTrue();
  }

  @Test
  void listingWalksEveryPageLazily() {
    Section s = run("4");
    assertThat(s.details()).contains("2,000 clusters");
    assertThat(s.rows().get(1).met()).isNotNull();
  }

  @Test
  void filesStreamUpAndDownAndRanged() {
    Section s = run("5");
    assertThat(s.rows()).extracting(Row::workload).anyMatch(w -> w.startsWith("5 upload"))
        .anyMatch(w -> w.startsWith("5 download")).anyMatch(w -> w.startsWith("5 ranged download"));
  }

  @Test
  void footprintResolvesEachApplication() {
    Section s = run("6");
    assertThat(s.rows()).hasSize(5);
    assertThat(s.details()).contains("official SDK", "databricks4j, PAT + auth-azure", "service-compute",
        "every service (services-workspace)");
  }

  @Test
  void retriesUnderInjected503sAreAccountedFor() {
    assertThat(run("7").rows()).extracting(Row::workload).anyMatch(w -> w.startsWith("7 throughput"));
  }

  @Test
  void reportKeepsTheTextAroundTheGeneratedBlock(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("benchmarks.md");
    Files.writeString(doc, "# Benchmarks\n\nintro\n\n" + Report.BEGIN + "\nold\n" + Report.END + "\n\n## Findings\n\nkept\n");
    Report.write(doc, Report.markdown(Map.of("CPU", "test"), "quick", List.of()));
    String text = Files.readString(doc);
    assertThat(text).contains("intro", "## Findings", "kept", "### Summary").doesNotContain("\nold\n");
  }
}
