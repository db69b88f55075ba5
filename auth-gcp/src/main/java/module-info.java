/** Google credential strategies ({@code google-credentials}, {@code google-id}) on the Google Auth Library. */
module io.databricks4j.auth.gcp {
  requires io.databricks4j.api;
  // automatic modules (Automatic-Module-Name of google-auth-library-oauth2-http,
  // -credentials and google-http-client)
  requires com.google.auth.oauth2;
  requires com.google.auth;
  requires com.google.api.client;
  // explicit modules that only those automatic modules use: an automatic module cannot pull an
  // explicit one into the module graph, so without these Guava and Gson are missing at run time
  requires com.google.common;
  requires com.google.gson;

  provides io.databricks4j.auth.CredentialsStrategy with
      io.databricks4j.auth.gcp.GoogleCredentialsStrategy,
      io.databricks4j.auth.gcp.GoogleIdStrategy;
}
