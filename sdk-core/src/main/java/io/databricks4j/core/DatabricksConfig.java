package io.databricks4j.core;

import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.config.ConfigDescriptions;
import io.databricks4j.core.config.ConfigResolver;
import io.databricks4j.core.config.ConfigSource;
import io.databricks4j.core.config.Environment;
import io.databricks4j.core.config.Hosts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The configuration of a client: every attribute of unified authentication plus HTTP settings.
 *
 * <p>Immutable. Build one with {@link #builder()} (explicit arguments), then {@link #resolve()}
 * merges in {@code DATABRICKS_*} environment variables and the {@code .databrickscfg} profile
 * (explicit &gt; environment &gt; profile) and remembers where each value came from. Clients
 * resolve the configuration they are given, so users rarely call {@code resolve()} themselves.
 * Secrets print as {@code ***}.
 */
public final class DatabricksConfig {
  /** Default of {@code http_timeout_seconds}. */
  public static final int DEFAULT_HTTP_TIMEOUT_SECONDS = 60;
  /** Default of {@code retry_timeout_seconds}. */
  public static final int DEFAULT_RETRY_TIMEOUT_SECONDS = 300;
  /** Default of {@code debug_truncate_bytes}. */
  public static final int DEFAULT_DEBUG_TRUNCATE_BYTES = 96;

  private final Map<ConfigAttribute, String> values;
  private final Map<ConfigAttribute, ConfigSource> sources;
  private final boolean resolved;
  private final Environment environment;
  private final CredentialsStrategy credentialsStrategy;
  private final HttpOptions httpOptions;
  private final Map<String, String> userAgentExtras;
  private final String normalizedHost;

  private DatabricksConfig(Builder b, boolean resolved) {
    this.values = Collections.unmodifiableMap(copy(b.values));
    this.sources = Collections.unmodifiableMap(copy(b.sources));
    this.resolved = resolved;
    this.environment = b.environment;
    this.credentialsStrategy = b.credentialsStrategy;
    this.httpOptions = b.httpOptions;
    this.userAgentExtras = Collections.unmodifiableMap(new LinkedHashMap<>(b.userAgentExtras));
    this.normalizedHost = Hosts.normalize(values.get(ConfigAttribute.HOST)).orElse(null);
  }

  private static <V> Map<ConfigAttribute, V> copy(Map<ConfigAttribute, V> m) {
    Map<ConfigAttribute, V> c = ConfigAttribute.newMap();
    c.putAll(m);
    return c;
  }

  /** A builder of explicit arguments. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration from the environment and {@code ~/.databrickscfg} alone, resolved. */
  public static DatabricksConfig create() {
    return builder().build().resolve();
  }

  /** A builder holding this configuration's values; a resolved configuration's values become explicit. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    b.sources.putAll(sources);
    b.environment = environment;
    b.credentialsStrategy = credentialsStrategy;
    b.httpOptions = httpOptions;
    b.userAgentExtras.putAll(userAgentExtras);
    return b;
  }

  /**
   * Merges environment variables and the config-file profile into the explicit arguments.
   * Returns {@code this} when already resolved.
   *
   * @throws io.databricks4j.error.ConfigException on an unknown profile, a malformed config file
   *     or an invalid value, naming the file, profile or attribute
   */
  public DatabricksConfig resolve() {
    if (resolved) {
      return this;
    }
    Builder merged = toBuilder();
    ConfigResolver.resolveInto(merged.values, merged.sources, environment);
    return new DatabricksConfig(merged, true);
  }

  /**
   * Merges environment variables only, without reading any config file: what is known even when
   * the profile cannot be loaded. For diagnostics (the {@code auth describe} command).
   */
  public DatabricksConfig resolveEnvironmentOnly() {
    Builder merged = toBuilder();
    ConfigResolver.resolveEnvironment(merged.values, merged.sources, environment);
    return new DatabricksConfig(merged, true);
  }

  /**
   * This configuration with {@code attribute} set to {@code value}, marked as derived ({@code how}
   * says from what): not something the user configured, so it stays out of error messages.
   */
  public DatabricksConfig withDerived(ConfigAttribute attribute, String value, String how) {
    Builder b = toBuilder();
    b.values.put(attribute, value);
    b.sources.put(attribute, ConfigSource.derived(how));
    return new DatabricksConfig(b, resolved);
  }

  /** Whether {@link #resolve()} has run. */
  public boolean isResolved() {
    return resolved;
  }

  /** The value of an attribute (empty values count as unset). */
  public Optional<String> get(ConfigAttribute attribute) {
    return Optional.ofNullable(values.get(attribute));
  }

  /** Where an attribute's value came from. */
  public Optional<ConfigSource> source(ConfigAttribute attribute) {
    return Optional.ofNullable(sources.get(attribute));
  }

  /** Every attribute that has a value, in declaration order, with its source. */
  public Map<ConfigAttribute, ConfigSource> sources() {
    return sources;
  }

  /** The value of an attribute, built-in or declared by a plug-in, by name or {@code .databrickscfg} key. */
  public Optional<String> attribute(String name) {
    return ConfigAttribute.byKey(name).flatMap(this::get);
  }

  /** The host as written, before normalisation. */
  public Optional<String> rawHost() {
    return get(ConfigAttribute.HOST);
  }

  public Optional<String> host() {
    return Optional.ofNullable(normalizedHost);
  }

  public Optional<String> accountId() {
    return get(ConfigAttribute.ACCOUNT_ID);
  }

  public Optional<String> workspaceId() {
    return get(ConfigAttribute.WORKSPACE_ID);
  }

  public Optional<String> profile() {
    return get(ConfigAttribute.PROFILE);
  }

  public Optional<String> authType() {
    return get(ConfigAttribute.AUTH_TYPE);
  }

  public Optional<String> clusterId() {
    return get(ConfigAttribute.CLUSTER_ID);
  }

  public Optional<String> warehouseId() {
    return get(ConfigAttribute.WAREHOUSE_ID);
  }

  public boolean isAccountClient() {
    return Hosts.isAccountHost(normalizedHost);
  }

  public Cloud cloud() {
    return Hosts.cloud(normalizedHost, get(ConfigAttribute.CLOUD).orElse(null),
        get(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID).isPresent());
  }

  /** Whether the workspace runs on Azure. */
  public boolean isAzure() {
    return cloud() == Cloud.AZURE;
  }

  public List<String> scopes() {
    List<String> s = scopesAsSet();
    return s.isEmpty() ? List.of("all-apis") : s;
  }

  private List<String> scopesAsSet() {
    TreeSet<String> set = new TreeSet<>();
    get(ConfigAttribute.SCOPES).ifPresent(v -> {
      for (String part : v.split("[,\\s]+")) {
        if (!part.isBlank()) {
          set.add(part.strip());
        }
      }
    });
    return List.copyOf(set);
  }

  public Map<String, String> environment() {
    return environment.variables();
  }

  public Path homeDirectory() {
    return environment.home();
  }

  /** The environment seam this configuration reads. */
  public Environment environmentSeam() {
    return environment;
  }

  public int httpTimeoutSeconds() {
    return intValue(ConfigAttribute.HTTP_TIMEOUT_SECONDS, DEFAULT_HTTP_TIMEOUT_SECONDS);
  }

  public int retryTimeoutSeconds() {
    return intValue(ConfigAttribute.RETRY_TIMEOUT_SECONDS, DEFAULT_RETRY_TIMEOUT_SECONDS);
  }

  public int debugTruncateBytes() {
    return intValue(ConfigAttribute.DEBUG_TRUNCATE_BYTES, DEFAULT_DEBUG_TRUNCATE_BYTES);
  }

  /** Requests per second allowed by this client; 0 means unlimited. */
  public int rateLimit() {
    return intValue(ConfigAttribute.RATE_LIMIT, 0);
  }

  /** Whether a boolean attribute is set to {@code true} (or {@code 1}). */
  public boolean flag(String name) {
    return attribute(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }

  /** The {@code http_transport} setting: the transport's name ({@code apache}, {@code jdk}). */
  public Optional<String> httpTransport() {
    return get(ConfigAttribute.HTTP_TRANSPORT);
  }

  public boolean debugHeaders() {
    return flag(ConfigAttribute.DEBUG_HEADERS.key());
  }

  public boolean skipVerify() {
    return flag(ConfigAttribute.SKIP_VERIFY.key());
  }

  public boolean disableRetries() {
    return flag(ConfigAttribute.DISABLE_RETRIES.key());
  }

  private int intValue(ConfigAttribute a, int fallback) {
    return get(a).map(v -> Integer.parseInt(v.trim())).orElse(fallback);
  }

  /** The strategy object given explicitly, which beats {@code auth_type} and discovery. */
  public Optional<CredentialsStrategy> credentialsStrategy() {
    return Optional.ofNullable(credentialsStrategy);
  }

  public HttpOptions httpOptions() {
    return httpOptions;
  }

  /** Extra {@code key/value} pairs for the user agent of clients of this configuration. */
  public Map<String, String> userAgentExtras() {
    return userAgentExtras;
  }

  /**
   * {@code Config: host=https://x, token=***. Env: DATABRICKS_HOST}: the attributes that are set
   * (secrets as {@code ***}) and the environment variables they came from, as in the official
   * SDKs' error messages. {@code normalizedHost} prints the host after normalisation.
   */
  public String debugString(boolean normalizedHost) {
    return ConfigDescriptions.format(values, sources, normalizedHost ? this.normalizedHost : null);
  }

  /** Every attribute with a value, its redacted value and its source, one per line. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<ConfigAttribute, String> e : values.entrySet()) {
      ConfigAttribute a = e.getKey();
      String v = a == ConfigAttribute.HOST && normalizedHost != null ? normalizedHost : e.getValue();
      sb.append(a.key()).append('=').append(a.sensitive() ? "***" : v);
      ConfigSource s = sources.get(a);
      sb.append(" (").append(s == null ? "argument" : s).append(")\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DatabricksConfig{");
    boolean first = true;
    for (Map.Entry<ConfigAttribute, String> e : values.entrySet()) {
      ConfigAttribute a = e.getKey();
      sb.append(first ? "" : ", ").append(a.key()).append('=').append(a.sensitive() ? "***" : e.getValue());
      first = false;
    }
    if (credentialsStrategy != null) {
      sb.append(first ? "" : ", ").append("credentials=").append(credentialsStrategy.authType());
    }
    return sb.append(resolved ? "}" : ", unresolved}").toString();
  }

  /** Builder of {@link DatabricksConfig}; every setter takes null to unset. */
  public static final class Builder {
    private final Map<ConfigAttribute, String> values = ConfigAttribute.newMap();
    private final Map<ConfigAttribute, ConfigSource> sources = ConfigAttribute.newMap();
    private final Map<String, String> userAgentExtras = new LinkedHashMap<>();
    private Environment environment = Environment.system();
    private CredentialsStrategy credentialsStrategy;
    private HttpOptions httpOptions = HttpOptions.defaults();

    private Builder() {}

    /** Sets an attribute by its {@code .databrickscfg} key. */
    public Builder set(String key, String value) {
      ConfigAttribute a = ConfigAttribute.byKey(key).orElseThrow(() -> new io.databricks4j.error.ConfigException(
          "unknown configuration attribute \"" + key + "\"; known: " + ConfigAttribute.values().stream()
              .map(ConfigAttribute::key).collect(java.util.stream.Collectors.joining(", "))));
      return set(a, value);
    }

    /** Sets an attribute; null or empty unsets it. */
    public Builder set(ConfigAttribute attribute, String value) {
      if (value == null || value.isEmpty()) {
        values.remove(attribute);
        sources.remove(attribute);
      } else {
        values.put(attribute, value);
        sources.put(attribute, ConfigSource.argument());
      }
      return this;
    }

    public Builder host(String v) {
      return set(ConfigAttribute.HOST, v);
    }

    public Builder accountId(String v) {
      return set(ConfigAttribute.ACCOUNT_ID, v);
    }

    public Builder workspaceId(String v) {
      return set(ConfigAttribute.WORKSPACE_ID, v);
    }

    public Builder token(String v) {
      return set(ConfigAttribute.TOKEN, v);
    }

    public Builder username(String v) {
      return set(ConfigAttribute.USERNAME, v);
    }

    public Builder password(String v) {
      return set(ConfigAttribute.PASSWORD, v);
    }

    public Builder clientId(String v) {
      return set(ConfigAttribute.CLIENT_ID, v);
    }

    public Builder clientSecret(String v) {
      return set(ConfigAttribute.CLIENT_SECRET, v);
    }

    public Builder profile(String v) {
      return set(ConfigAttribute.PROFILE, v);
    }

    public Builder configFile(String v) {
      return set(ConfigAttribute.CONFIG_FILE, v);
    }

    public Builder authType(String v) {
      return set(ConfigAttribute.AUTH_TYPE, v);
    }

    public Builder azureWorkspaceResourceId(String v) {
      return set(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID, v);
    }

    public Builder azureUseMsi(boolean v) {
      return set(ConfigAttribute.AZURE_USE_MSI, Boolean.toString(v));
    }

    public Builder azureClientId(String v) {
      return set(ConfigAttribute.AZURE_CLIENT_ID, v);
    }

    public Builder azureClientSecret(String v) {
      return set(ConfigAttribute.AZURE_CLIENT_SECRET, v);
    }

    public Builder azureTenantId(String v) {
      return set(ConfigAttribute.AZURE_TENANT_ID, v);
    }

    public Builder azureEnvironment(String v) {
      return set(ConfigAttribute.AZURE_ENVIRONMENT, v);
    }

    public Builder googleCredentials(String v) {
      return set(ConfigAttribute.GOOGLE_CREDENTIALS, v);
    }

    public Builder googleServiceAccount(String v) {
      return set(ConfigAttribute.GOOGLE_SERVICE_ACCOUNT, v);
    }

    public Builder clusterId(String v) {
      return set(ConfigAttribute.CLUSTER_ID, v);
    }

    public Builder warehouseId(String v) {
      return set(ConfigAttribute.WAREHOUSE_ID, v);
    }

    public Builder serverlessComputeId(String v) {
      return set(ConfigAttribute.SERVERLESS_COMPUTE_ID, v);
    }

    public Builder metadataServiceUrl(String v) {
      return set(ConfigAttribute.METADATA_SERVICE_URL, v);
    }

    /** OAuth scopes; {@code all-apis} when none are given. */
    public Builder scopes(List<String> v) {
      return set(ConfigAttribute.SCOPES, v == null ? null : String.join(",", v));
    }

    public Builder tokenAudience(String v) {
      return set(ConfigAttribute.TOKEN_AUDIENCE, v);
    }

    public Builder discoveryUrl(String v) {
      return set(ConfigAttribute.DISCOVERY_URL, v);
    }

    public Builder oidcTokenFilepath(String v) {
      return set(ConfigAttribute.OIDC_TOKEN_FILEPATH, v);
    }

    public Builder cloud(Cloud v) {
      return set(ConfigAttribute.CLOUD, v == null ? null : v.name());
    }

    public Builder httpTimeoutSeconds(int v) {
      return set(ConfigAttribute.HTTP_TIMEOUT_SECONDS, Integer.toString(v));
    }

    public Builder retryTimeoutSeconds(int v) {
      return set(ConfigAttribute.RETRY_TIMEOUT_SECONDS, Integer.toString(v));
    }

    public Builder debugTruncateBytes(int v) {
      return set(ConfigAttribute.DEBUG_TRUNCATE_BYTES, Integer.toString(v));
    }

    public Builder debugHeaders(boolean v) {
      return set(ConfigAttribute.DEBUG_HEADERS, Boolean.toString(v));
    }

    /** Requests per second; 0 for no limit. */
    public Builder rateLimit(int v) {
      return set(ConfigAttribute.RATE_LIMIT, Integer.toString(v));
    }

    public Builder skipVerify(boolean v) {
      return set(ConfigAttribute.SKIP_VERIFY, Boolean.toString(v));
    }

    public Builder disableRetries(boolean v) {
      return set(ConfigAttribute.DISABLE_RETRIES, Boolean.toString(v));
    }

    /** Use this strategy, whatever {@code auth_type} and the other attributes say. */
    public Builder credentialsStrategy(CredentialsStrategy v) {
      credentialsStrategy = v;
      return this;
    }

    /** Read this environment and home directory instead of the process's (tests). */
    public Builder environment(Environment v) {
      environment = v == null ? Environment.system() : v;
      return this;
    }

    public Builder httpOptions(HttpOptions v) {
      httpOptions = v == null ? HttpOptions.defaults() : v;
      return this;
    }

    /** Adds {@code key/value} to the user agent of clients of this configuration. */
    public Builder userAgentExtra(String key, String value) {
      userAgentExtras.put(key, value);
      return this;
    }

    public DatabricksConfig build() {
      return new DatabricksConfig(this, false);
    }
  }
}
