package io.databricks4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the cli's {@link Main} in a fresh JVM over a class path of the test's choosing (this test
 * run's, trimmed or extended) with exactly the environment given: what a user gets who puts those
 * jars on the class path and runs the program from a shell, a container or a CI step.
 */
final class ChildCli {
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final long TIMEOUT_SECONDS = 60;

  /** What one run printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output) {}

  private ChildCli() {}

  /** The class path of this test run, entry by entry. */
  static List<String> testClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).collect(Collectors.toList());
  }

  /** This run's class path without the entries of one module ({@code auth-azure}: its jar or its classes). */
  static List<String> without(String artifactId) {
    Predicate<String> ofModule = e -> {
      String p = e.replace('\\', '/');
      String name = p.substring(p.lastIndexOf('/') + 1);
      return name.startsWith(artifactId + "-") && name.endsWith(".jar") || p.contains("/" + artifactId + "/target/");
    };
    List<String> kept = testClassPath().stream().filter(ofModule.negate()).collect(Collectors.toList());
    if (kept.size() == testClassPath().size()) {
      throw new IllegalStateException(artifactId + " is not on this test's class path: " + testClassPath());
    }
    return kept;
  }

  /** Runs {@code Main args} over {@code classPath} with exactly {@code env}. */
  static Result run(List<String> classPath, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", String.join(File.pathSeparator, classPath), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = null;
    try {
      out = Files.createTempFile("child-cli", ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("the cli did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }
}
