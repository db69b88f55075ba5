package io.databricks4j.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/migration.md is up to date: its tables match the API description and both SDKs, its code
 * matches the tasks that MigrationTasksTest runs. Regenerate with
 * {@code mvn -pl examples/migration test -Dmigration.doc.write=true}.
 */
class MigrationDocTest {
  private static final Path DOC = Path.of(System.getProperty("migration.doc"));
  private static final ApiDescription API = ApiDescription.load(Path.of(System.getProperty("codegen.api.dir")),
      Path.of(System.getProperty("codegen.mixins")));

  @Test
  void theGuideMatchesTheDescriptionBothSdksAndTheTasks() throws IOException {
    ServiceTable services = new ServiceTable(API);
    MigrationDoc doc = new MigrationDoc(Path.of(System.getProperty("migration.sources")), name -> switch (name) {
      case "services" -> services.render();
      case "config" -> new ConfigTable().render();
      default -> throw new IllegalArgumentException("unknown generated region " + name);
    });
    String current = Files.readString(DOC, StandardCharsets.UTF_8);
    String fresh = doc.render(current);
    assertThat(services.mismatches()).as("the naming rules against both SDKs").isEmpty();
    if (Boolean.getBoolean("migration.doc.write")) {
      Files.writeString(DOC, fresh, StandardCharsets.UTF_8);
    }
    assertThat(MigrationDoc.regions(current)).contains("generated:services", "generated:config", "snippet:client",
        "snippet:list-clusters", "snippet:create-cluster", "snippet:not-found", "snippet:run-job", "snippet:latest-runs",
        "snippet:files", "snippet:notebook", "snippet:secrets", "snippet:me");
    assertThat(current).as("docs/migration.md is stale: run mvn -pl examples/migration test -Dmigration.doc.write=true")
        .isEqualTo(fresh);
  }

  @Test
  void everyServiceOfTheDescriptionHasARow() throws IOException {
    String table = new ServiceTable(API).render();
    assertThat(table.lines().filter(l -> l.startsWith("| `"))).hasSize(API.services.size());
    assertThat(API.services).hasSizeGreaterThan(190);
  }
}
