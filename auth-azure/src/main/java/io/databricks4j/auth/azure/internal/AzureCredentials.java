package io.databricks4j.auth.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.http.HttpSender;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the Azure Identity credential of each strategy from the configuration. */
public final class AzureCredentials {
  public static final String MSI = "azure-msi";
  public static final String CLIENT_SECRET = "azure-client-secret";
  public static final String CLI = "azure-cli";
  public static final String GITHUB_OIDC = "github-oidc-azure";

  private AzureCredentials() {}

  /** Whether the configuration points at Azure: an Azure host, or a workspace resource id. */
  public static boolean isAzure(ConfigView config) {
    return config.cloud() == io.databricks4j.auth.Cloud.AZURE || resourceId(config).isPresent();
  }

  public static Optional<String> resourceId(ConfigView config) {
    return config.attribute("azure_workspace_resource_id");
  }

  /**
   * System-assigned managed identity, or the user-assigned one named by {@code azure_client_id}; its
   * requests to the metadata endpoint have the bounds of {@link AzureHttp#managedIdentity}.
   */
  public static TokenCredential managedIdentity(ConfigView config) {
    ManagedIdentityCredentialBuilder b = AzureHttp.configure(new ManagedIdentityCredentialBuilder(), config,
        AzureHttp.managedIdentity(config));
    config.attribute("azure_client_id").ifPresent(b::clientId);
    return build(MSI, b::build);
  }

  /** A service principal with a client secret in {@code tenant}, whose requests go through {@code sender}. */
  public static TokenCredential clientSecret(ConfigView config, HttpSender sender, String tenant) {
    ClientSecretCredentialBuilder b = AzureHttp.configure(new ClientSecretCredentialBuilder(), config, sender)
        .authorityHost(AzureEndpoints.of(config).authorityHost())
        .tenantId(tenant)
        .clientId(config.require("azure_client_id"))
        .clientSecret(config.require("azure_client_secret"));
    return build(CLIENT_SECRET, b::build);
  }

  /**
   * The app registration {@code azure_client_id} in {@code tenant}, proven by a federated ID token
   * ({@code assertion}, asked for each token request) instead of a secret; requests through {@code sender}.
   */
  public static TokenCredential clientAssertion(ConfigView config, HttpSender sender, String tenant,
      Supplier<String> assertion) {
    ClientAssertionCredentialBuilder b = AzureHttp.configure(new ClientAssertionCredentialBuilder(), config, sender)
        .authorityHost(AzureEndpoints.of(config).authorityHost())
        .tenantId(tenant)
        .clientId(config.require("azure_client_id"))
        .clientAssertion(assertion);
    return build(GITHUB_OIDC, b::build);
  }

  /** Whoever is logged in with {@code az login}; {@code azure_tenant_id} picks the tenant. */
  public static AzureCli cli(ConfigView config, Duration timeout) {
    return new AzureCli(CLI, config, timeout);
  }

  /**
   * The credential used to read the workspace from Azure Resource Manager: the one of the
   * {@code azure-*} {@code auth_type} if given, else the Azure strategy that would win by priority
   * (managed identity, then client secret, then the CLI). A service principal's token requests
   * have the look-up's bounds ({@code sender}).
   */
  public static Named forResourceManager(ConfigView config, HttpSender sender) {
    String authType = config.attribute("auth_type").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    boolean secret = config.attribute("azure_client_id").isPresent()
        && config.attribute("azure_client_secret").isPresent();
    if (authType.equals(MSI) || (authType.isEmpty() && config.flag("azure_use_msi"))) {
      return Named.of(MSI, managedIdentity(config));
    }
    if (authType.equals(CLIENT_SECRET) || (authType.isEmpty() && secret)) {
      String tenant = config.attribute("azure_tenant_id").orElseThrow(() -> new CredentialsException(CLIENT_SECRET
          + ": azure_tenant_id is needed to look up azure_workspace_resource_id when no host is set:"
          + " set azure_tenant_id, or set host"));
      return Named.of(CLIENT_SECRET, clientSecret(config, sender, tenant));
    }
    if (authType.isEmpty() || authType.equals(CLI)) {
      AzureCli cli = cli(config, AzureCli.TIMEOUT);
      return new Named(CLI, cli::token);
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

  /** A way to get tokens by scope and the strategy it belongs to. */
  public static final class Named {
    private final String strategy;
    private final Function<String, Token> tokens;

    Named(String strategy, Function<String, Token> tokens) {
      this.strategy = strategy;
      this.tokens = tokens;
    }

    static Named of(String strategy, TokenCredential credential) {
      return new Named(strategy, scope -> new AzureTokenSource(strategy, credential, scope).token());
    }

    public String strategy() {
      return strategy;
    }

    /** A token for {@code scope}. */
    public Token token(String scope) {
      return tokens.apply(scope);
    }
  }
}
