package io.databricks4j.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalWorkspace} as a process: {@code java -jar testkit.jar --port 8080}. Prints
 * the host and token to use, and serves until stopped (Ctrl-C).
 *
 * <p>Options: {@code --port N} (8080; 0 for a free port), {@code --page-size N} (100),
 * {@code --cluster-start-delay MILLIS} (2000), {@code --run-duration MILLIS} (4000),
 * {@code --token T}, {@code --account-id ID}, {@code --user NAME}. {@code --coverage} prints
 * which operations are emulated (the markdown of {@code docs/emulator-coverage.md}) and exits.
 */
public final class Emulator {
  private Emulator() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && args[0].equals("--coverage")) {
      System.out.print(coverageReport());
      System.out.flush();
      return;
    }
    LocalWorkspace workspace;
    try {
      workspace = start(System.out, args);
    } catch (IllegalArgumentException e) {
      System.err.println("emulator: " + e.getMessage());
      System.err.println("usage: emulator [--port N] [--page-size N] [--cluster-start-delay MILLIS] "
          + "[--run-duration MILLIS] [--token T] [--account-id ID] [--user NAME] | --coverage");
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      workspace.close();
      stopped.countDown();
    }, "testkit-shutdown"));
    stopped.await();
  }

  /** Parses the options, starts a workspace and prints how to reach it on {@code out}. */
  public static LocalWorkspace start(PrintStream out, String... args) {
    LocalWorkspace.Builder builder = LocalWorkspace.builder().port(8080).pageSize(100)
        .clusterStartDelay(Duration.ofSeconds(2)).runDuration(Duration.ofSeconds(4));
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException("help requested");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(integer(option, value));
        case "--page-size" -> builder.pageSize(integer(option, value));
        case "--cluster-start-delay" -> builder.clusterStartDelay(Duration.ofMillis(integer(option, value)));
        case "--run-duration" -> builder.runDuration(Duration.ofMillis(integer(option, value)));
        case "--token" -> builder.token(value);
        case "--account-id" -> builder.accountId(value);
        case "--user" -> builder.userName(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    LocalWorkspace workspace = builder.start();
    out.println("databricks4j testkit: a local Databricks workspace and account");
    out.println("  host:       " + workspace.host());
    out.println("  token:      " + workspace.token());
    out.println("  account_id: " + workspace.accountId());
    out.println("  user:       " + workspace.userName());
    out.println();
    out.println("  export DATABRICKS_HOST=" + workspace.host() + " DATABRICKS_TOKEN=" + workspace.token());
    out.println("  faults:     curl -X POST " + workspace.host() + "/testkit/faults -d "
        + "'{\"seed\":1,\"rules\":[{\"path\":\"/api/.*\",\"unavailable_percent\":10}]}'");
    out.flush();
    return workspace;
  }

  /**
   * Which operations of the API description a fresh workspace emulates, hand-written, generic
   * (each checked by a probe: a round trip per inferred resource, an answer that reads as the
   * response type otherwise) or not (with why), as markdown.
   */
  public static String coverageReport() {
    try (LocalWorkspace workspace = LocalWorkspace.builder().pageSize(1000).start()) {
      return workspace.server().coverage().markdown();
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got " + value);
    }
  }
}
