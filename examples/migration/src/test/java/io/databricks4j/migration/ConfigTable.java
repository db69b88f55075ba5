package io.databricks4j.migration;

import io.databricks4j.core.config.ConfigAttribute;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every setter of the official {@code DatabricksConfig} next to the builder method of ours and
 * the shared attribute (profile key, environment variable), found by reflection on both classes.
 */
final class ConfigTable {
  /** Official setters whose attribute is spelled differently from the setter name. */
  private static final Map<String, String> ATTRIBUTE_OF = Map.of(
      "setAzureUseMSI", "azure_use_msi",
      "setOAuthRedirectUrl", "redirect_url");
  /** Ours where the builder method name is not the setter's name without "set". */
  private static final Map<String, String> OURS_FOR = Map.of(
      "setAzureUseMSI", "azureUseMsi",
      "setCredentialsProvider", "credentialsStrategy");

  String render() {
    Set<String> ours = Arrays.stream(io.databricks4j.core.DatabricksConfig.Builder.class.getMethods())
        .map(Method::getName).collect(Collectors.toSet());
    Map<String, String> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Method m : com.databricks.sdk.core.DatabricksConfig.class.getMethods()) {
      if (!m.getName().startsWith("set") || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())
          || !m.getReturnType().equals(com.databricks.sdk.core.DatabricksConfig.class)) {
        continue;
      }
      String setter = m.getName();
      String attribute = ATTRIBUTE_OF.getOrDefault(setter, snake(setter.substring(3)));
      Optional<ConfigAttribute> a = ConfigAttribute.byKey(attribute);
      String builder = OURS_FOR.getOrDefault(setter, lowerFirst(setter.substring(3)));
      String ourCell;
      if (ours.contains(builder)) {
        ourCell = "`" + builder + "(...)`";
      } else if (a.isPresent()) {
        ourCell = "`set(\"" + attribute + "\", ...)`";
      } else {
        ourCell = "not supported";
      }
      String key = a.map(x -> "`" + x.key() + "`").orElse("—");
      String env = a.map(x -> x.envVars().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))).orElse("—");
      rows.put(setter, "| `" + setter + "(...)` | " + ourCell + " | " + key + " | " + env + " |");
    }
    StringBuilder sb = new StringBuilder("| official `DatabricksConfig` | databricks4j `DatabricksConfig.builder()` | attribute | environment |\n")
        .append("|---|---|---|---|\n");
    rows.values().stream().distinct().forEach(r -> sb.append(r).append('\n'));
    return sb.toString();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
