package io.databricks4j.testkit.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An emulator in a child process: started from a command line, reached at the host it prints, stopped with SIGTERM. */
final class EmulatorProcess implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(90);

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final String host;

  private EmulatorProcess(Process process, String host) {
    this.process = process;
    this.host = host;
  }

  /** {@code java} of the JDK running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs {@code command} and waits until it has printed its banner; fails with what it printed otherwise. */
  static EmulatorProcess start(List<String> command, Map<String, String> environment, Path workingDirectory) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workingDirectory.toFile());
    // nothing of the test JVM's class path may leak into the child
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    Process p;
    try {
      p = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    List<String> lines = new ArrayList<>();
    CompletableFuture<String> hostLine = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        String host = null;
        while ((line = r.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          if (line.trim().startsWith("host:")) {
            host = line.substring(line.indexOf("http")).trim();
          }
          // the banner ends with how to export the host and token
          if (line.trim().startsWith("export DATABRICKS_HOST") && host != null) {
            hostLine.complete(host);
          }
        }
      } catch (IOException e) {
        // the process ended; what it printed is kept
      }
      hostLine.completeExceptionally(new IllegalStateException("the emulator ended without printing its host"));
    }, "emulator-output");
    reader.setDaemon(true);
    reader.start();
    try {
      EmulatorProcess emulator = new EmulatorProcess(p, hostLine.get(START.toSeconds(), TimeUnit.SECONDS));
      synchronized (lines) {
        emulator.output.addAll(lines);
      }
      return emulator;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      synchronized (lines) {
        throw new AssertionError("the emulator did not start: " + command + "\n" + String.join("\n", lines), e);
      }
    }
  }

  String host() {
    return host;
  }

  /** What it printed at start. */
  String banner() {
    return String.join("\n", output);
  }

  /** SIGTERM, as Ctrl-C and {@code docker stop} send; its exit code. */
  int stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the emulator did not stop within 30 s of SIGTERM");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
