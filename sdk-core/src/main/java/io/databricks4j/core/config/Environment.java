package io.databricks4j.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment and home directory as configuration sees them. The seam that keeps
 * tests from touching the real environment: pass {@link #of(Map, Path)}.
 */
public final class Environment {
  private final Map<String, String> variables;
  private final Path home;

  private Environment(Map<String, String> variables, Path home) {
    this.variables = Map.copyOf(variables);
    this.home = home;
  }

  /** The real environment and {@code user.home}. */
  public static Environment system() {
    return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** An environment of your own. */
  public static Environment of(Map<String, String> variables, Path home) {
    return new Environment(variables, home);
  }

  /** An environment of your own whose home directory is its {@code HOME} (or {@code user.home}). */
  public static Environment of(Map<String, String> variables) {
    String home = variables.getOrDefault("HOME", variables.get("USERPROFILE"));
    return new Environment(variables, home == null ? Path.of(System.getProperty("user.home")) : Path.of(home));
  }

  public Map<String, String> variables() {
    return variables;
  }

  /** The value of a variable, treating empty as unset. */
  public String get(String name) {
    String v = variables.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public Path home() {
    return home;
  }

  @Override
  public String toString() {
    return "Environment{" + variables.size() + " variables, home=" + home + "}";
  }
}
