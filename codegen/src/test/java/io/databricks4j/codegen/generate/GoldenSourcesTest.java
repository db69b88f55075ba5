package io.databricks4j.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.codegen.model.DescriptionIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of three representative services are committed under
 * {@code src/test/resources/golden}: a change to the generator or the description shows as their
 * diff. {@code mvn -pl codegen -Pregenerate} rewrites them.
 */
class GoldenSourcesTest {
  static final Path ROOT = Path.of(System.getProperty("codegen.repo.root", ".."));
  private static final String HOW = "the generated source changed: run mvn -pl codegen -Pregenerate, then review "
      + "git diff codegen/src/test/resources/golden and commit it";

  @Test
  void theGeneratedSourcesAreTheGoldenOnes() throws IOException {
    Plan plan = new Plan(DescriptionIo.readPackages(ROOT.resolve("codegen/api")),
        Generator.readMixins(ROOT.resolve("codegen/mixins.json")));
    Map<String, String> sources = Golden.sources(plan);
    Path dir = ROOT.resolve(Golden.DIR);

    assertThat(onDisk(dir)).as(HOW).containsExactlyInAnyOrderElementsOf(sources.keySet());
    for (Map.Entry<String, String> e : sources.entrySet()) {
      assertThat(Files.readString(dir.resolve(e.getKey()))).as(e.getKey() + ": " + HOW).isEqualTo(e.getValue());
    }
  }

  @Test
  void theGoldenClustersServiceNamesNoClassByItsQualifiedName() throws IOException {
    String clusters = Files.readString(ROOT.resolve(Golden.DIR).resolve("io/databricks4j/service/compute/ClustersApi.java"));
    assertThat(GeneratorTest.qualifiedNamesInBody(clusters)).isEmpty();
  }

  private static List<String> onDisk(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    }
  }
}
