package io.databricks4j.auth.gcp.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The credentials JSON of {@code google_credentials}: the JSON itself, or the path of a file
 * holding it ({@code ~/} is the configured home directory). Error messages never echo the value
 * unless it is plainly a path.
 */
public final class CredentialsJson {
  private final String json;
  private final String origin;

  private CredentialsJson(String json, String origin) {
    this.json = json;
    this.origin = origin;
  }

  public static CredentialsJson read(String strategy, String attribute, String value, ConfigView config) {
    String v = value.strip();
    if (v.startsWith("{")) {
      return new CredentialsJson(v, attribute + " (inline JSON)");
    }
    boolean plainPath = v.length() < 1024 && !v.contains("\n") && !v.contains("\"");
    String shown = plainPath ? v : "(not shown)";
    Path path;
    try {
      path = v.startsWith("~/") ? config.homeDirectory().resolve(v.substring(2)) : Path.of(v);
    } catch (InvalidPathException e) {
      throw new CredentialsException(strategy + ": " + attribute + " is neither JSON nor a file path");
    }
    if (!Files.isRegularFile(path)) {
      throw new CredentialsException(strategy + ": " + attribute + " is neither JSON nor an existing file: " + shown
          + ". Set it to the service account key JSON or to the path of its file");
    }
    try {
      return new CredentialsJson(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new CredentialsException(strategy + ": cannot read " + attribute + " file " + shown + ": "
          + e.getClass().getSimpleName());
    }
  }

  /** Reads a credentials file found by application default credentials. */
  public static CredentialsJson file(Path path) throws IOException {
    return new CredentialsJson(Files.readString(path, StandardCharsets.UTF_8), path.toString());
  }

  public String json() {
    return json;
  }

  public byte[] bytes() {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Where the JSON came from, safe to print. */
  public String origin() {
    return origin;
  }

  public Secrets secrets() {
    return Secrets.of(json);
  }

  @Override
  public String toString() {
    return "CredentialsJson{" + origin + "}";
  }
}
