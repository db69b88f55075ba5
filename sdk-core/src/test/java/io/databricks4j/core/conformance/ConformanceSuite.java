package io.databricks4j.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Locates the cross-SDK conformance suite given by {@code -Dconformance.dir}. */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  /** The suite folder, or the test is skipped with the reason. */
  public static Path dir() {
    String d = System.getProperty("conformance.dir");
    Optional<Path> p = Optional.ofNullable(d).map(Path::of).filter(Files::isDirectory);
    Assumptions.assumeTrue(p.isPresent(), "conformance suite not found: set -Dconformance.dir to the shared/conformance folder"
        + (d == null ? "" : " (" + d + " does not exist)"));
    return p.get().toAbsolutePath().normalize();
  }

  public static JsonNode read(String file) {
    try {
      return new ObjectMapper().readTree(dir().resolve(file).toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " of the conformance suite", e);
    }
  }

  /** Replaces {@code $TESTDATA} and {@code $EMPTY_HOME}. */
  public static String expand(String s) {
    Path testdata = dir().resolve("testdata");
    return s.replace("$EMPTY_HOME", testdata.resolve("empty_home").toString()).replace("$TESTDATA", testdata.toString());
  }
}
