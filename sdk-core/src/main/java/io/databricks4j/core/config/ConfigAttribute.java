package io.databricks4j.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every configuration attribute: its {@code .databrickscfg} key, its environment variables (first
 * one wins), whether it is a secret, and which authentication method it belongs to (for the
 * "more than one authorization method configured" check). Declaration order is the order used in
 * error messages and {@code toString}.
 */
public enum ConfigAttribute {
  HOST("host", Kind.STRING, false, null, "DATABRICKS_HOST"),
  ACCOUNT_ID("account_id", Kind.STRING, false, null, "DATABRICKS_ACCOUNT_ID"),
  WORKSPACE_ID("workspace_id", Kind.STRING, false, null, "DATABRICKS_WORKSPACE_ID"),
  TOKEN("token", Kind.STRING, true, "pat", "DATABRICKS_TOKEN"),
  USERNAME("username", Kind.STRING, false, "basic", "DATABRICKS_USERNAME"),
  PASSWORD("password", Kind.STRING, true, "basic", "DATABRICKS_PASSWORD"),
  PROFILE("profile", Kind.STRING, false, null, "DATABRICKS_CONFIG_PROFILE"),
  CONFIG_FILE("config_file", Kind.STRING, false, null, "DATABRICKS_CONFIG_FILE"),
  GOOGLE_SERVICE_ACCOUNT("google_service_account", Kind.STRING, false, "google", "DATABRICKS_GOOGLE_SERVICE_ACCOUNT"),
  GOOGLE_CREDENTIALS("google_credentials", Kind.STRING, true, "google", "GOOGLE_CREDENTIALS"),
  AZURE_WORKSPACE_RESOURCE_ID("azure_workspace_resource_id", Kind.STRING, false, "azure", "DATABRICKS_AZURE_RESOURCE_ID"),
  AZURE_USE_MSI("azure_use_msi", Kind.BOOLEAN, false, "azure", "ARM_USE_MSI"),
  AZURE_CLIENT_SECRET("azure_client_secret", Kind.STRING, true, "azure", "ARM_CLIENT_SECRET"),
  AZURE_CLIENT_ID("azure_client_id", Kind.STRING, false, "azure", "ARM_CLIENT_ID"),
  AZURE_TENANT_ID("azure_tenant_id", Kind.STRING, false, "azure", "ARM_TENANT_ID"),
  AZURE_ENVIRONMENT("azure_environment", Kind.STRING, false, null, "ARM_ENVIRONMENT"),
  CLIENT_ID("client_id", Kind.STRING, false, "oauth", "DATABRICKS_CLIENT_ID"),
  CLIENT_SECRET("client_secret", Kind.STRING, true, "oauth", "DATABRICKS_CLIENT_SECRET"),
  DATABRICKS_CLI_PATH("databricks_cli_path", Kind.STRING, false, null, "DATABRICKS_CLI_PATH"),
  AUTH_TYPE("auth_type", Kind.STRING, false, null, "DATABRICKS_AUTH_TYPE"),
  CLOUD("cloud", Kind.STRING, false, null, "DATABRICKS_CLOUD"),
  SCOPES("scopes", Kind.LIST, false, null, "DATABRICKS_SCOPES"),
  TOKEN_AUDIENCE("token_audience", Kind.STRING, false, null, "DATABRICKS_TOKEN_AUDIENCE"),
  DISCOVERY_URL("discovery_url", Kind.STRING, false, null, "DATABRICKS_DISCOVERY_URL"),
  OIDC_TOKEN_FILEPATH("oidc_token_filepath", Kind.STRING, false, null, "DATABRICKS_OIDC_TOKEN_FILEPATH", "DATABRICKS_OIDC_TOKEN_FILE"),
  OIDC_TOKEN_ENV("oidc_token_env", Kind.STRING, false, null, "DATABRICKS_OIDC_TOKEN_ENV"),
  REDIRECT_URL("redirect_url", Kind.STRING, false, null, "DATABRICKS_REDIRECT_URL"),
  METADATA_SERVICE_URL("metadata_service_url", Kind.STRING, true, "metadata-service", "DATABRICKS_METADATA_SERVICE_URL"),
  CLUSTER_ID("cluster_id", Kind.STRING, false, null, "DATABRICKS_CLUSTER_ID"),
  WAREHOUSE_ID("warehouse_id", Kind.STRING, false, null, "DATABRICKS_WAREHOUSE_ID"),
  SERVERLESS_COMPUTE_ID("serverless_compute_id", Kind.STRING, false, null, "DATABRICKS_SERVERLESS_COMPUTE_ID"),
  HTTP_TIMEOUT_SECONDS("http_timeout_seconds", Kind.INT, false, null, "DATABRICKS_HTTP_TIMEOUT_SECONDS"),
  RETRY_TIMEOUT_SECONDS("retry_timeout_seconds", Kind.INT, false, null, "DATABRICKS_RETRY_TIMEOUT_SECONDS"),
  DEBUG_TRUNCATE_BYTES("debug_truncate_bytes", Kind.INT, false, null, "DATABRICKS_DEBUG_TRUNCATE_BYTES"),
  DEBUG_HEADERS("debug_headers", Kind.BOOLEAN, false, null, "DATABRICKS_DEBUG_HEADERS"),
  RATE_LIMIT("rate_limit", Kind.INT, false, null, "DATABRICKS_RATE_LIMIT"),
  SKIP_VERIFY("skip_verify", Kind.BOOLEAN, false, null, "DATABRICKS_SKIP_VERIFY"),
  DISABLE_RETRIES("disable_retries", Kind.BOOLEAN, false, null, "DATABRICKS_DISABLE_RETRIES"),
  DISABLE_OAUTH_REFRESH_TOKEN("disable_oauth_refresh_token", Kind.BOOLEAN, false, null, "DATABRICKS_DISABLE_OAUTH_REFRESH_TOKEN"),
  OAUTH_BROWSER_AUTH_TIMEOUT_SECONDS("oauth_browser_auth_timeout_seconds", Kind.INT, false, null, "DATABRICKS_OAUTH_BROWSER_AUTH_TIMEOUT");

