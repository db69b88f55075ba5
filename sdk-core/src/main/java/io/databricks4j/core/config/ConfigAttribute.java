package io.databricks4j.core.config;

import io.databricks4j.auth.AttributeProvider;
import io.databricks4j.auth.AttributeSpec;
import io.databricks4j.auth.AttributeSpec.Kind;
import io.databricks4j.error.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A configuration attribute: its {@code .databrickscfg} key, its environment variables (first one
 * wins), whether it is a secret, and which authentication method it belongs to (for the "more than
 * one authorization method configured" check). The built-in ones are the constants here; plug-ins
 * add their own through an {@link AttributeProvider}, found by {@link ServiceLoader} the first time
 * {@link #values()} is asked for. Declaration order (built-ins first) is the order used in error
 * messages and {@code toString}.
 */
public final class ConfigAttribute {
  private static final List<ConfigAttribute> BUILT_INS = new ArrayList<>();

  public static final ConfigAttribute HOST = builtIn("host", Kind.STRING, false, null, "DATABRICKS_HOST");
  public static final ConfigAttribute ACCOUNT_ID = builtIn("account_id", Kind.STRING, false, null, "DATABRICKS_ACCOUNT_ID");
  public static final ConfigAttribute WORKSPACE_ID = builtIn("workspace_id", Kind.STRING, false, null, "DATABRICKS_WORKSPACE_ID");
  public static final ConfigAttribute TOKEN = builtIn("token", Kind.STRING, true, "pat", "DATABRICKS_TOKEN");
  public static final ConfigAttribute USERNAME = builtIn("username", Kind.STRING, false, "basic", "DATABRICKS_USERNAME");
  public static final ConfigAttribute PASSWORD = builtIn("password", Kind.STRING, true, "basic", "DATABRICKS_PASSWORD");
  public static final ConfigAttribute PROFILE = builtIn("profile", Kind.STRING, false, null, "DATABRICKS_CONFIG_PROFILE");
  public static final ConfigAttribute CONFIG_FILE = builtIn("config_file", Kind.STRING, false, null, "DATABRICKS_CONFIG_FILE");
  public static final ConfigAttribute GOOGLE_SERVICE_ACCOUNT = builtIn("google_service_account", Kind.STRING, false, "google", "DATABRICKS_GOOGLE_SERVICE_ACCOUNT");
  public static final ConfigAttribute GOOGLE_CREDENTIALS = builtIn("google_credentials", Kind.STRING, true, "google", "GOOGLE_CREDENTIALS");
  public static final ConfigAttribute AZURE_WORKSPACE_RESOURCE_ID = builtIn("azure_workspace_resource_id", Kind.STRING, false, "azure", "DATABRICKS_AZURE_RESOURCE_ID");
  public static final ConfigAttribute AZURE_USE_MSI = builtIn("azure_use_msi", Kind.BOOLEAN, false, "azure", "ARM_USE_MSI");
  public static final ConfigAttribute AZURE_CLIENT_SECRET = builtIn("azure_client_secret", Kind.STRING, true, "azure", "ARM_CLIENT_SECRET");
  public static final ConfigAttribute AZURE_CLIENT_ID = builtIn("azure_client_id", Kind.STRING, false, "azure", "ARM_CLIENT_ID");
  public static final ConfigAttribute AZURE_TENANT_ID = builtIn("azure_tenant_id", Kind.STRING, false, "azure", "ARM_TENANT_ID");
  public static final ConfigAttribute AZURE_ENVIRONMENT = builtIn("azure_environment", Kind.STRING, false, null, "ARM_ENVIRONMENT");
  public static final ConfigAttribute CLIENT_ID = builtIn("client_id", Kind.STRING, false, "oauth", "DATABRICKS_CLIENT_ID");
  public static final ConfigAttribute CLIENT_SECRET = builtIn("client_secret", Kind.STRING, true, "oauth", "DATABRICKS_CLIENT_SECRET");
  public static final ConfigAttribute DATABRICKS_CLI_PATH = builtIn("databricks_cli_path", Kind.STRING, false, null, "DATABRICKS_CLI_PATH");
  public static final ConfigAttribute AUTH_TYPE = builtIn("auth_type", Kind.STRING, false, null, "DATABRICKS_AUTH_TYPE");
  public static final ConfigAttribute CLOUD = builtIn("cloud", Kind.STRING, false, null, "DATABRICKS_CLOUD");
  public static final ConfigAttribute SCOPES = builtIn("scopes", Kind.LIST, false, null, "DATABRICKS_SCOPES");
  public static final ConfigAttribute TOKEN_AUDIENCE = builtIn("token_audience", Kind.STRING, false, null, "DATABRICKS_TOKEN_AUDIENCE");
  public static final ConfigAttribute DISCOVERY_URL = builtIn("discovery_url", Kind.STRING, false, null, "DATABRICKS_DISCOVERY_URL");
  public static final ConfigAttribute OIDC_TOKEN_FILEPATH = builtIn("oidc_token_filepath", Kind.STRING, false, null, "DATABRICKS_OIDC_TOKEN_FILEPATH", "DATABRICKS_OIDC_TOKEN_FILE");
  public static final ConfigAttribute OIDC_TOKEN_ENV = builtIn("oidc_token_env", Kind.STRING, false, null, "DATABRICKS_OIDC_TOKEN_ENV");
  public static final ConfigAttribute REDIRECT_URL = builtIn("redirect_url", Kind.STRING, false, null, "DATABRICKS_REDIRECT_URL");
  public static final ConfigAttribute METADATA_SERVICE_URL = builtIn("metadata_service_url", Kind.STRING, true, "metadata-service", "DATABRICKS_METADATA_SERVICE_URL");
  public static final ConfigAttribute CLUSTER_ID = builtIn("cluster_id", Kind.STRING, false, null, "DATABRICKS_CLUSTER_ID");
  public static final ConfigAttribute WAREHOUSE_ID = builtIn("warehouse_id", Kind.STRING, false, null, "DATABRICKS_WAREHOUSE_ID");
  public static final ConfigAttribute SERVERLESS_COMPUTE_ID = builtIn("serverless_compute_id", Kind.STRING, false, null, "DATABRICKS_SERVERLESS_COMPUTE_ID");
  public static final ConfigAttribute HTTP_TIMEOUT_SECONDS = builtIn("http_timeout_seconds", Kind.INT, false, null, "DATABRICKS_HTTP_TIMEOUT_SECONDS");
  public static final ConfigAttribute RETRY_TIMEOUT_SECONDS = builtIn("retry_timeout_seconds", Kind.INT, false, null, "DATABRICKS_RETRY_TIMEOUT_SECONDS");
  public static final ConfigAttribute DEBUG_TRUNCATE_BYTES = builtIn("debug_truncate_bytes", Kind.INT, false, null, "DATABRICKS_DEBUG_TRUNCATE_BYTES");
  public static final ConfigAttribute DEBUG_HEADERS = builtIn("debug_headers", Kind.BOOLEAN, false, null, "DATABRICKS_DEBUG_HEADERS");
  public static final ConfigAttribute RATE_LIMIT = builtIn("rate_limit", Kind.INT, false, null, "DATABRICKS_RATE_LIMIT");
  public static final ConfigAttribute SKIP_VERIFY = builtIn("skip_verify", Kind.BOOLEAN, false, null, "DATABRICKS_SKIP_VERIFY");
  public static final ConfigAttribute DISABLE_RETRIES = builtIn("disable_retries", Kind.BOOLEAN, false, null, "DATABRICKS_DISABLE_RETRIES");
  public static final ConfigAttribute DISABLE_OAUTH_REFRESH_TOKEN = builtIn("disable_oauth_refresh_token", Kind.BOOLEAN, false, null, "DATABRICKS_DISABLE_OAUTH_REFRESH_TOKEN");
  public static final ConfigAttribute OAUTH_BROWSER_AUTH_TIMEOUT_SECONDS = builtIn("oauth_browser_auth_timeout_seconds", Kind.INT, false, null, "DATABRICKS_OAUTH_BROWSER_AUTH_TIMEOUT");
  public static final ConfigAttribute HTTP_TRANSPORT = builtIn("http_transport", Kind.STRING, false, null, "DATABRICKS_HTTP_TRANSPORT");
  public static final ConfigAttribute PROXY_HOST = builtIn("proxy_host", Kind.STRING, false, null, "DATABRICKS_PROXY_HOST");
  public static final ConfigAttribute PROXY_PORT = builtIn("proxy_port", Kind.INT, false, null, "DATABRICKS_PROXY_PORT");
  public static final ConfigAttribute PROXY_USERNAME = builtIn("proxy_username", Kind.STRING, false, null, "DATABRICKS_PROXY_USERNAME");
  public static final ConfigAttribute PROXY_PASSWORD = builtIn("proxy_password", Kind.STRING, true, null, "DATABRICKS_PROXY_PASSWORD");
  public static final ConfigAttribute PROXY_AUTH_TYPE = builtIn("proxy_auth_type", Kind.STRING, false, null, "DATABRICKS_PROXY_AUTH_TYPE");
  public static final ConfigAttribute USE_SYSTEM_PROPERTIES_HTTP = builtIn("use_system_properties_http", Kind.BOOLEAN, false, null, "DATABRICKS_USE_SYSTEM_PROPERTIES_HTTP");

  /** Orders attributes as declared: built-ins first, then plug-in attributes by provider and position. */
  public static final Comparator<ConfigAttribute> ORDER = Comparator.comparingInt(a -> a.order);

  private static final class Declared {
    static final List<ConfigAttribute> ALL = load();
  }

  private final AttributeSpec spec;
  private final boolean builtIn;
  private final int order;

  private ConfigAttribute(AttributeSpec spec, boolean builtIn, int order) {
    this.spec = spec;
    this.builtIn = builtIn;
    this.order = order;
  }

  private static ConfigAttribute builtIn(String key, Kind kind, boolean sensitive, String authGroup, String... envVars) {
    ConfigAttribute a = new ConfigAttribute(AttributeSpec.builder(key).kind(kind).sensitive(sensitive)
        .authGroup(authGroup).envVars(envVars).build(), true, BUILT_INS.size());
    BUILT_INS.add(a);
    return a;
  }

  /** The attributes plug-ins declare, checked against the built-ins and each other. */
  private static List<ConfigAttribute> load() {
    Map<String, String> owners = new HashMap<>();
    for (ConfigAttribute b : BUILT_INS) {
      claim(owners, "name " + b.key(), "databricks4j");
      b.envVars().forEach(e -> claim(owners, "environment variable " + e, "databricks4j"));
    }
    List<ConfigAttribute> out = new ArrayList<>();
    ServiceLoader.load(AttributeProvider.class, AttributeProvider.class.getClassLoader()).stream().forEach(p -> {
      String owner = p.type().getName();
      for (AttributeSpec s : p.get().attributes()) {
        claim(owners, "name " + s.name(), owner);
        if (!s.profileKey().equals(s.name())) {
          claim(owners, "name " + s.profileKey(), owner);
        }
        s.envVars().forEach(e -> claim(owners, "environment variable " + e, owner));
        out.add(new ConfigAttribute(s, false, BUILT_INS.size() + out.size()));
      }
    });
    return List.copyOf(out);
  }

  private static void claim(Map<String, String> owners, String what, String owner) {
    String before = owners.putIfAbsent(what.toLowerCase(Locale.ROOT), owner);
    if (before != null) {
      throw new ConfigException("configuration attribute " + what + " is declared twice: by " + before + " and by "
          + owner + "; rename one of them");
    }
  }

  /** Every attribute, built-in and declared by plug-ins, in declaration order. */
  public static List<ConfigAttribute> values() {
    List<ConfigAttribute> declared = Declared.ALL;
    if (declared.isEmpty()) {
      return Collections.unmodifiableList(BUILT_INS);
    }
    List<ConfigAttribute> all = new ArrayList<>(BUILT_INS);
    all.addAll(declared);
    return Collections.unmodifiableList(all);
  }

  /** A map of attributes in declaration order. */
  public static <V> TreeMap<ConfigAttribute, V> newMap() {
    return new TreeMap<>(ORDER);
  }

  /** The name used in arguments and messages, for example {@code host}. */
  public String key() {
    return spec.name();
  }

  /** The key in a {@code .databrickscfg} profile; the name, unless a plug-in chose another. */
  public String profileKey() {
    return spec.profileKey();
  }

  public Kind kind() {
    return spec.kind();
  }

  /** Printed as {@code ***} everywhere. */
  public boolean sensitive() {
    return spec.sensitive();
  }

  /** The authentication method this attribute configures, if any ({@code pat}, {@code basic}, ...). */
  public Optional<String> authGroup() {
    return spec.authGroup();
  }

  /** The environment variables read, first one wins. */
  public List<String> envVars() {
    return spec.envVars();
  }

  /** One line saying what the attribute is; empty for most built-ins. */
  public String description() {
    return spec.description();
  }

  /** Whether databricks4j defines it, rather than a plug-in. */
  public boolean builtIn() {
    return builtIn;
  }

  /** The attribute with this name or {@code .databrickscfg} key. */
  public static Optional<ConfigAttribute> byKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (ConfigAttribute a : values()) {
      if (a.key().equals(k) || a.profileKey().equals(k)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Checks a raw value of this attribute, returning a message when it is invalid. */
  Optional<String> validate(String value) {
    return spec.validate(value);
  }

  @Override
  public String toString() {
    return key();
  }
}
