package io.databricks4j.core.config;

import io.databricks4j.auth.AttributeProvider;
import io.databricks4j.auth.AttributeSpec;
import io.databricks4j.auth.AttributeSpec.Kind;
import io.databricks4j.error.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
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
  private static final String BUILT_IN_OWNER = "databricks4j";

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

  /**
   * The attributes of the providers on the class path, or why they cannot be used: a collision
   * fails every resolution with the same message rather than leaving the class unusable.
   */
  private static final class Declared {
    static final List<ConfigAttribute> ALL;
    static final String PROBLEM;

    static {
      List<ConfigAttribute> all = List.of();
      String problem = null;
      try {
        all = declare(discover());
      } catch (ConfigException e) {
        problem = e.getMessage();
      }
      ALL = all;
      PROBLEM = problem;
    }
  }

  private final AttributeSpec spec;
  private final boolean builtIn;
  private final int order;
  private final String declaredBy;

  private ConfigAttribute(AttributeSpec spec, boolean builtIn, int order, String declaredBy) {
    this.spec = spec;
    this.builtIn = builtIn;
    this.order = order;
    this.declaredBy = declaredBy;
  }

  private static ConfigAttribute builtIn(String key, Kind kind, boolean sensitive, String authGroup, String... envVars) {
    ConfigAttribute a = new ConfigAttribute(AttributeSpec.builder(key).kind(kind).sensitive(sensitive)
        .authGroup(authGroup).envVars(envVars).build(), true, BUILT_INS.size(), BUILT_IN_OWNER);
    BUILT_INS.add(a);
    return a;
  }

  /** Each provider found by ServiceLoader with what it declares, keyed by its class name, in class path order. */
  private static Map<String, List<AttributeSpec>> discover() {
    Map<String, List<AttributeSpec>> found = new LinkedHashMap<>();
    try {
      ServiceLoader.load(AttributeProvider.class, AttributeProvider.class.getClassLoader()).stream().forEach(p -> {
        String owner = p.type().getName();
        List<AttributeSpec> specs;
        try {
          specs = p.get().attributes();
        } catch (RuntimeException | LinkageError e) {
          throw new ConfigException("the attribute provider " + owner + " failed to list its attributes (" + e
              + "); fix the plug-in or remove its jar from the class path", e);
        }
        if (specs == null || specs.stream().anyMatch(Objects::isNull)) {
          throw new ConfigException("the attribute provider " + owner + " listed no attributes or a null one; "
              + "attributes() returns a list of AttributeSpec (List.of() for none)");
        }
        found.merge(owner, specs, (a, b) -> a); // one jar twice on the class path is one provider
      });
    } catch (ServiceConfigurationError e) {
      throw new ConfigException("an attribute provider listed in META-INF/services/" + AttributeProvider.class.getName()
          + " cannot be loaded (" + e.getMessage() + "); fix the plug-in or remove its jar from the class path", e);
    }
    return found;
  }

  /**
   * The attributes of {@code providers} (provider class name to its declarations), checked
   * against the built-ins and each other: every name, profile key and environment variable has
   * one owner.
   *
   * @throws ConfigException on a collision, naming both owners and what they share
   */
  static List<ConfigAttribute> declare(Map<String, List<AttributeSpec>> providers) {
    Map<String, String[]> owners = new HashMap<>();
    for (ConfigAttribute b : BUILT_INS) {
      claim(owners, "key", b.key(), BUILT_IN_OWNER, b.key());
      b.envVars().forEach(e -> claim(owners, "environment variable", e, BUILT_IN_OWNER, b.key()));
    }
    List<ConfigAttribute> out = new ArrayList<>();
    providers.forEach((owner, specs) -> {
      for (AttributeSpec s : specs) {
        claim(owners, "key", s.name(), owner, s.name());
        if (!s.profileKey().equalsIgnoreCase(s.name())) {
          claim(owners, "key", s.profileKey(), owner, s.name());
        }
        s.envVars().forEach(e -> claim(owners, "environment variable", e, owner, s.name()));
        out.add(new ConfigAttribute(s, false, BUILT_INS.size() + out.size(), owner));
      }
    });
    return List.copyOf(out);
  }

  /**
   * Records that {@code owner}'s attribute {@code attribute} uses {@code value} as its name or profile
   * key ({@code what} = {@code key}) or as an environment variable, or fails naming who has it.
   */
  private static void claim(Map<String, String[]> owners, String what, String value, String owner, String attribute) {
    String[] before = owners.putIfAbsent(what + " " + value.toLowerCase(Locale.ROOT), new String[] {owner, attribute});
    if (before == null) {
      return;
    }
    boolean env = what.equals("environment variable");
    String mine = owner + " declares attribute " + attribute
        + (env ? " with environment variable " + value : value.equalsIgnoreCase(attribute) ? "" : " with profile key " + value);
    String role = env ? "an environment variable" : value.equalsIgnoreCase(before[1]) ? "the name" : "the profile key";
    boolean builtInOwner = BUILT_IN_OWNER.equals(before[0]);
    String theirs = builtInOwner ? "the built-in attribute " + before[1] : "attribute " + before[1] + " of " + before[0];
    String fix = builtInOwner ? "a plug-in cannot redefine or shadow a built-in attribute: rename it in " + owner
        : owner.equals(before[0]) ? "declare it once"
        : "rename one of them, or keep one of the two plug-ins off the class path";
    throw new ConfigException("configuration attribute collision: " + mine + ", but " + value + " is already " + role
        + " of " + theirs + "; " + fix);
  }

  /** Every attribute, built-in and declared by plug-ins, in declaration order. */
  public static List<ConfigAttribute> values() {
    if (Declared.PROBLEM != null) {
      throw new ConfigException(Declared.PROBLEM);
    }
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

  /** The class name of the {@link AttributeProvider} that declared it; {@code databricks4j} for a built-in. */
  public String declaredBy() {
    return declaredBy;
  }

  /** The attribute with this name or {@code .databrickscfg} key. */
  public static Optional<ConfigAttribute> byKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (ConfigAttribute a : values()) {
      if (a.key().equals(k) || a.profileKey().equalsIgnoreCase(k)) {
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
