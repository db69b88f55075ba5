package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.minidev.json.JSONObject;

/**
 * {@code auth_type = databricks-cli}: the token of a {@code databricks auth login} session, from
 * {@code databricks auth token --host <host>}. Applies when host is set, a {@code databricks}
 * executable is on the PATH of the configuration's environment and it has a login for the host
 * (checked by asking it for a token once, as the Go SDK does).
 */
public final class DatabricksCliStrategy extends OAuthStrategy {
  static final String NAME = "databricks-cli";
  /** What the CLI says when it has no login for the host; the strategy then does not apply. */
  private static final List<String> NOT_LOGGED_IN = List.of(
      "databricks OAuth is not", "no configuration file found at", "No such command 'auth'");
  private final CommandRunner runner;

  public DatabricksCliStrategy() {
    this(CommandRunner.system(), Clock.systemUTC());
  }

  DatabricksCliStrategy(CommandRunner runner, Clock clock) {
    super(NAME, 40, "needs host and the Databricks CLI on the PATH, logged in with: databricks auth login --host <host>",
        clock);
    this.runner = runner;
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> host = config.host();
    Optional<Path> cli = host.isEmpty() ? Optional.empty() : findOnPath(config.environment());
    if (cli.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>(List.of(cli.get().toString(), "auth", "token", "--host", host.get()));
    Optional<String> accountId = config.attribute("account_id");
    if (config.isAccountClient() && accountId.isPresent()) {
      command.addAll(List.of("--account-id", accountId.get()));
    }
    Duration timeout = Duration.ofSeconds(Math.max(30, config.httpTimeoutSeconds()));
    Token first;
    try {
      first = run(command, config.environment(), timeout);
    } catch (CredentialsException e) {
      if (NOT_LOGGED_IN.stream().anyMatch(e.getMessage()::contains)) {
        return Optional.empty();
      }
      throw e;
    }
    AtomicReference<Token> seed = new AtomicReference<>(first);
    return bearer(() -> {
      Token t = seed.getAndSet(null);
      return t != null && t.isValidAt(clock.instant(), CachedToken.DEFAULT_REFRESH_MARGIN_SECONDS)
          ? t : run(command, config.environment(), timeout);
    });
  }

  private Token run(List<String> command, Map<String, String> env, Duration timeout) {
    String shown = "databricks " + String.join(" ", command.subList(1, command.size()));
    CommandRunner.Result result;
    try {
      result = runner.run(command, env, timeout);
    } catch (IOException e) {
      throw new CredentialsException(NAME + ": cannot run `" + shown + "`: " + e.getMessage(), e);
    }
    if (result.exitCode() != 0) {
      throw new CredentialsException(NAME + ": `" + shown + "` failed with exit code " + result.exitCode() + ": "
          + Http.printable(result.stderr(), 500));
    }
    try {
      JSONObject json = JSONObjectUtils.parse(result.stdout());
      String access = JSONObjectUtils.getNonBlankString(json, "access_token");
      String expiry = JSONObjectUtils.getString(json, "expiry", null);
      Instant expires = expiry == null || expiry.isBlank() ? null : OffsetDateTime.parse(expiry).toInstant();
      return Token.of(access, JSONObjectUtils.getString(json, "token_type", "Bearer"), expires, null);
    } catch (ParseException | DateTimeParseException e) {
      // never echo the output: it holds the token
      throw new CredentialsException(NAME + ": cannot read the output of `" + shown + "` (" + e.getClass().getSimpleName()
          + "); update the Databricks CLI to a version with `auth token`");
    }
  }

  /** The {@code databricks} executable on the environment's PATH. */
  static Optional<Path> findOnPath(Map<String, String> env) {
    String path = env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("PATH"))
        .map(Map.Entry::getValue).findFirst().orElse("");
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    String name = windows ? "databricks.exe" : "databricks";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      try {
        Path candidate = Path.of(dir).resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException ignored) {
        // a malformed PATH entry cannot hold the CLI
      }
    }
    return Optional.empty();
  }
}
