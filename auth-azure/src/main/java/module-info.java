/**
 * Azure credential strategies ({@code azure-msi}, {@code azure-client-secret}, {@code azure-cli},
 * {@code github-oidc-azure}) on Azure Identity.
 */
module io.databricks4j.auth.azure {
  requires io.databricks4j.api;
  requires com.azure.core;
  requires com.azure.identity;
  requires com.azure.json;

  exports io.databricks4j.auth.azure;

  provides io.databricks4j.auth.CredentialsStrategy with
      io.databricks4j.auth.azure.AzureMsiStrategy,
      io.databricks4j.auth.azure.AzureClientSecretStrategy,
      io.databricks4j.auth.azure.AzureCliStrategy,
      io.databricks4j.auth.azure.GithubOidcAzureStrategy;
  provides io.databricks4j.auth.HostResolver with
      io.databricks4j.auth.azure.AzureHostResolver;
}
