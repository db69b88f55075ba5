package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.core.config.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuthDescribeCommandTest {
  private static final String CANARY = "dapi-canary-91d2";

  @TempDir
  Path home;

  @AfterEach
  void restore() {
    AuthDescribeCommand.environment = Environment.system();
  }

  private String[] run(Map<String, String> env, String... args) {
    AuthDescribeCommand.environment = Environment.of(env, home);
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString()};
  }

  @Test
  void describesEachAttributeWithItsSourceAsJson() throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://abc.cloud.databricks.com/\ntoken = " + CANARY + "\n");
    String[] r = run(Map.of("DATABRICKS_CLUSTER_ID", "0123-abc"), "auth", "describe", "--json");
    assertThat(r[0]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("host").asText()).isEqualTo("https://abc.cloud.databricks.com");
    assertThat(json.get("auth_type").asText()).isEqualTo("pat");
    assertThat(json.at("/attributes/token/value").asText()).isEqualTo("***");
    assertThat(json.at("/attributes/token/source").asText()).isEqualTo("profile DEFAULT in " + home.resolve(".databrickscfg"));
    assertThat(json.at("/attributes/cluster_id/source").asText()).isEqualTo("env DATABRICKS_CLUSTER_ID");
    assertThat(r[1]).doesNotContain(CANARY);
  }

  @Test
  void argumentsWinAndAreAttributedToTheCommandLine() throws Exception {
    String[] r = run(Map.of("DATABRICKS_HOST", "https://env.cloud.databricks.com", "DATABRICKS_TOKEN", CANARY),
        "auth", "describe", "--json", "--host", "arg.cloud.databricks.com");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("host").asText()).isEqualTo("https://arg.cloud.databricks.com");
    assertThat(json.at("/attributes/host/source").asText()).isEqualTo("argument");
    assertThat(json.at("/attributes/token/source").asText()).isEqualTo("env DATABRICKS_TOKEN");
  }

  @Test
  void failureExitsOneWithTheLibraryMessageAndWhatDidResolve() throws Exception {
    Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://abc.cloud.databricks.com\n");
    String[] r = run(Map.of("DATABRICKS_ACCOUNT_ID", "acc-1"), "auth", "describe", "--json", "--profile", "STAGING");
    assertThat(r[0]).isEqualTo("1");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("error").asText()).contains("has no STAGING profile configured");
    assertThat(json.get("account_id").asText()).isEqualTo("acc-1");
    assertThat(json.at("/attributes/profile/source").asText()).isEqualTo("argument");
    assertThat(json.get("failed_at").asText()).isEqualTo("configuration");
  }

  @Test
  void setGivesAnyAttributeAsAnArgumentAndTildeIsTheHomeDirectory() throws Exception {
    Files.writeString(home.resolve("ci.cfg"), "[CI]\nhost = https://ci.cloud.databricks.com\ntoken = " + CANARY + "\n");
    String[] r = run(Map.of("DATABRICKS_SCOPES", "sql"), "auth", "describe", "--json",
        "--set", "config_file=~/ci.cfg", "--set", "profile=CI", "--set", "scopes=clusters files");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("host").asText()).isEqualTo("https://ci.cloud.databricks.com");
    assertThat(json.at("/attributes/token/source").asText()).isEqualTo("profile CI in " + home.resolve("ci.cfg"));
    assertThat(json.at("/attributes/scopes/source").asText()).isEqualTo("argument");
    assertThat(json.get("scopes")).extracting(JsonNode::asText).containsExactly("clusters", "files");
    assertThat(json.get("debug_string").asText()).contains("token=***").contains("profile=CI");
    assertThat(r[1]).doesNotContain(CANARY);
  }

  @Test
  void anUnknownSetKeyIsAConfigurationErrorNamingTheKnownOnes() throws Exception {
    String[] r = run(Map.of(), "auth", "describe", "--json", "--set", "vault_path=x");
    assertThat(r[0]).isEqualTo("1");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("error").asText()).contains("unknown configuration attribute \"vault_path\"").contains("known: host");
    assertThat(json.get("failed_at").asText()).isEqualTo("configuration");
  }

  @Test
  void noCredentialsExplainsEveryStrategyTried() throws Exception {
    String[] r = run(Map.of("DATABRICKS_HOST", "https://abc.cloud.databricks.com"), "auth", "describe");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("default auth: cannot configure default credentials")
        .contains("pat: needs host and token").contains("host").contains("env DATABRICKS_HOST");
  }
}
