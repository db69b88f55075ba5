package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code emulator} runs a local workspace in its own process that any HTTP client can use. */
class EmulatorCommandTest {

  @Test
  void servesTheLocalWorkspaceUntilStopped(@TempDir Path state) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, Main.class.getName(), "emulator", "--port", "0", "--token", "dapi-emulator-test",
        "--state-dir", state.toString()))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String host = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (String line; host == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
        if (line.strip().startsWith("host:")) {
          host = line.strip().substring("host:".length()).strip();
        }
      }
      assertThat(host).startsWith("http://127.0.0.1:");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(host + "/api/2.1/clusters/list"))
          .header("Authorization", "Bearer dapi-emulator-test").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(host + "/api/2.1/clusters/list"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(state.resolve("format.json")).as("the state directory is in use").exists();
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void coveragePrintsTheReportOfDocsEmulatorCoverage() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("emulator", "--coverage")).isZero();
    assertThat(out.toString()).startsWith("# Emulator coverage")
        .containsPattern("\\*\\*1221 operations: \\d+ hand-written, \\d+ generic, \\d+ static, \\d+ not emulated")
        .contains("| sql.StatementExecution.executeStatement |");
  }
}
