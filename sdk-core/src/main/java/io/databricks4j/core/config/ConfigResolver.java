package io.databricks4j.core.config;

import io.databricks4j.error.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges explicit arguments, environment variables and the {@code .databrickscfg} profile, in
 * that order of precedence, following the rules of the official SDKs: the profile is
 * {@code profile}/{@code DATABRICKS_CONFIG_PROFILE}, else {@code [__settings__] default_profile},
 * else {@code DEFAULT}; a host given without a profile skips the file; a missing file is not an
 * error unless a profile was named.
 */
public final class ConfigResolver {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j.config");

  private ConfigResolver() {}

  /** Resolves into the given maps (explicit values already in them). */
  public static void resolveInto(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources, Environment env) {
    resolveEnvironment(values, sources, env);
    checkValues(values, sources);
    loadProfile(values, sources, env);
    promoteHostQuery(values, sources);
    String rawHost = values.get(ConfigAttribute.HOST);
    if (rawHost != null && Hosts.normalize(rawHost).isEmpty()) {
      throw new ConfigException(ConfigDescriptions.withConfig("no host configured: host \"" + rawHost
          + "\" has no host name; set it to the workspace URL, for example https://my-workspace.cloud.databricks.com", values, sources, null));
    }
  }

  /** Fills attributes that are not set from their environment variables. */
  public static void resolveEnvironment(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources, Environment env) {
    for (ConfigAttribute a : ConfigAttribute.values()) {
      if (values.containsKey(a)) {
        continue;
      }
      for (String var : a.envVars()) {
        String v = env.get(var);
        if (v != null) {
          values.put(a, v);
          sources.put(a, ConfigSource.env(var));
          break;
        }
      }
    }
  }

  private static void checkValues(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources) {
    for (Map.Entry<ConfigAttribute, String> e : values.entrySet()) {
      Optional<String> problem = e.getKey().validate(e.getValue());
      if (problem.isPresent()) {
        ConfigSource s = sources.get(e.getKey());
        throw new ConfigException(problem.get() + " (from " + (s == null ? "argument" : s) + ")");
      }
    }
  }

  /** The config file path: {@code config_file} (with {@code ~} expanded) or {@code ~/.databrickscfg}. */
  public static Path configFilePath(Map<ConfigAttribute, String> values, Environment env) {
    String file = values.get(ConfigAttribute.CONFIG_FILE);
    if (file == null) {
      return env.home().resolve(".databrickscfg");
    }
    if (file.equals("~") || file.startsWith("~/")) {
      return env.home().resolve(file.length() <= 2 ? "" : file.substring(2));
    }
    return Path.of(file);
  }

  private static void loadProfile(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources, Environment env) {
    String explicit = values.get(ConfigAttribute.PROFILE);
    if (explicit == null && values.containsKey(ConfigAttribute.HOST)) {
      LOG.debug("host is set and no profile named: not loading a config file profile");
      return;
    }
    Path path = configFilePath(values, env);
    Optional<ConfigFile> maybe = ConfigFile.read(path);
    if (maybe.isEmpty()) {
      if (explicit != null) {
        throw new ConfigException(ConfigDescriptions.withConfig("resolve: " + path + " does not exist, so profile "
            + explicit + " cannot be loaded; create the file or point config_file / DATABRICKS_CONFIG_FILE at it", values, sources, null));
      }
      LOG.debug("config file {} does not exist: skipping profiles", path);
      return;
    }
    ConfigFile file = maybe.get();
    String name;
    boolean mustExist;
    if (explicit != null) {
      name = explicit;
      mustExist = true;
    } else if (file.defaultProfileSetting().isPresent()) {
      name = file.defaultProfileSetting().get();
      mustExist = true;
    } else {
      name = ConfigFile.DEFAULT_PROFILE;
      mustExist = false;
    }
    if (name.equals(ConfigFile.SETTINGS_SECTION)) {
      throw new ConfigException("resolve: " + path + ": " + ConfigFile.SETTINGS_SECTION
          + " is a reserved section name and cannot be used as a profile; name one of: " + String.join(", ", file.profiles()));
    }
    Optional<Map<String, String>> section = file.section(name);
    if (section.isEmpty()) {
      if (!mustExist) {
        LOG.debug("config file {} has no {} profile: skipping", path, name);
        return;
      }
      throw new ConfigException(ConfigDescriptions.withConfig("resolve: " + path + " has no " + name + " profile configured", values, sources, null)
          + (file.profiles().isEmpty() ? "" : "\nProfiles in that file: " + String.join(", ", file.profiles())));
    }
    if (explicit == null) {
      // the profile that was used is written back, as the Go SDK does
      values.put(ConfigAttribute.PROFILE, name);
      sources.put(ConfigAttribute.PROFILE, ConfigSource.derived(mustExist
          ? "[__settings__] default_profile in " + path : "the " + ConfigFile.DEFAULT_PROFILE + " profile of " + path));
    }
    ConfigSource source = ConfigSource.profile(name, path);
    for (Map.Entry<String, String> kv : section.get().entrySet()) {
      Optional<ConfigAttribute> a = ConfigAttribute.byKey(kv.getKey());
      if (a.isEmpty()) {
        LOG.debug("ignoring unknown key {} in profile {} of {}", kv.getKey(), name, path);
        continue;
      }
      if (values.containsKey(a.get()) || kv.getValue().isEmpty()) {
        continue;
      }
      Optional<String> problem = a.get().validate(kv.getValue());
      if (problem.isPresent()) {
        throw new ConfigException(problem.get() + " (from " + source + ")");
      }
      values.put(a.get(), kv.getValue());
      sources.put(a.get(), source);
    }
    LOG.debug("loaded profile {} from {}", name, path);
  }

  /** {@code ?o=} / {@code ?w=} / {@code ?workspace_id=} and {@code ?a=} in the host URL fill workspace and account id. */
  private static void promoteHostQuery(Map<ConfigAttribute, String> values, Map<ConfigAttribute, ConfigSource> sources) {
    String host = values.get(ConfigAttribute.HOST);
    if (host == null || !host.contains("?")) {
      return;
    }
    Map<String, String> q = Hosts.query(host);
    String ws = q.get("w");
    if (ws == null) {
      ws = q.get("workspace_id");
    }
    if (ws == null && q.get("o") != null && q.get("o").matches("\\d+")) {
      ws = q.get("o");
    }
    if (ws != null && !ws.isEmpty() && !values.containsKey(ConfigAttribute.WORKSPACE_ID)) {
      values.put(ConfigAttribute.WORKSPACE_ID, ws);
      sources.put(ConfigAttribute.WORKSPACE_ID, ConfigSource.derived("the query of host"));
    }
    String account = q.get("a");
    if (account != null && !account.isEmpty() && !values.containsKey(ConfigAttribute.ACCOUNT_ID)) {
      values.put(ConfigAttribute.ACCOUNT_ID, account);
      sources.put(ConfigAttribute.ACCOUNT_ID, ConfigSource.derived("the query of host"));
    }
  }
}