  /** How a value is read and checked. */
  public enum Kind {
    STRING,
    INT,
    BOOLEAN,
    /** comma- or space-separated */
    LIST
  }

  private static final Map<String, ConfigAttribute> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(a -> a.key, Function.identity()));

  private final String key;
  private final Kind kind;
  private final boolean sensitive;
  private final String authGroup;
  private final List<String> envVars;

  ConfigAttribute(String key, Kind kind, boolean sensitive, String authGroup, String... envVars) {
    this.key = key;
    this.kind = kind;
    this.sensitive = sensitive;
    this.authGroup = authGroup;
    this.envVars = List.of(envVars);
  }

  /** The {@code .databrickscfg} key and the name used in messages, for example {@code host}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** Printed as {@code ***} everywhere. */
  public boolean sensitive() {
    return sensitive;
  }

  /** The authentication method this attribute configures, if any ({@code pat}, {@code basic}, ...). */
  public Optional<String> authGroup() {
    return Optional.ofNullable(authGroup);
  }

  /** The environment variables read, first one wins. */
  public List<String> envVars() {
    return envVars;
  }

  /** The attribute with this {@code .databrickscfg} key. */
  public static Optional<ConfigAttribute> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key.toLowerCase(Locale.ROOT)));
  }

  /** Checks a raw value of this attribute, returning a message when it is invalid. */
  Optional<String> validate(String value) {
    switch (kind) {
      case INT:
        try {
          Integer.parseInt(value.trim());
          return Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.of(key + " must be a whole number, got \"" + (sensitive ? "***" : value) + "\"");
        }
      case BOOLEAN:
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0") || v.isEmpty()
            ? Optional.empty()
            : Optional.of(key + " must be true or false, got \"" + value + "\"");
      default:
        return Optional.empty();
    }
  }
}
