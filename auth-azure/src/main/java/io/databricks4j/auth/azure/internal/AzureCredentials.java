package io.databricks4j.auth.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.util.Locale;
import java.util.Optional;

/** Builds the Azure Identity credential of each strategy from the configuration. */
public final class AzureCredentials {
  public static final String MSI = "azure-msi";
  public static final String CLIENT_SECRET = "azure-client-secret";
  public static final String CLI = "azure-cli";

  private AzureCredentials() {}

  /** Whether the configuration points at Azure: an Azure host, or a workspace resource id. */
  public static boolean isAzure(ConfigView config) {
    return config.cloud() == io.databricks4j.auth.Cloud.AZURE || resourceId(config).isPresent();
  }

  public static Optional<String> resourceId(ConfigView config) {
    return config.attribute("azure_workspace_resource_id");
  }

  /** System-assigned managed identity, or the user-assigned one named by {@code azure_client_id}. */
  public static TokenCredential managedIdentity(ConfigView config, AzureTransport transport) {
    ManagedIdentityCredentialBuilder b = transport.configure(new ManagedIdentityCredentialBuilder(), config);
    config.attribute("azure_client_id").ifPresent(b::clientId);
    return build(MSI, b::build);
  }

  /** A service principal with a client secret in {@code tenant}. */
  public static TokenCredential clientSecret(ConfigView config, AzureTransport transport, String tenant) {
    ClientSecretCredentialBuilder b = transport.configure(new ClientSecretCredentialBuilder(), config)
        .authorityHost(AzureEndpoints.of(config).authorityHost())
        .tenantId(tenant)
        .clientId(config.require("azure_client_id"))
        .clientSecret(config.require("azure_client_secret"));
    return build(CLIENT_SECRET, b::build);
  }

  /** Whoever is logged in with {@code az login}; {@code azure_tenant_id} picks the tenant. */
  public static TokenCredential cli(ConfigView config, AzureTransport transport) {
    AzureCliCredentialBuilder b = transport.configure(new AzureCliCredentialBuilder(), config);
    config.attribute("azure_tenant_id").ifPresent(b::tenantId);
    return build(CLI, b::build);
  }

  /**
   * The credential used to read the workspace from Azure Resource Manager: the one of the
   * {@code azure-*} {@code auth_type} if given, else the Azure strategy that would win by priority
   * (managed identity, then client secret, then the CLI).
   */
  public static Named forResourceManager(ConfigView config, AzureTransport transport) {
    String authType = config.attribute("auth_type").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    boolean secret = config.attribute("azure_client_id").isPresent()
        && config.attribute("azure_client_secret").isPresent();
    if (authType.equals(MSI) || (authType.isEmpty() && config.flag("azure_use_msi"))) {
      return new Named(MSI, managedIdentity(config, transport));
    }
    if (authType.equals(CLIENT_SECRET) || (authType.isEmpty() && secret)) {
      String tenant = config.attribute("azure_tenant_id").orElseThrow(() -> new CredentialsException(CLIENT_SECRET
          + ": azure_tenant_id is needed to look up azure_workspace_resource_id when no host is set:"
          + " set azure_tenant_id, or set host"));
      return new Named(CLIENT_SECRET, clientSecret(config, transport, tenant));
    }
    if (authType.isEmpty() || authType.equals(CLI)) {
      return new Named(CLI, cli(config, transport));
    }
    throw new CredentialsException("auth_type=" + authType + " cannot look up azure_workspace_resource_id:"
        + " set host, or use azure-msi, azure-client-secret or azure-cli");
  }

  private static TokenCredential build(String strategy, java.util.function.Supplier<TokenCredential> builder) {
    try {
      return builder.get();
    } catch (RuntimeException e) {
      throw new CredentialsException(strategy + ": " + AzureErrors.describe(e), e);
    }
  }

  /** A credential and the strategy it belongs to. */
  public static final class Named {
    private final String strategy;
    private final TokenCredential credential;

    Named(String strategy, TokenCredential credential) {
      this.strategy = strategy;
      this.credential = credential;
    }

    public String strategy() {
      return strategy;
    }

    public TokenCredential credential() {
      return credential;
    }
  }
}
