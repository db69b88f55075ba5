package io.databricks4j.auth.azure.internal;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tokens of whoever is logged in with {@code az login}: {@code az account get-access-token --output json
 * --resource <resource> [--tenant <tenant>]}, found on the PATH of the configuration's environment and
 * run by its full path with that environment and no input. The process gets {@link #TIMEOUT} (or the time-out given)
 * and is killed, with its children, when it takes longer: {@code az} refreshes its own tokens over the
 * network, outside the SDK's pipeline, and can hang when the network is down.
 *
 * <p>This replaces Azure Identity's {@code AzureCliCredential}, which reads the output to its end
 * before it starts its time-out and never stops the process, so a hanging {@code az} blocked the
 * caller for good.
 */
public final class AzureCli {
  /** How long {@code az account get-access-token} may run. */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_OUTPUT_SHOWN = 500;

  private final String strategy;
  private final ConfigView config;
  private final Duration timeout;

  public AzureCli(String strategy, ConfigView config, Duration timeout) {
    this.strategy = strategy;
    this.config = config;
    this.timeout = timeout;
  }

  /** The CLI is not installed, or nobody is logged in: the strategy does not apply. */
  public static final class Unavailable extends CredentialsException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * A token for {@code scope} ({@code <resource>/.default}).
   *
   * @throws Unavailable when {@code az} is not on the PATH or says to log in
   * @throws CredentialsException when it fails otherwise, times out, or prints no token
   */
  public Token token(String scope) {
    String resource = scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
    List<String> args = new ArrayList<>(List.of("account", "get-access-token", "--output", "json", "--resource", resource));
    config.attribute("azure_tenant_id").ifPresent(t -> args.addAll(List.of("--tenant", t)));
    String shown = "az " + String.join(" ", args);
    Result result = run(command(args), shown);
    if (result.exitCode != 0) {
      String output = printable((result.errors + " " + result.output).strip());
      if (output.contains("az login") || output.contains("az account set")) {
        throw new Unavailable(strategy + ": nobody is logged in to the Azure CLI: " + output);
      }
      throw new CredentialsException(strategy + ": `" + shown + "` failed with exit code " + result.exitCode + ": "
          + output);
    }
    return parse(result.output, shown);
  }

  private List<String> command(List<String> args) {
    Path az = findOnPath().orElseThrow(() -> new Unavailable(strategy
        + ": the Azure CLI is not installed (no az on the PATH)"));
    List<String> command = new ArrayList<>();
    String name = az.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".cmd") || name.endsWith(".bat")) {
      command.addAll(List.of("cmd.exe", "/c")); // on Windows az is a batch file
    }
    command.add(az.toString());
    command.addAll(args);
    return command;
  }

  /** {@code az} ({@code az.cmd}, {@code az.exe} or {@code az.bat} on Windows) on the environment's PATH. */
  private Optional<Path> findOnPath() {
    String path = config.environment().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("PATH"))
        .map(Map.Entry::getValue).findFirst().orElse("");
    List<String> names = windows() ? List.of("az.cmd", "az.exe", "az.bat") : List.of("az");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : names) {
        try {
          Path candidate = Path.of(dir).resolve(name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException ignored) {
          // a malformed PATH entry cannot hold the CLI
        }
      }
    }
    return Optional.empty();
  }

  /** Standard output (the JSON) and standard error (warnings, "run az login") kept apart. */
  private record Result(int exitCode, String output, String errors) {
    @Override
    public String toString() {
      return "Result{exitCode=" + exitCode + "}"; // the output holds a token
    }
  }

  private Result run(List<String> command, String shown) {
    // stderr apart: az prints WARNING lines there that must not break the JSON on stdout
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(config.environment());
    if (windows()) {
      // cmd.exe looks for what az.cmd calls in the working directory first: run from the system directory
      String systemRoot = config.environment().getOrDefault("SystemRoot", System.getenv("SystemRoot"));
      if (systemRoot != null) {
        builder.directory(new File(systemRoot));
      }
    }
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close(); // no input: a prompt must fail, not hang
    } catch (IOException e) {
      throw new Unavailable(strategy + ": cannot run the Azure CLI: " + e.getMessage());
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        throw new CredentialsException(strategy + ": `" + shown + "` did not finish within " + seconds(timeout)
            + " and was stopped; check that it works in a shell (it may be waiting for the network)");
      }
      return new Result(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
          errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new CredentialsException(strategy + ": interrupted while waiting for `" + shown + "`", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      stop(process);
      throw new CredentialsException(strategy + ": cannot read the output of `" + shown + "`", e);
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly); // az is a script that starts Python
    process.destroyForcibly();
  }

  private Token parse(String output, String shown) {
    Map<String, Object> json;
    try (JsonReader reader = JsonProviders.createReader(output)) {
      Object value = reader.readUntyped();
      json = value instanceof Map ? castMap(value) : Map.of();
    } catch (IOException | RuntimeException e) {
      json = Map.of();
    }
    Object access = json.get("accessToken");
    if (!(access instanceof String) || ((String) access).isBlank()) {
      // never echo the output: it may hold a token
      throw new CredentialsException(strategy + ": `" + shown + "` printed no accessToken; update the Azure CLI");
    }
    Instant expiry = expiry(json);
    if (expiry == null) {
      throw new CredentialsException(strategy + ": `" + shown + "` printed no usable expires_on or expiresOn;"
          + " update the Azure CLI");
    }
    Object type = json.get("tokenType");
    return Token.of((String) access, type instanceof String ? (String) type : "Bearer", expiry, null);
  }

  /** {@code expires_on} (epoch seconds, az 2.54 and later), else {@code expiresOn} in local time. */
  private static Instant expiry(Map<String, Object> json) {
    Object epoch = json.get("expires_on");
    try {
      if (epoch instanceof Number) {
        return Instant.ofEpochSecond(((Number) epoch).longValue());
      }
      if (epoch instanceof String && !((String) epoch).isBlank()) {
        return Instant.ofEpochSecond(Long.parseLong(((String) epoch).trim()));
      }
      Object local = json.get("expiresOn");
      if (local instanceof String && !((String) local).isBlank()) {
        return LocalDateTime.parse(((String) local).trim().replace(' ', 'T')).atZone(ZoneId.systemDefault()).toInstant();
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String printable(String text) {
    String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return flat.length() <= MAX_OUTPUT_SHOWN ? flat : flat.substring(0, MAX_OUTPUT_SHOWN) + "...";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  @Override
  public String toString() {
    return "AzureCli{strategy=" + strategy + ", timeout=" + timeout + "}";
  }
}
