/** Contracts of databricks4j: credential SPI, configuration view, errors, pagination and waiting. */
module io.databricks4j.api {
  exports io.databricks4j.auth;
  exports io.databricks4j.error;
  exports io.databricks4j.http;
  exports io.databricks4j.paging;
  exports io.databricks4j.wait;

  uses io.databricks4j.auth.CredentialsStrategy;
  uses io.databricks4j.auth.HostResolver;
}
