package io.databricks4j.cli;

import io.databricks4j.testkit.Emulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator}: runs the testkit's local workspace and account until stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Run a local Databricks workspace and account (the testkit) and print its host and token.")
final class EmulatorCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (0 for a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--page-size", defaultValue = "100", description = "Items per page of list operations. Default: ${DEFAULT-VALUE}.")
  int pageSize;

  @Option(names = "--token", description = "The personal access token it accepts (default: generated).")
  String token;

  @Option(names = "--state-dir", description = "Keep the state in this directory across restarts (default: in memory).")
  String stateDir;

  @Spec
  CommandSpec spec;

  @Option(names = "--coverage", description = "Print which operations are emulated (hand-written, generic or not, "
      + "with why) as markdown, and exit.")
  boolean coverage;

  @Override
  public Integer call() throws InterruptedException {
    if (coverage) {
      spec.commandLine().getOut().print(Emulator.coverageReport());
      spec.commandLine().getOut().flush();
      return 0;
    }
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--page-size", Integer.toString(pageSize)));
    if (token != null) {
      args.addAll(List.of("--token", token));
    }
    if (stateDir != null) {
      args.addAll(List.of("--state-dir", stateDir));
    }
    var workspace = Emulator.start(System.out, args.toArray(String[]::new));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      workspace.close();
      stopped.countDown();
    }, "emulator-shutdown"));
    stopped.await();
    return 0;
  }
}
