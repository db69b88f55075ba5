package io.databricks4j.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application in a JVM of its own with {@code --module-path} (the test itself runs
 * on the class path) against an emulated workspace, configured the way a user would: environment
 * variables.
 */
class ModularAppIT {
  private static final Path APP_JAR = Path.of(System.getProperty("modular.app.jar"));
  private static final Path MODULE_PATH = Path.of(System.getProperty("modular.app.module.path"));

  @Test
  void listsClustersOnTheModulePathWithOnlyTheComputePackage() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.start(); WorkspaceClient setup = ws.client()) {
      String id = setup.clusters().create(CreateCluster.builder().clusterName("modular-etl")
          .sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge").numWorkers(1L).build()).response().clusterId();

      Result run = runApp(Map.of("DATABRICKS_HOST", ws.host(), "DATABRICKS_TOKEN", ws.token()));

      assertThat(run.exitCode).as(run.output).isZero();
      assertThat(run.output)
          .contains("cluster " + id + " modular-etl")
          .contains("clusters: 1")
          .contains("auth type: pat")
          .contains("client module: io.databricks4j.services.workspace.client")
          .contains("app module: io.databricks4j.examples.modular")
          .doesNotContain("io.databricks4j.service.sql")
          .doesNotContain("io.databricks4j.service.jobs");
      assertThat(run.output).containsPattern("modules resolved: \\[[^\\]]*io\\.databricks4j\\.auth\\.pat[^\\]]*\\]");
    }
  }

  @Test
  void theModulePathHoldsComputeAndNoOtherApiPackage() throws IOException {
    try (Stream<Path> jars = Files.list(MODULE_PATH)) {
      assertThat(jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("service-")))
          .singleElement().asString().startsWith("service-compute-");
    }
  }

  private static Result runApp(Map<String, String> env) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(),
        "--module-path", APP_JAR + File.pathSeparator + MODULE_PATH,
        "--module", "io.databricks4j.examples.modular/io.databricks4j.examples.modular.ListClusters"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // the child sees only what the test gives it, never the developer's own workspace settings
    pb.environment().keySet().removeIf(k -> k.startsWith("DATABRICKS_") || k.startsWith("ARM_") || k.startsWith("GOOGLE_"));
    pb.environment().put("HOME", Files.createTempDirectory("modular-app-home").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the modular app did not end within 60 s:\n" + new String(out, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {}
}
