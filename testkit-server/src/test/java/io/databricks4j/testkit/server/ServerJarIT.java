package io.databricks4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * databricks4j-emulator.jar holds the emulator and Jackson and nothing of the SDK, and answers API
 * calls when it is all there is: {@code java -jar} in a child process, from a directory of its own.
 */
class ServerJarIT {
  static final Path JAR = Path.of(System.getProperty("emulator.jar", "target/databricks4j-emulator.jar"));
  static final String TOKEN = "dapi-server-it";

  @Test
  void theJarHoldsTheEmulatorAndJacksonAndNothingOfTheSdk() throws IOException {
    List<String> classes;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      classes = Collections.list(jar.entries()).stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
          .toList();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.databricks4j.testkit.Emulator");
      assertThat(jar.getEntry("io/databricks4j/testkit/api/compute.json")).as("the API description").isNotNull();
    }
    assertThat(classes).isNotEmpty().allSatisfy(c -> assertThat(c).matches(
        "(META-INF/versions/\\d+/)?(io/databricks4j/testkit/|com/fasterxml/jackson/).*"));
    assertThat(classes).noneMatch(c -> c.startsWith("io/databricks4j/core/") || c.startsWith("io/databricks4j/service/")
        || c.startsWith("io/databricks4j/testkit/junit/") || c.startsWith("io/databricks4j/testkit/LocalWorkspace"));
  }

  @Test
  void noClassOfTheJarNeedsAClassItLacks() {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("run the build on a JDK"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
        "--multi-release", "17", "--missing-deps", JAR.toString());
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(report).isZero();
    assertThat(report.lines().filter(l -> l.contains("io.databricks4j")))
        .as("classes of the emulator that refer to classes not in the jar nor in the JDK").isEmpty();
  }

  @Test
  void answersApiCallsWithNothingElseOnTheClassPath(@TempDir Path dir) throws IOException {
    Path alone = Files.copy(JAR, dir.resolve("databricks4j-emulator.jar"));
    try (EmulatorProcess emulator = EmulatorProcess.start(List.of(EmulatorProcess.java(), "-jar", alone.toString(),
        "--port", "0", "--token", TOKEN, "--cluster-start-delay", "100"), Map.of(), dir)) {
      assertThat(emulator.banner()).contains(TOKEN, "sql:        no");
      Http api = new Http(emulator.host(), TOKEN);

      String cluster = api.post("/api/2.1/clusters/create", "{\"cluster_name\":\"it\",\"spark_version\":"
          + "\"15.4.x-scala2.12\",\"num_workers\":1}").get("cluster_id").asText();
      assertThat(api.await("/api/2.1/clusters/get?cluster_id=" + cluster,
          c -> c.path("state").asText().equals("RUNNING"), java.time.Duration.ofSeconds(30)).path("cluster_name")
          .asText()).isEqualTo("it");
      assertThat(api.post("/api/2.0/apps", "{\"name\":\"generic-app\"}").path("name").asText())
          .as("a generic operation").isEqualTo("generic-app");
      Http.Response sql = api.send("POST", "/api/2.0/sql/statements", "{\"warehouse_id\":\"x\",\"statement\":\"SELECT 1\"}");
      assertThat(sql.status()).isEqualTo(501);
      assertThat(sql.json().path("message").asText()).contains("io.databricks4j:testkit-sql");
      assertThat(new Http(emulator.host(), "wrong").send("GET", "/api/2.1/clusters/list", null).status())
          .isEqualTo(403);

      Http control = new Http(emulator.host(), null);
      assertThat(control.get("/testkit/health").path("status").asText()).isEqualTo("OK");
      assertThat(control.get("/testkit/journal").path("entries").findValuesAsText("operation"))
          .contains("Clusters.create", "Clusters.get", "Apps.create", "StatementExecution.executeStatement");
      assertThat(emulator.stop()).as("SIGTERM stops it cleanly").isIn(0, 143);
    }
  }

  @Test
  void refusesBadOptionsWithItsUsage(@TempDir Path dir) throws Exception {
    Process p = new ProcessBuilder(EmulatorProcess.java(), "-jar", JAR.toString(), "--nope", "1")
        .redirectErrorStream(true).directory(dir.toFile()).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(printed).contains("unknown option --nope", "usage: emulator", "--state-dir");
  }
}
