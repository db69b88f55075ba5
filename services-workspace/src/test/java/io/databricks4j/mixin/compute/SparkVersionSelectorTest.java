package io.databricks4j.mixin.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.compute.SparkVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkVersionSelectorTest {
  private static SparkVersion v(String key, String name) {
    return SparkVersion.builder().key(key).name(name).build();
  }

  static final List<SparkVersion> VERSIONS = List.of(
      v("9.1.x-scala2.12", "9.1 LTS (includes Apache Spark 3.1.2, Scala 2.12)"),
      v("17.3.x-scala2.13", "17.3 LTS (includes Apache Spark 4.0.0, Scala 2.13)"),
      v("16.4.x-scala2.12", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"),
      v("16.4.x-photon-scala2.12", "16.4 LTS Photon (includes Apache Spark 3.5.2, Scala 2.12)"),
      v("16.3.x-scala2.12", "16.3 (includes Apache Spark 3.5.2, Scala 2.12)"),
      v("16.5.x-scala2.12", "16.5 Beta (includes Apache Spark 3.5.2, Scala 2.12)"),
      v("15.4.x-scala2.12", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"),
      v("15.4.x-cpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"),
      v("15.4.x-gpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)"),
      v("15.4.x-aarch64-scala2.12", "15.4 LTS aarch64 (includes Apache Spark 3.5.0, Scala 2.12)"),
      v("apache-spark-2.4.x-scala2.11", "Light 2.4 (includes Apache Spark 2.4, Scala 2.11)"));

  private static String select(SparkVersionQuery.Builder q) {
    return SparkVersionSelector.select(VERSIONS, q.build());
  }

  @Test
  void latestPlainRuntimeComparesVersionsNumericallyNotAsText() {
    assertThat(select(SparkVersionQuery.builder())).isEqualTo("16.4.x-scala2.12");
  }

  @Test
  void longTermSupportMlGpuPhotonGravitonAndScalaNarrowTheChoice() {
    assertThat(select(SparkVersionQuery.builder().longTermSupport(true))).isEqualTo("16.4.x-scala2.12");
    assertThat(select(SparkVersionQuery.builder().ml(true))).isEqualTo("15.4.x-cpu-ml-scala2.12");
    assertThat(select(SparkVersionQuery.builder().ml(true).gpu(true))).isEqualTo("15.4.x-gpu-ml-scala2.12");
    assertThat(select(SparkVersionQuery.builder().photon(true))).isEqualTo("16.4.x-photon-scala2.12");
    assertThat(select(SparkVersionQuery.builder().graviton(true))).isEqualTo("15.4.x-aarch64-scala2.12");
    assertThat(select(SparkVersionQuery.builder().scala("2.13"))).isEqualTo("17.3.x-scala2.13");
    assertThat(select(SparkVersionQuery.builder().beta(true))).isEqualTo("16.5.x-scala2.12");
    assertThat(select(SparkVersionQuery.builder().sparkVersion("3.5.0"))).isEqualTo("15.4.x-scala2.12");
  }

  @Test
  void nothingMatchingIsAnErrorListingWhatExists() {
    assertThatThrownBy(() -> select(SparkVersionQuery.builder().scala("2.10")))
        .isInstanceOf(DatabricksException.class)
        .hasMessageContaining("no Spark version matches SparkVersionQuery{scala=2.10")
        .hasMessageContaining("17.3.x-scala2.13, 16.5.x-scala2.12");
  }

  @Test
  void severalMatchesWithoutLatestIsAnErrorNamingThem() {
    assertThatThrownBy(() -> select(SparkVersionQuery.builder().latest(false).longTermSupport(true)))
        .isInstanceOf(DatabricksException.class)
        .hasMessageContaining("3 Spark versions match")
        .hasMessageContaining("16.4.x-scala2.12, 15.4.x-scala2.12, 9.1.x-scala2.12");
    assertThat(select(SparkVersionQuery.builder().latest(false).photon(true))).isEqualTo("16.4.x-photon-scala2.12");
  }
}
