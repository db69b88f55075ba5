package io.databricks4j.testkit;

import io.databricks4j.testkit.internal.EmulatorServer;
import io.databricks4j.testkit.internal.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The local workspace as a process, for clients in any language:
 * {@code java -jar databricks4j-emulator.jar --port 8080 --token T}. Prints the host and token to
 * use, and serves until stopped (Ctrl-C, SIGTERM). Needs Jackson and nothing of the SDK, so that
 * {@code io.databricks4j:testkit-server} runs it alone.
 *
 * <p>Options: {@code --port N} (8080; 0 for a free port), {@code --bind ADDRESS} (127.0.0.1;
 * 0.0.0.0 in a container), {@code --token T}, {@code --state-dir DIR} (keep the state there across
 * restarts), {@code --page-size N} (100), {@code --cluster-start-delay MILLIS} (2000),
 * {@code --run-duration MILLIS} (4000), {@code --account-id ID}, {@code --user NAME},
 * {@code --journal-size N} (1000), {@code --sql} (refuse to start without the SQL engine).
 * {@code --coverage} prints which operations are emulated (the markdown of
 * {@code docs/emulator-coverage.md}) and exits.
 */
public final class Emulator implements AutoCloseable {
  static final String USAGE = "usage: emulator [--port N] [--bind ADDRESS] [--token T] [--state-dir DIR] [--sql] "
      + "[--page-size N] [--cluster-start-delay MILLIS] [--run-duration MILLIS] [--account-id ID] [--user NAME] "
      + "[--journal-size N] | --coverage";

  private final EmulatorServer server;
  private final Settings settings;

  private Emulator(Settings settings) {
    this.settings = settings;
    this.server = new EmulatorServer(settings);
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && args[0].equals("--coverage")) {
      System.out.print(coverageReport());
      System.out.flush();
      return;
    }
    Emulator emulator;
    try {
      emulator = start(System.out, args);
    } catch (IllegalArgumentException e) {
      System.err.println("emulator: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      System.err.println("emulator: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "testkit-shutdown"));
    stopped.await();
  }

  /**
   * Parses the options, starts an emulator and prints how to reach it on {@code out}.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  public static Emulator start(PrintStream out, String... args) {
    Settings.Builder builder = Settings.builder().port(8080).pageSize(100)
        .clusterStartDelay(Duration.ofSeconds(2)).runDuration(Duration.ofSeconds(4));
    boolean sql = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException("help requested");
      }
      if (option.equals("--sql")) {
        sql = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(integer(option, value));
        case "--bind" -> builder.bindAddress(value);
        case "--page-size" -> builder.pageSize(integer(option, value));
        case "--cluster-start-delay" -> builder.clusterStartDelay(Duration.ofMillis(integer(option, value)));
        case "--run-duration" -> builder.runDuration(Duration.ofMillis(integer(option, value)));
        case "--token" -> builder.token(value);
        case "--account-id" -> builder.accountId(value);
        case "--user" -> builder.userName(value);
        case "--state-dir" -> builder.stateDirectory(Path.of(value));
        case "--journal-size" -> builder.journalSize(integer(option, value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    Emulator emulator = new Emulator(builder.build());
    if (sql && !emulator.server.sqlAvailable()) {
      emulator.close();
      throw new IllegalArgumentException("--sql needs the SQL engine: run databricks4j-emulator-sql.jar, or put "
          + "io.databricks4j:testkit-sql and org.duckdb:duckdb_jdbc on the class path");
    }
    emulator.print(out);
    return emulator;
  }

  private void print(PrintStream out) {
    out.println("databricks4j testkit: a local Databricks workspace and account");
    out.println("  host:       " + host());
    out.println("  token:      " + token());
    out.println("  account_id: " + accountId());
    out.println("  user:       " + userName());
    out.println("  sql:        " + (server.sqlAvailable() ? "yes (DuckDB)" : "no (statements answer 501)"));
    stateDirectory().ifPresent(dir -> out.println("  state:      " + dir
        + (server.state().restored() ? " (restored)" : " (new)")));
    out.println();
    out.println("  export DATABRICKS_HOST=" + host() + " DATABRICKS_TOKEN=" + token());
    out.println("  health:     curl " + host() + "/testkit/health");
    out.println("  journal:    curl " + host() + "/testkit/journal");
    out.println("  faults:     curl -X POST " + host() + "/testkit/faults -d "
        + "'{\"seed\":1,\"rules\":[{\"path\":\"/api/.*\",\"unavailable_percent\":10}]}'");
    out.flush();
  }

  /**
   * Which operations of the API description a fresh workspace emulates, hand-written, generic
   * (each checked by a probe: a round trip per inferred resource, an answer that reads as the
   * response type otherwise) or not (with why), as markdown.
   */
  public static String coverageReport() {
    try (EmulatorServer server = new EmulatorServer(Settings.builder().pageSize(1000).build())) {
      return server.coverage().markdown();
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** The personal access token it accepts as {@code Authorization: Bearer <token>}. */
  public String token() {
    return settings.token();
  }

  public String accountId() {
    return settings.accountId();
  }

  public String userName() {
    return settings.userName();
  }

  /** The directory the state is kept in, if it was started with one. */
  public Optional<Path> stateDirectory() {
    return Optional.ofNullable(server.state().directory());
  }

  /** Back to the fresh workspace, as {@link LocalWorkspace#reset()}. */
  public void reset() {
    server.reset();
  }

  /** Stops serving; the state directory, if any, keeps the state. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "Emulator{host=" + host() + ", accountId=" + accountId() + "}";
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got " + value);
    }
  }
}
