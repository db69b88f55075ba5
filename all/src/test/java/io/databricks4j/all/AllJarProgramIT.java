package io.databricks4j.all;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program compiled against databricks4j-all alone and run with it and slf4j-api alone lists the
 * clusters of an emulated workspace, finds every credential strategy and uses the relocated Jackson.
 */
class AllJarProgramIT {
  private static final Path JAR = Path.of(System.getProperty("all.jar"));

  @TempDir Path work;

  @Test
  void aProgramOnTheJarAloneListsClusters() throws Exception {
    Path classes = compile();
    try (LocalWorkspace ws = LocalWorkspace.start(); WorkspaceClient setup = ws.client()) {
      String id = setup.clusters().create(CreateCluster.builder().clusterName("shaded-etl")
          .sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge").numWorkers(1L).build()).response().clusterId();

      String out = run(classes, ws);

      assertThat(out).contains("cluster " + id + " shaded-etl")
          .contains("auth type: pat")
          .contains("mapper: io.databricks4j.shaded.com.fasterxml.jackson.databind.")
          .contains("unrelocated jackson: absent")
          .containsPattern("strategies: \\[.*azure-client-secret.*basic.*google-credentials.*oauth-m2m.*pat.*\\]");
    }
  }

  private Path compile() throws IOException {
    Path src = work.resolve("src/ListClusters.java");
    Files.createDirectories(src.getParent());
    try (InputStream in = getClass().getResourceAsStream("/program/ListClusters.java")) {
      Files.write(src, in.readAllBytes());
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics,
        "--release", "17", "-cp", JAR.toString(), "-d", classes.toString(), src.toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    return classes;
  }

  private String run(Path classes, LocalWorkspace ws) throws IOException, InterruptedException {
    String classPath = String.join(File.pathSeparator, JAR.toString(), slf4jApi(), classes.toString());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "ListClusters").redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("DATABRICKS_") || k.startsWith("ARM_") || k.startsWith("GOOGLE_"));
    pb.environment().put("HOME", Files.createDirectories(work.resolve("home")).toString());
    pb.environment().put("DATABRICKS_HOST", ws.host());
    pb.environment().put("DATABRICKS_TOKEN", ws.token());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(ended).as("ended within 60 s: " + text).isTrue();
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  private static String slf4jApi() {
    List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> Path.of(e).getFileName().toString().startsWith("slf4j-api-")).toList();
    assertThat(jars).hasSize(1);
    return jars.get(0);
  }
}
