package io.databricks4j.auth.oauth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command (a seam: tests of the databricks-cli strategy pass their own). */
@FunctionalInterface
interface CommandRunner {

  /** What the command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "Result{exitCode=" + exitCode + "}"; // stdout holds a token
    }
  }

  /**
   * Runs {@code command} with exactly {@code environment} and no input.
   *
   * @throws IOException when the command cannot be started or does not end within {@code timeout}
   */
  Result run(List<String> command, Map<String, String> environment, Duration timeout) throws IOException;

  /** Runs commands with {@link ProcessBuilder}. */
  static CommandRunner system() {
    return (command, environment, timeout) -> {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close(); // no input: a prompt must fail, not hang
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IOException("did not finish within " + timeout.toSeconds() + " s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    };
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
