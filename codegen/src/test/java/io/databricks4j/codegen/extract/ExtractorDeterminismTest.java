package io.databricks4j.codegen.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-extracting from the same sources jar reproduces the committed description byte for byte. */
class ExtractorDeterminismTest {
  @TempDir Path out;

  @Test
  void reExtractionReproducesTheCommittedDescription() throws IOException {
    Path api = Path.of(System.getProperty("codegen.api.dir", "api"));
    String version = DescriptionIo.readIndex(api).sourceVersion();
    // the local repository Maven uses (set by the build), else the default one
    Path repo = Path.of(System.getProperty("codegen.local.repository",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path jar = repo.resolve(Path.of("com", "databricks", "databricks-sdk-java", version,
        "databricks-sdk-java-" + version + "-sources.jar"));
    assumeTrue(Files.isRegularFile(jar), "sources jar not in the local repository (run the extract profile once): " + jar);

    new Extractor(SourceSet.load(jar)).run(version).write(out);

    List<String> committed = names(api);
    assertThat(names(out)).isEqualTo(committed);
    for (String name : committed) {
      assertThat(Files.readString(out.resolve(name)))
          .as(name + " differs from a fresh extraction; run the extract profile and commit")
          .isEqualTo(Files.readString(api.resolve(name)));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }
}
