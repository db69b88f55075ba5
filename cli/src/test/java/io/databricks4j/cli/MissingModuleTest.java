package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a user is told who names an auth type, or relies on one, whose module is missing: the cli
 * runs in a fresh JVM over this test's class path without that module.
 */
class MissingModuleTest {
  private static final String AZURE_HOST = "https://adb-1.2.azuredatabricks.net";
  private static final String BOM = "(version from io.databricks4j:databricks4j-bom)";

  private static String error(ChildCli.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    return new ObjectMapper().readTree(r.output()).get("error").asText();
  }

  @Test
  void anAuthTypeOfAMissingModuleNamesTheArtifactAndTheBom() throws Exception {
    Map<String, String> env = Map.of("HOME", "/nonexistent-home");
    assertThat(error(ChildCli.run(ChildCli.without("auth-azure"), env, "auth", "describe", "--json",
        "--host", AZURE_HOST, "--auth-type", "github-oidc-azure")))
        .startsWith("auth type \"github-oidc-azure\" not found: its plug-in is not on the class path; add the dependency"
            + " io.databricks4j:auth-azure " + BOM + "; available: ")
        .doesNotContain("azure-cli,");
    assertThat(error(ChildCli.run(ChildCli.without("auth-oauth"), env, "auth", "describe", "--json",
        "--host", AZURE_HOST, "--auth-type", "model-serving")))
        .startsWith("auth type \"model-serving\" not found: its plug-in is not on the class path; add the dependency"
            + " io.databricks4j:auth-oauth " + BOM);
  }

  @Test
  void whenNothingAppliesTheTypesOfTheMissingModuleAreListed() throws Exception {
    String error = error(ChildCli.run(ChildCli.without("auth-azure"), Map.of("HOME", "/nonexistent-home"),
        "auth", "describe", "--json", "--host", AZURE_HOST));
    assertThat(error).startsWith("default auth: cannot configure default credentials")
        .contains("\n  - pat: needs host and token")
        .contains("\n  - azure-cli: module io.databricks4j:auth-azure is not on the class path")
        .contains("\n  - azure-client-secret: module io.databricks4j:auth-azure is not on the class path")
        .contains("\n  - azure-msi: module io.databricks4j:auth-azure is not on the class path")
        .contains("\n  - github-oidc-azure: module io.databricks4j:auth-azure is not on the class path")
        .contains("Add the module of the method you use " + BOM + ".")
        .doesNotContain("auth-oauth is not on the class path")
        .doesNotContain("auth-gcp is not on the class path");
  }

  @Test
  void runtimeOutsideTheDatabricksRuntimeSaysWhereItWorks() throws Exception {
    String error = error(ChildCli.run(ChildCli.testClassPath(), Map.of("HOME", "/nonexistent-home",
        "DATABRICKS_RUNTIME_VERSION", "15.4"), "auth", "describe", "--json", "--host", AZURE_HOST, "--auth-type", "runtime"));
    assertThat(error).startsWith("runtime auth: not configured: only inside the Databricks Runtime (a notebook or job on a"
        + " cluster)");
  }
}
