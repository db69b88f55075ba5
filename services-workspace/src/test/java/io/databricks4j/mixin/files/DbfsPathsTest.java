package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DbfsPathsTest {
  @Test
  void everySpellingNamesTheSameAbsolutePath() {
    assertThat(DbfsPaths.normalize("/tmp/x")).isEqualTo("/tmp/x");
    assertThat(DbfsPaths.normalize("dbfs:/tmp/x")).isEqualTo("/tmp/x");
    assertThat(DbfsPaths.normalize("dbfs:///tmp/x")).isEqualTo("/tmp/x");
    assertThat(DbfsPaths.normalize("DBFS:/tmp/x/")).isEqualTo("/tmp/x");
    assertThat(DbfsPaths.normalize("dbfs:/")).isEqualTo("/");
    assertThat(DbfsPaths.uri("/tmp/x")).isEqualTo("dbfs:/tmp/x");
  }

  @Test
  void relativePathsAndHostsAreRejectedWithTheSpellingsThatWork() {
    assertThatThrownBy(() -> DbfsPaths.normalize("tmp/x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute").hasMessageContaining("dbfs:/tmp/x");
    assertThatThrownBy(() -> DbfsPaths.normalize("dbfs://host/x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dbfs:///x");
    assertThatThrownBy(() -> DbfsPaths.normalize("")).isInstanceOf(IllegalArgumentException.class);
  }
}
