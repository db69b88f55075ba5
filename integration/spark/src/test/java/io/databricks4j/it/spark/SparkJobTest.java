package io.databricks4j.it.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark local-mode job: four tasks each build a client from databricks4j-all and list the
 * clusters of an emulated workspace (a separate JVM on 127.0.0.1), and Spark reads what they
 * report as a JSON DataFrame with its own Jackson.
 */
class SparkJobTest {
  private static Process emulator;
  private static String host;
  private static String token;

  @TempDir Path work;

  @BeforeAll
  static void startEmulator() throws Exception {
    Path jar = Path.of(System.getProperty("emulator.jar"));
    emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "emulator", "--port", "0").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> seen = new ArrayList<>();
    while ((host == null || token == null) && System.nanoTime() < deadline) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      seen.add(line);
      String t = line.trim();
      if (t.startsWith("host:")) {
        host = t.substring("host:".length()).trim();
      } else if (t.startsWith("token:")) {
        token = t.substring("token:".length()).trim();
      }
    }
    assertThat(host).as("the emulator's host line in " + seen).startsWith("http://127.0.0.1:");
    assertThat(token).as("the emulator's token line in " + seen).isNotBlank();
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
    drain.setDaemon(true);
    drain.start();
  }

  @AfterAll
  static void stopEmulator() throws InterruptedException {
    if (emulator != null) {
      emulator.destroy();
      emulator.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void fourTasksListClustersAndSparkReadsTheirReportAsJson() {
    List<String> ids = new ArrayList<>();
    try (WorkspaceClient w = client(host, token)) {
      for (String name : List.of("etl-nightly", "adhoc")) {
        ids.add(w.clusters().create(CreateCluster.builder().clusterName(name).sparkVersion("15.4.x-scala2.12")
            .nodeTypeId("i3.xlarge").numWorkers(1L).build()).response().clusterId());
      }
      assertThat(WorkspaceClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .as("the SDK comes from the relocated jar").contains("databricks4j-all");
    }

    SparkSession spark = SparkSession.builder().master("local[4]").appName("databricks4j-" + System.getProperty("expected.spark.version"))
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.warehouse.dir", work.resolve("warehouse").toString())
        .config("spark.local.dir", work.resolve("local").toString())
        .getOrCreate();
    try {
      assertThat(spark.version()).isEqualTo(System.getProperty("expected.spark.version"));
      assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
          .as("Spark keeps its own Jackson").isEqualTo(System.getProperty("expected.jackson.version"));

      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      List<String> report = jsc.parallelize(List.of(0, 1, 2, 3), 4).flatMap(new ListClusters(host, token)).collect();

      // Spark's JSON reader (its Jackson) parses what the tasks wrote
      Dataset<Row> rows = spark.read().json(spark.createDataset(report, Encoders.STRING()));
      assertThat(rows.count()).isEqualTo(8);
      assertThat(rows.select("partition").distinct().count()).as("four tasks").isEqualTo(4);
      assertThat(rows.select("auth_type").distinct().collectAsList()).extracting(r -> r.getString(0)).containsExactly("pat");
      Map<String, Long> perCluster = new TreeMap<>();
      rows.groupBy("cluster_id").count().collectAsList().forEach(r -> perCluster.put(r.getString(0), r.getLong(1)));
      assertThat(perCluster).containsOnlyKeys(ids).containsValues(4L, 4L);
      assertThat(rows.filter("cluster_name = 'etl-nightly'").count()).isEqualTo(4);
    } finally {
      spark.stop();
    }
  }

  private static WorkspaceClient client(String host, String token) {
    return new WorkspaceClient(DatabricksConfig.builder().host(host).token(token).build());
  }

  /** Runs in a Spark task: one JSON line per cluster, written by hand so that only Spark parses JSON. */
  static final class ListClusters implements FlatMapFunction<Integer, String> {
    private static final long serialVersionUID = 1L;
    private final String host;
    private final String token;

    ListClusters(String host, String token) {
      this.host = host;
      this.token = token;
    }

    @Override
    public java.util.Iterator<String> call(Integer task) {
      List<String> lines = new ArrayList<>();
      try (WorkspaceClient w = client(host, token)) {
        for (ClusterDetails c : w.clusters().list(ListClustersRequest.builder().build())) {
          lines.add("{\"task\":" + task + ",\"partition\":" + TaskContext.getPartitionId()
              + ",\"cluster_id\":" + quote(c.clusterId()) + ",\"cluster_name\":" + quote(c.clusterName())
              + ",\"state\":" + quote(String.valueOf(c.state())) + ",\"auth_type\":" + quote(w.apiClient().authType()) + "}");
        }
      }
      return lines.iterator();
    }

    private static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
