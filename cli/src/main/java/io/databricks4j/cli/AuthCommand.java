package io.databricks4j.cli;

import picocli.CommandLine.Command;

/** {@code auth} commands. */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Authentication diagnostics.",
    subcommands = {AuthDescribeCommand.class})
final class AuthCommand {}
