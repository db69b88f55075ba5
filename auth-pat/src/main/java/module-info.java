/** Personal access token ({@code pat}) and {@code basic} credential strategies. */
module io.databricks4j.auth.pat {
  requires io.databricks4j.api;

  provides io.databricks4j.auth.CredentialsStrategy with
      io.databricks4j.auth.pat.PatStrategy,
      io.databricks4j.auth.pat.BasicStrategy;
}
