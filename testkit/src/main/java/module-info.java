/** An embedded local Databricks workspace and account for tests, benchmarks and the quickstart. */
module io.databricks4j.testkit {
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;
  requires transitive io.databricks4j.services.workspace.client;
  requires transitive io.databricks4j.services.account;
  requires static org.junit.jupiter.api;

  exports io.databricks4j.testkit;
  exports io.databricks4j.testkit.junit;
  exports io.databricks4j.testkit.spi;

  uses io.databricks4j.testkit.spi.SqlEngineProvider;
}
