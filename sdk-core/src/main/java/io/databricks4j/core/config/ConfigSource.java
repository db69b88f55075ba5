package io.databricks4j.core.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the value of an attribute came from: an argument, an environment variable or a profile. */
public final class ConfigSource {
  /** The kinds of source, strongest first. */
  public enum Kind {
    ARGUMENT,
    ENVIRONMENT,
    PROFILE,
    DERIVED
  }

  private static final ConfigSource ARGUMENT = new ConfigSource(Kind.ARGUMENT, null, null);

  private final Kind kind;
  private final String name;
  private final Path file;

  private ConfigSource(Kind kind, String name, Path file) {
    this.kind = kind;
    this.name = name;
    this.file = file;
  }

  public static ConfigSource argument() {
    return ARGUMENT;
  }

  public static ConfigSource env(String variable) {
    return new ConfigSource(Kind.ENVIRONMENT, variable, null);
  }

  public static ConfigSource profile(String profile, Path file) {
    return new ConfigSource(Kind.PROFILE, profile, file);
  }

  /** Computed from other attributes (a host from {@code ?o=} in the URL, say); {@code how} says how. */
  public static ConfigSource derived(String how) {
    return new ConfigSource(Kind.DERIVED, how, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The environment variable, the profile name or the derivation; empty for arguments. */
  public String name() {
    return name == null ? "" : name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigSource s && kind == s.kind && Objects.equals(name, s.name) && Objects.equals(file, s.file);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, file);
  }

  /** {@code argument}, {@code env DATABRICKS_HOST}, {@code profile DEFAULT in /home/me/.databrickscfg}. */
  @Override
  public String toString() {
    switch (kind) {
      case ARGUMENT:
        return "argument";
      case ENVIRONMENT:
        return "env " + name;
      case PROFILE:
        return "profile " + name + " in " + file;
      default:
        return "derived from " + name;
    }
  }
}
