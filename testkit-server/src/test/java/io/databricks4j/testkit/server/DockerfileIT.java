package io.databricks4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker does not run here, so the Dockerfile is checked piece by piece: a glibc base image, the
 * files it copies exist after package, and its entrypoint and health check work when run directly
 * on the same layout (in a temporary directory, on a free port of 127.0.0.1).
 */
class DockerfileIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOME = "/opt/databricks4j";
  private static List<String> instructions;

  @TempDir
  Path root;

  @BeforeAll
  static void read() throws IOException {
    Path dockerfile = Path.of(System.getProperty("emulator.dockerfile", "Dockerfile"));
    instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1);
        continue;
      }
      instructions.add(current.append(line).toString().trim());
      current.setLength(0);
    }
  }

  private static List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.startsWith(keyword + " ")).map(i -> i.substring(keyword.length() + 1))
        .toList();
  }

  private static List<String> array(String json) throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(json).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void theBaseImageHasGlibc() {
    assertThat(all("FROM")).singleElement().asString().startsWith("eclipse-temurin:17-jre").doesNotContain("alpine");
  }

  @Test
  void entrypointAndHealthCheckWorkOnTheCopiedLayout() throws Exception {
    Path module = Path.of(System.getProperty("emulator.dockerfile", "Dockerfile")).toAbsolutePath().getParent();
    Path home = root.resolve("opt");
    for (String copy : all("COPY")) {
      List<String> parts = List.of(copy.split("\\s+"));
      String target = parts.get(parts.size() - 1);
      for (String source : parts.subList(0, parts.size() - 1)) {
        Path from = module.resolve(source);
        assertThat(from).as("COPY %s", source).exists();
        Path to = target.endsWith("/") ? local(target, home).resolve(from.getFileName().toString()) : local(target, home);
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
    String token = all("ENV").stream().filter(e -> e.startsWith("EMULATOR_TOKEN=")).findFirst().orElseThrow()
        .substring("EMULATOR_TOKEN=".length());
    List<String> command = new ArrayList<>();
    for (String part : array(all("ENTRYPOINT").get(0))) {
      // only what a container changes: the paths, and a free loopback port instead of every interface's 8080
      command.add(part.replace(HOME, home.toString())
          .replaceAll("(?<=\\s)/data(?=\\s|$)", root.resolve("data").toString())
          .replace("--port 8080", "--port 0").replace("0.0.0.0", "127.0.0.1"));
    }
    command.add("--page-size");
    command.add("7");
    try (EmulatorProcess emulator = EmulatorProcess.start(command, Map.of("EMULATOR_TOKEN", token), root)) {
      assertThat(emulator.banner()).contains("sql:        yes", "state:      " + root.resolve("data"), token);
      JsonNode health = new Http(emulator.host(), null).get("/testkit/health");
      assertThat(health.path("sql").asBoolean()).isTrue();
      int port = URI.create(emulator.host()).getPort();
      String check = all("HEALTHCHECK").get(0);
      List<String> probe = new ArrayList<>();
      for (String part : array(check.substring(check.indexOf("CMD ") + 4))) {
        probe.add(part.replace("8080", Integer.toString(port)));
      }
      Process healthCheck = new ProcessBuilder(probe).inheritIO().start();
      assertThat(healthCheck.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(healthCheck.exitValue()).as("the HEALTHCHECK command").isZero();
      assertThat(emulator.stop()).as("docker stop sends SIGTERM to the exec'd java").isIn(0, 143);
    }
    assertThat(root.resolve("data").resolve("format.json")).as("the state volume was written").exists();
  }

  private static Path local(String containerPath, Path home) {
    return home.resolve(containerPath.substring(HOME.length() + 1));
  }
}
