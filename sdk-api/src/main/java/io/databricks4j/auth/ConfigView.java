package io.databricks4j.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What credential strategies and host resolvers get from core: the resolved configuration,
 * read-only, and the way to the network ({@link #http()}). Attribute names are the built-in
 * {@code .databrickscfg} keys ({@code host}, {@code token}, {@code client_id}, ...) and the names of
 * attributes plug-ins declare ({@link AttributeProvider}).
 */
public interface ConfigView {

  /** The value of an attribute after arguments, environment and profile were merged. */
  Optional<String> attribute(String name);

  /** The normalised host ({@code https://name}, no path, no trailing slash), if any. */
  Optional<String> host();

  /** Whether the host is an accounts console host ({@code accounts.} or {@code accounts-dod.}). */
  boolean isAccountClient();

  /** The cloud the host belongs to, from its DNS suffix or the {@code cloud} attribute. */
  Cloud cloud();

  /** The OAuth scopes, {@code all-apis} when none were given. */
  List<String> scopes();

  /** The process environment as seen by this configuration (a seam: tests pass their own map). */
  Map<String, String> environment();

  /** The home directory (a seam: tests pass their own). */
  Path homeDirectory();

  /** HTTP time-out in seconds ({@code http_timeout_seconds}). */
  int httpTimeoutSeconds();

  /**
   * Sends the plug-in's own requests (token, discovery and metadata endpoints) through the
   * client's pipeline: its transport, proxy, TLS settings, retries and redacting log, without the
   * client's authentication headers. A plug-in never opens connections of its own.
   */
  io.databricks4j.http.HttpSender http();

  /** {@code attribute(name)} or a {@link CredentialsException} naming the attribute. */
  default String require(String name) {
    return attribute(name)
        .orElseThrow(() -> new CredentialsException(name + " is not set: set it as an argument, in DATABRICKS_"
            + name.toUpperCase(java.util.Locale.ROOT) + " or in the profile"));
  }

  /** Whether a boolean attribute is set to {@code true}. */
  default boolean flag(String name) {
    return attribute(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }
}
