/**
 * OAuth credential strategies for databricks4j ({@code oauth-m2m}, {@code external-browser},
 * {@code databricks-cli}, {@code metadata-service}, {@code github-oidc}, {@code azure-devops-oidc},
 * {@code env-oidc}, {@code file-oidc}, and inside Databricks compute {@code runtime} and
 * {@code model-serving}) and the web-application login API. Every OAuth exchange is built by the
 * Nimbus OAuth 2.0 SDK and sent through the client's {@code HttpSender}.
 */
module io.databricks4j.auth.oauth {
  requires io.databricks4j.api;
  // neither Nimbus oauth2-oidc-sdk nor json-smart has a descriptor or Automatic-Module-Name: names come from the jars
  requires oauth2.oidc.sdk;
  requires json.smart;
  requires jdk.httpserver;
  requires static java.desktop;

  exports io.databricks4j.auth.oauth;

  // the web-application API falls back to a registered sender when the application passes none
  uses io.databricks4j.http.HttpSender;

  provides io.databricks4j.auth.CredentialsStrategy with
      io.databricks4j.auth.oauth.internal.OAuthM2mStrategy,
      io.databricks4j.auth.oauth.internal.DatabricksCliStrategy,
      io.databricks4j.auth.oauth.internal.MetadataServiceStrategy,
      io.databricks4j.auth.oauth.internal.GithubOidcStrategy,
      io.databricks4j.auth.oauth.internal.EnvOidcStrategy,
      io.databricks4j.auth.oauth.internal.FileOidcStrategy,
      io.databricks4j.auth.oauth.internal.ExternalBrowserStrategy,
      io.databricks4j.auth.oauth.internal.AzureDevOpsOidcStrategy,
      io.databricks4j.auth.oauth.internal.RuntimeStrategy,
      io.databricks4j.auth.oauth.internal.ModelServingStrategy;
  // the workspace of a notebook's context, of a model serving endpoint, when no host is configured
  provides io.databricks4j.auth.HostResolver with
      io.databricks4j.auth.oauth.internal.RuntimeHostResolver,
      io.databricks4j.auth.oauth.internal.ModelServingHostResolver;
}
