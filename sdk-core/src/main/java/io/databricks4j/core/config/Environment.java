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

  /** The real environment; the home directory as {@link #homeOf} finds it in it. */
  public static Environment system() {
    Map<String, String> env = System.getenv();
    return new Environment(env, homeOf(env, System.getProperty("os.name", "")));
  }

  /** An environment of your own. */
  public static Environment of(Map<String, String> variables, Path home) {
    return new Environment(variables, home);
  }

  /** An environment of your own whose home directory {@link #homeOf} finds in it. */
  public static Environment of(Map<String, String> variables) {
    return new Environment(variables, homeOf(variables, System.getProperty("os.name", "")));
  }

  /**
   * The home directory a shell, a container or a CI job gives the process: {@code HOME} on Unix,
   * {@code USERPROFILE} on Windows (an empty value counts as unset), then the JVM's {@code
   * user.home}. The JVM takes {@code user.home} from the password database, not from {@code HOME},
   * so a process started with {@code HOME=/somewhere} would otherwise read another
   * {@code .databrickscfg}.
   */
  public static Path homeOf(Map<String, String> variables, String osName) {
    boolean windows = osName.regionMatches(true, 0, "windows", 0, 7);
    for (String name : windows ? new String[] {"USERPROFILE", "HOME"} : new String[] {"HOME"}) {
      String v = variables.get(name);
      if (v != null && !v.isEmpty()) {
        return Path.of(v);
      }
    }
    return Path.of(System.getProperty("user.home"));
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
