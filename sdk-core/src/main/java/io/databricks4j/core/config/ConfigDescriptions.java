package io.databricks4j.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code Config: k=v, ... . Env: VAR, ...} suffix of configuration errors. */
public final class ConfigDescriptions {
  private ConfigDescriptions() {}

  /**
   * Formats the attributes that are set (secrets as {@code ***}) and the environment variables
   * they came from, in declaration order (derived values left out); {@code host} replaces the raw host when not null.
   * Empty when nothing is set.
   */
  public static String format(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources, String host) {
    List<String> attrs = new ArrayList<>();
    List<String> envs = new ArrayList<>();
    for (ConfigAttribute a : ConfigAttribute.values()) {
      String v = values.get(a);
      ConfigSource s = sources.get(a);
      if (v == null || (s != null && s.kind() == ConfigSource.Kind.DERIVED)) {
        continue; // derived values are not what the user configured
      }
      if (a == ConfigAttribute.HOST && host != null) {
        v = host;
      }
      attrs.add(a.key() + "=" + (a.sensitive() ? "***" : v));
      if (s != null && s.kind() == ConfigSource.Kind.ENVIRONMENT) {
        envs.add(s.name());
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!attrs.isEmpty()) {
      sb.append("Config: ").append(String.join(", ", attrs));
    }
    if (!envs.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : ". ").append("Env: ").append(String.join(", ", envs));
    }
    return sb.toString();
  }

  /** {@code message} followed by {@code ". " + format(...)} when anything is set. */
  public static String withConfig(String message, Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources, String host) {
    String suffix = format(values, sources, host);
    return suffix.isEmpty() ? message : message + ". " + suffix;
  }
}
