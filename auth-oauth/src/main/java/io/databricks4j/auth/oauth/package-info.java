/**
 * OAuth for web applications that call Databricks on behalf of their users: {@link
 * io.databricks4j.auth.oauth.OAuthClient} starts a {@link io.databricks4j.auth.oauth.Consent}
 * (authorization code with PKCE), whose callback yields {@link
 * io.databricks4j.auth.oauth.SessionCredentials}, a credentials strategy to hand to a client
 * builder. Both round-trip through a {@code Map<String, String>} for a server-side web session.
 *
 * <p>The credential strategies of this module ({@code oauth-m2m}, {@code external-browser},
 * {@code databricks-cli}, {@code metadata-service}, {@code github-oidc}, {@code env-oidc},
 * {@code file-oidc}) are found by {@link java.util.ServiceLoader} and chosen with
 * {@code auth_type}; they have no public API. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.auth.oauth;
