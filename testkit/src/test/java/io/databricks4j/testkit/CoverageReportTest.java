package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.internal.generic.Coverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/emulator-coverage.md is what {@code emulator --coverage} prints, and the emulator serves
 * at least 85% of the operations of the description.
 */
class CoverageReportTest {
  @Test
  void theCommittedReportIsTheGeneratedOneAndShowsAtLeast85PercentEmulated() throws IOException {
    String generated = Emulator.coverageReport();
    String summary = generated.lines().filter(l -> l.startsWith("**1221 operations")).findFirst().orElseThrow();
    double emulated = Double.parseDouble(summary.substring(summary.indexOf('(') + 1, summary.indexOf('%')));
    assertThat(emulated).as(summary).isGreaterThanOrEqualTo(85.0);
    Path committed = Path.of(System.getProperty("emulator.coverage.file", "../docs/emulator-coverage.md"));
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("docs/emulator-coverage.md is stale; regenerate it with "
            + "java -jar cli/target/databricks4j-cli.jar emulator --coverage > docs/emulator-coverage.md")
        .isEqualTo(generated);
  }

  @Test
  void everyOperationHasAStatusAndEveryOneNotEmulatedSaysWhy() {
    try (LocalWorkspace ws = LocalWorkspace.builder().pageSize(1000).start()) {
      Coverage c = ws.server().coverage();
      assertThat(c.entries()).hasSize(1221);
      assertThat(c.entries()).filteredOn(e -> e.status() == Coverage.Status.NOT_EMULATED)
          .allSatisfy(e -> assertThat(e.detail()).isNotBlank().isNotEqualTo("no emulation"));
      assertThat(c.count(Coverage.Status.HAND_WRITTEN)).isGreaterThan(250);
    }
  }
}
