package io.databricks4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar databricks4j-cli.jar <command>}. */
@Command(name = "databricks4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "databricks4j tools.", subcommands = {AuthCommand.class, EmulatorCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line, returning the exit code (tests call this). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"databricks4j " + (v == null ? "dev" : v)};
    }
  }
}
