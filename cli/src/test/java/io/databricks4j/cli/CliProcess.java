package io.databricks4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs the packaged {@code databricks4j-cli.jar} in a fresh JVM whose environment holds exactly
 * the variables given: no inherited {@code HOME}, {@code PATH} or {@code DATABRICKS_*}, the way a
 * container or a CI step starts a program. The java binary is named by its absolute path, so the
 * child needs neither {@code PATH} nor {@code JAVA_HOME}.
 *
 * <p>Start-up dominates these runs, so the children share a class-data archive made by a first
 * run, and compile with C1 only: neither changes what the cli does, only how fast it starts.
 */
final class CliProcess {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static volatile List<String> speedFlags;

  /** What one run printed. */
  record Result(int exitCode, String stdout, String stderr, long millis) {
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("the cli did not print JSON (exit " + exitCode + "): " + stdout + "\nstderr: " + stderr, e);
      }
    }
  }

  private CliProcess() {}

  /** The shaded jar that {@code mvn package} built; the test fails, saying so, when it is missing. */
  static Path jar() {
    String p = System.getProperty("cli.jar");
    Assertions.assertTrue(p != null && Files.isRegularFile(Path.of(p)),
        "the packaged cli is missing (" + p + "): run the integration tests with mvn verify, which packages it first");
    return Path.of(p);
  }

  /** Runs {@code java [jvmArgs] -jar databricks4j-cli.jar args} with exactly {@code env}. */
  static Result run(Map<String, String> env, List<String> jvmArgs, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA.toString()));
    cmd.addAll(speedFlags());
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-jar", jar().toString()));
    cmd.addAll(args);
    return exec(cmd, env);
  }

  /** A pool as wide as the machine: each child is single-threaded for most of its life. */
  static ExecutorService pool() {
    return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
      Thread t = new Thread(r, "cli-process");
      t.setDaemon(true);
      return t;
    });
  }

  static Result await(Future<Result> f) {
    try {
      return f.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("running the cli failed: " + e, e);
    }
  }

  private static List<String> speedFlags() {
    List<String> flags = speedFlags;
    if (flags == null) {
      synchronized (CliProcess.class) {
        flags = speedFlags;
        if (flags == null) {
          flags = archive();
          speedFlags = flags;
        }
      }
    }
    return flags;
  }

  /** Makes the class-data archive with one run of {@code auth describe}; without one, the plain flags. */
  private static List<String> archive() {
    List<String> base = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=error:stderr");
    Path archive = jar().resolveSibling("cli-it.jsa");
    try {
      Files.deleteIfExists(archive); // an archive of an earlier jar would be refused anyway
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(JAVA.toString()));
    cmd.addAll(base);
    cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar().toString(), "auth", "describe", "--json"));
    // no credentials for an Azure host: every strategy is loaded and tried, as in most runs
    exec(cmd, Map.of("HOME", archive.getParent().toString(), "DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net"));
    if (!Files.isRegularFile(archive)) {
      return base;
    }
    List<String> withArchive = new ArrayList<>(base);
    withArchive.add("-XX:SharedArchiveFile=" + archive);
    return List.copyOf(withArchive);
  }

  private static Result exec(List<String> cmd, Map<String, String> env) {
    long start = System.nanoTime();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("cli-out", ".txt");
      err = Files.createTempFile("cli-err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("the cli did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file left behind does no harm
      }
    }
  }
}
