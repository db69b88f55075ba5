package io.databricks4j.core.auth;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.config.ConfigDescriptions;
import io.databricks4j.core.config.ConfigSource;
import io.databricks4j.core.internal.PluginView;
import io.databricks4j.core.internal.StandaloneSender;
import io.databricks4j.http.HttpSender;
import io.databricks4j.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the credential strategy of a resolved configuration: an explicit strategy object, else
 * the one {@code auth_type} names, else the first (by priority, then name) that applies. Explains
 * every candidate it skipped when none applies.
 */
public final class CredentialsResolver {
  /** The sentence the official SDKs begin with when nothing applies. */
  public static final String DEFAULT_AUTH_ERROR = "default auth: cannot configure default credentials, please check "
      + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
      + "to configure credentials for your preferred authentication method";

  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j.auth");

  private final StrategyRegistry registry;

  public CredentialsResolver(StrategyRegistry registry) {
    this.registry = registry;
  }

  /** A resolver over the strategies found by {@link java.util.ServiceLoader}. */
  public static CredentialsResolver create() {
    return new CredentialsResolver(StrategyRegistry.discovered());
  }

  /**
   * Selects credentials for {@code config} (resolved first when it is not).
   *
   * @throws ConfigException when nothing applies, when two methods conflict, or when the named
   *     {@code auth_type} is unknown or its plug-in is missing
   * @throws CredentialsException when the selected strategy fails
   */
  public Credentials resolve(DatabricksConfig config) {
    // no client: plug-ins reach the network through the shared sender for code without one, whose
    // HTTP settings come from the environment (HTTPS_PROXY, DATABRICKS_HTTP_TIMEOUT_SECONDS, ...)
    return resolve(config, new StandaloneSender());
  }

  /**
   * Selects credentials for {@code config} (resolved first when it is not); strategies reach the
   * network through {@code http}.
   *
   * @throws ConfigException when nothing applies, when two methods conflict, or when the named
   *     {@code auth_type} is unknown or its plug-in is missing
   * @throws CredentialsException when the selected strategy fails
   */
  public Credentials resolve(DatabricksConfig config, HttpSender http) {
    DatabricksConfig c = config.resolve();
    PluginView view = new PluginView(c, http);
    Optional<CredentialsStrategy> explicit = c.credentialsStrategy();
    if (explicit.isPresent()) {
      CredentialsStrategy s = explicit.get();
      HeaderFactory h = s.configure(view).orElseThrow(() -> new ConfigException(withConfig(c,
          "the credentials strategy given explicitly (" + s.authType() + ") does not apply: " + s.requirement(), true)));
      LOG.debug("using the credentials strategy given explicitly: {}", s.authType());
      return new Credentials(s.authType(), h);
    }
    Optional<String> authType = c.authType();
    if (authType.isPresent()) {
      return named(c, view, authType.get());
    }
    validateSingleMethod(c);
    List<String> skipped = new ArrayList<>();
    for (CredentialsStrategy s : registry.strategies()) {
      if (s.explicitOnly()) {
        skipped.add(s.authType() + ": only used when auth_type = " + s.authType());
        continue;
      }
      Optional<HeaderFactory> h;
      try {
        h = s.configure(view);
      } catch (CredentialsException e) {
        throw new CredentialsException(withConfig(c, "default auth: " + s.authType() + ": " + e.getMessage(), true), e);
      }
      if (h.isPresent()) {
        LOG.debug("credentials: {} applies (skipped before it: {})", s.authType(), skipped);
        return new Credentials(s.authType(), h.get());
      }
      skipped.add(s.authType() + ": " + s.requirement());
    }
    StringBuilder msg = new StringBuilder(withConfig(c, DEFAULT_AUTH_ERROR, true));
    msg.append("\nTried, in order:");
    if (registry.strategies().isEmpty()) {
      msg.append(" nothing: no credentials plug-in is on the class path; add io.databricks4j:auth-pat (or another auth-* module) ")
          .append(StrategyRegistry.BOM_HINT);
    }
    for (String s : skipped) {
      msg.append("\n  - ").append(s);
    }
    registry.absentWellKnown().forEach((type, artifact) ->
        msg.append("\n  - ").append(type).append(": module ").append(artifact).append(" is not on the class path"));
    if (!registry.absentWellKnown().isEmpty()) {
      msg.append("\nAdd the module of the method you use ").append(StrategyRegistry.BOM_HINT).append('.');
    }
    msg.append("\nAttributes seen:");
    if (c.sources().isEmpty()) {
      msg.append(" none (no arguments, no DATABRICKS_* variables, no profile in ")
          .append(io.databricks4j.core.config.ConfigResolver.configFilePath(Map.of(), c.environmentSeam())).append(')');
    }
    for (Map.Entry<ConfigAttribute, ConfigSource> e : c.sources().entrySet()) {
      ConfigAttribute a = e.getKey();
      String v = a == ConfigAttribute.HOST ? c.host().orElse(c.get(a).orElse("")) : c.get(a).orElse("");
      msg.append("\n  - ").append(a.key()).append('=').append(a.sensitive() ? "***" : v).append(" (").append(e.getValue()).append(')');
    }
    LOG.debug("{}", msg);
    throw new ConfigException(msg.toString());
  }

  private Credentials named(DatabricksConfig c, PluginView view, String authType) {
    Optional<CredentialsStrategy> s = registry.byAuthType(authType);
    if (s.isEmpty()) {
      Optional<String> artifact = StrategyRegistry.artifactFor(authType);
      String available = String.join(", ", registry.strategies().stream().map(CredentialsStrategy::authType).toList());
      throw new ConfigException(artifact
          .map(a -> "auth type \"" + authType + "\" not found: its plug-in is not on the class path; add the dependency " + a
              + " " + StrategyRegistry.BOM_HINT + "; available: " + (available.isEmpty() ? "none" : available))
          .orElse("auth type \"" + authType + "\" not found: no plug-in provides it; available: "
              + (available.isEmpty() ? "none" : available) + ". Check auth_type / DATABRICKS_AUTH_TYPE for a typo"));
    }
    Optional<HeaderFactory> h;
    try {
      h = s.get().configure(view);
    } catch (CredentialsException e) {
      throw new CredentialsException(withConfig(c, authType + " auth: " + e.getMessage(), true), e);
    }
    if (h.isEmpty()) {
      throw new ConfigException(withConfig(c, authType + " auth: not configured: " + s.get().requirement(), true));
    }
    LOG.debug("credentials: {} (named by auth_type)", authType);
    return new Credentials(authType, h.get());
  }

  /** "more than one authorization method configured", as the official SDKs check it. */
  private static void validateSingleMethod(DatabricksConfig c) {
    TreeSet<String> methods = new TreeSet<>();
    Map<ConfigAttribute, String> values = ConfigAttribute.newMap();
    for (ConfigAttribute a : ConfigAttribute.values()) {
      c.get(a).ifPresent(v -> {
        values.put(a, v);
        a.authGroup().ifPresent(methods::add);
      });
    }
    if (methods.size() > 1) {
      throw new ConfigException(ConfigDescriptions.withConfig("validate: more than one authorization method configured: "
          + String.join(" and ", methods), values, c.sources(), null)
          + "\nKeep the attributes of one method, or set auth_type to choose one.");
    }
  }

  private static String withConfig(DatabricksConfig c, String message, boolean normalizedHost) {
    String d = c.debugString(normalizedHost);
    return d.isEmpty() ? message : message + ". " + d;
  }
}
