package io.databricks4j.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.ProxySettings;
import io.databricks4j.http.RequestBody;
import io.databricks4j.http.testing.ConnectProxy;
import io.databricks4j.http.testing.LocalHttpServer;
import io.databricks4j.transport.jdk.JdkTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which secrets reach a log. The transport logs nothing. java.net.http has two loggers, both
 * {@code System.Logger}s (JUL here): "jdk.httpclient.HttpClient" stays silent unless the JVM runs
 * with {@code -Djdk.httpclient.HttpClient.log}, and then prints headers, credentials included;
 * on Java 17, "jdk.internal.httpclient.debug" logs at DEBUG (JUL FINE) whenever that level is
 * enabled for it, also by inheritance from the root logger, and then prints request URLs with their
 * query, but no header or body (Java 25 does not). The documented setting: keep that logger at INFO
 * or above.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdkLoggingTest {
  private static final String CANARY = "canary-log-91c2e";

  @Test
  void withEveryLoggerAtAllButTheJdksDebugLoggerAtInfoNothingLogsASecret() throws IOException {
    Captured captured = exchangeWithLoggersAt(Level.INFO);
    assertThat(captured.records).noneMatch(r -> r.contains(CANARY));
    assertThat(captured.stderr).doesNotContain(CANARY);
  }

  @Test
  void theJdksDebugLoggerAtFineLogsRequestLinesWithTheirQueryButNoHeaderOrBody() throws IOException {
    Captured captured = exchangeWithLoggersAt(Level.ALL);
    if (Runtime.version().feature() == 17) {
      assertThat(captured.records).as("the documented leak on Java 17: URLs with their query")
          .anyMatch(r -> r.contains("token=" + CANARY));
    }
    assertThat(captured.records).noneMatch(r -> r.contains("Bearer " + CANARY))
        .noneMatch(r -> r.contains("\"secret\":\"" + CANARY))
        .noneMatch(r -> r.contains("pw-" + CANARY))
        .noneMatch(r -> r.contains("Basic "));
    assertThat(captured.stderr).doesNotContain(CANARY);
  }

  private record Captured(List<String> records, String stderr) {}

  /**
   * Sends requests with secrets in the query, the headers, both bodies and the proxy credentials,
   * with JUL's root logger (so every logger without a level of its own, java.net.http's included)
   * at ALL, java.net.http's debug logger at {@code debugLevel}, and {@code System.err} captured.
   */
  private static Captured exchangeWithLoggersAt(Level debugLevel) throws IOException {
    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override
      public void publish(LogRecord record) {
        if (!String.valueOf(record.getLoggerName()).startsWith("com.sun.net.httpserver")) { // the test's server
          records.add(record.getLoggerName() + ": " + formatter.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Logger debug = Logger.getLogger("jdk.internal.httpclient.debug");
    Level rootLevel = root.getLevel();
    Level debugBefore = debug.getLevel();
    root.setLevel(Level.ALL);
    debug.setLevel(debugLevel);
    root.addHandler(capture);
    PrintStream err = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try (LocalHttpServer server = LocalHttpServer.http();
         ConnectProxy proxy = ConnectProxy.startWithBasicAuth(1, "user", "pw-" + CANARY);
         HttpTransport transport = new JdkTransportProvider().create(HttpTransportOptions.builder()
             .readTimeout(Duration.ofSeconds(3))
             .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("user", "pw-" + CANARY).build()).build())) {
      HttpRequest request = HttpRequest.builder("POST", server.origin() + "/echo").query("token", CANARY)
          .header("Authorization", "Bearer " + CANARY).body(RequestBody.json("{\"secret\":\"" + CANARY + "\"}")).build();
      try (HttpResponse response = transport.send(request)) {
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains(CANARY);
      }
      try (HttpResponse response = transport.send(HttpRequest.builder("GET", "http://api.databricks4j.test/x")
          .query("token", CANARY).header("Authorization", "Bearer " + CANARY).build())) {
        assertThat(response.status()).as("through the proxy").isEqualTo(200);
      }
      try {
        transport.send(HttpRequest.builder("GET", "http://127.0.0.1:1/x").query("token", CANARY).build()).close();
      } catch (IOException expected) {
        assertThat(expected).hasMessageNotContaining(CANARY);
      }
    } finally {
      System.setErr(err);
      root.removeHandler(capture);
      root.setLevel(rootLevel);
      debug.setLevel(debugBefore);
    }
    return new Captured(records, stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theJdksOwnLoggerPrintsCredentialsOnlyWhenSwitchedOn() throws Exception {
    assertThat(probe()).contains("probe done").doesNotContain(CANARY);
    assertThat(probe("-Djdk.httpclient.HttpClient.log=headers")).as("the documented setting that must stay off")
        .contains("probe done").contains("Bearer " + CANARY);
  }

  /** Runs {@link LoggingProbe} in a JVM of its own and returns what it printed. */
  private static String probe(String... jvmOptions) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", classPath, LoggingProbe.class.getName(), CANARY));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }
}
