package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureEndpoints;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureTokenSource;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import io.databricks4j.auth.azure.internal.GithubIdToken;
import java.util.Optional;

/**
 * {@code auth_type = github-oidc-azure}: in a GitHub Actions job, the job's ID token (audience
 * {@code api://AzureADTokenExchange}) is the client assertion of the Microsoft Entra ID app {@code
 * azure_client_id}, which must have a federated credential for the repository; the Entra token for
 * the Azure Databricks resource is the Databricks token. No secret is stored anywhere. Applies to an
 * Azure workspace host with {@code azure_client_id} inside a job that may ask for ID tokens; the
 * tenant is {@code azure_tenant_id}, else discovered from the host (bounded as in {@link
 * AzureTenantId}). GitHub and Entra ID are reached through {@link ConfigView#http()}.
 */
public final class GithubOidcAzureStrategy extends AzureStrategy {

  public GithubOidcAzureStrategy() {
    super(AzureCredentials.GITHUB_OIDC, 69, "needs an Azure workspace host and azure_client_id (an app with a federated"
        + " credential for the repository) in a GitHub Actions job with id-token: write (" + GithubIdToken.REQUEST_URL
        + " and " + GithubIdToken.REQUEST_TOKEN + "); azure_tenant_id is discovered from the host when not set");
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<GithubIdToken> idToken = GithubIdToken.of(authType(), config);
    if (idToken.isEmpty() || config.host().isEmpty() || !AzureCredentials.isAzure(config)
        || config.attribute("azure_client_id").isEmpty()) {
      return Optional.empty();
    }
    String tenant = AzureWorkspaceLookup.discoverTenant(config)
        .orElseThrow(() -> new CredentialsException(authType() + ": azure_tenant_id is not set and could not be"
            + " discovered from " + config.host().get() + "/aad/auth: set azure_tenant_id"));
    var credential = AzureCredentials.clientAssertion(config, config.http(), tenant, idToken.get()::get);
    // the Databricks token alone, as the official SDKs send it: a federated app has no service management token
    return Optional.of(new AzureHeaders(authType(),
        AzureTokenSource.cached(authType(), credential, AzureEndpoints.of(config).databricksScope()), null,
        AzureCredentials.resourceId(config).orElse(null)));
  }
}
