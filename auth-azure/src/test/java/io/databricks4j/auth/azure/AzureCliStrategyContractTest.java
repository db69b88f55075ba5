package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the strategy against a fake {@code az}: a shell script in a directory that the configuration's
 * environment puts first on its PATH. A {@code mode} file next to it picks the behaviour; every call
 * is appended to {@code calls}.
 */
class AzureCliStrategyContractTest extends CredentialsStrategyContract {
  static final Path DIR = Path.of(System.getProperty("fake.az.dir", "target/fake-az"));
  static final Path AZ = DIR.resolve("az");
  static final FakeAzure AZURE = new FakeAzure("unused");

  private static final String SCRIPT = String.join("\n",
      "#!/bin/sh",
      "dir=$(dirname \"$0\")",
      "echo \"$@\" >> \"$dir/calls\"",
      "mode=$(cat \"$dir/mode\" 2>/dev/null || echo ok)",
      "case \"$mode\" in",
      "  logged-out) echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1;;",
      "  failing) echo \"This is just a failing script.\" >&2; exit 1;;",
      "  warning) echo 'WARNING: A new release of Azure CLI is available.' >&2;;",
      "  hanging) sleep 30; exit 0;;",
      "  old-cli) echo '{\"accessToken\":\"cli-old\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"tokenType\":\"Bearer\"}'; exit 0;;",
      "  no-token) echo '{\"tokenType\":\"Bearer\",\"note\":\"printed-" + CANARY + "\"}'; exit 0;;",
      "esac",
      "resource=''; prev=''",
      "for a in \"$@\"; do [ \"$prev\" = --resource ] && resource=\"$a\"; prev=\"$a\"; done",
      "case \"$resource\" in",
      "  2ff814a6-*) kind=databricks;;",
      "  *management.core.*)",
      "    if [ \"$mode\" = user ]; then echo 'ERROR: AADSTS65001: consent required for management' >&2; exit 1; fi",
      "    kind=management;;",
      "  *) kind=other;;",
      "esac",
      "n=$(wc -l < \"$dir/calls\" | tr -d ' ')",
      "exp=$(( $(date +%s) + 3600 ))",
      "printf '{\"accessToken\":\"cli-%s-%s\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"expires_on\":%s,"
          + "\"subscription\":\"sub\",\"tenant\":\"t\",\"tokenType\":\"Bearer\"}\\n' \"$kind\" \"$n\" \"$exp\"",
      "");

  @BeforeAll
  static void installFakeAz() throws IOException {
    Files.createDirectories(DIR);
    Files.writeString(AZ, SCRIPT);
    Files.setPosixFilePermissions(AZ, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void removeFakeAz() throws IOException {
    Files.deleteIfExists(AZ);
    Files.deleteIfExists(DIR.resolve("mode"));
    Files.deleteIfExists(DIR.resolve("calls"));
    AZURE.close();
  }

  @BeforeEach
  void reset() throws IOException {
    mode("ok");
    Files.deleteIfExists(DIR.resolve("calls"));
  }

  private static void mode(String mode) throws IOException {
    Files.writeString(DIR.resolve("mode"), mode);
  }

  private static List<String> calls() throws IOException {
    Path calls = DIR.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  /** A configuration whose PATH finds the fake az first. */
  private static ConfigView withFakeAz(String... keyValues) {
    return AZURE.config(Map.of("PATH", DIR.toAbsolutePath() + File.pathSeparator + System.getenv("PATH")), keyValues);
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new AzureCliStrategy();
  }

  @Override
  protected ConfigView applicableConfig() {
    return withFakeAz("host", FakeAzure.WORKSPACE);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).matches("Bearer cli-databricks-\\d+");
    assertThat(headers.get("X-Databricks-Azure-SP-Management-Token")).matches("cli-management-\\d+");
  }

  @Test
  void asksTheCliForTheDatabricksResourceOnceWhileTheTokenIsGood() throws IOException {
    var factory = strategy().configure(applicableConfig()).orElseThrow();
    for (int i = 0; i < 5; i++) {
      factory.headers();
    }

    assertThat(calls()).containsExactly(
        "account get-access-token --output json --resource 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d",
        "account get-access-token --output json --resource https://management.core.windows.net/");
  }

  @Test
  void aWarningOnStandardErrorDoesNotSpoilTheTokenOnStandardOutput() throws IOException {
    mode("warning");
    var factory = strategy().configure(applicableConfig()).orElseThrow();

    assertThat(factory.headers().get("Authorization")).matches("Bearer cli-databricks-\\d+");
  }

  @Test
  void passesTheTenantWhenSet() throws IOException {
    strategy().configure(withFakeAz("host", FakeAzure.WORKSPACE, "azure_tenant_id", "tenant-9")).orElseThrow();

    assertThat(calls()).allSatisfy(c -> assertThat(c).endsWith("--tenant tenant-9"));
  }

  @Test
  void leavesTheManagementTokenOutWhenTheCliCannotMakeOne() throws IOException {
    mode("user");

    Map<String, String> headers = strategy().configure(applicableConfig()).orElseThrow().headers();

    assertThat(headers.get("Authorization")).startsWith("Bearer cli-databricks-");
    assertThat(headers).doesNotContainKey("X-Databricks-Azure-SP-Management-Token");
  }

  @Test
  void doesNotApplyWhenNobodyIsLoggedIn() throws IOException {
    mode("logged-out");

    assertThat(strategy().configure(applicableConfig())).isEmpty();
  }

  @Test
  void doesNotApplyWhenTheCliIsNotInstalled() throws IOException {
    ConfigView noAz = AZURE.config(Map.of("PATH", DIR.resolve("empty").toString()), "host", FakeAzure.WORKSPACE);

    assertThat(strategy().configure(noAz)).isEmpty();
    assertThat(calls()).isEmpty();
  }

  @Test
  void aCliThatHangsIsStoppedAfterItsTimeOut() throws IOException {
    mode("hanging");
    long start = System.nanoTime();

    assertThatThrownBy(() -> new AzureCliStrategy(Duration.ofSeconds(1)).configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("azure-cli: `az account get-access-token")
        .hasMessageContaining("did not finish within 1 s and was stopped");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
        .as("the fake az and its sleep were stopped").isEmpty();
  }

  @Test
  void readsTheLocalTimeExpiryOfOlderClis() throws IOException {
    mode("old-cli");

    assertThat(strategy().configure(applicableConfig()).orElseThrow().headers()).containsEntry("Authorization", "Bearer cli-old");
  }

  @Test
  void outputWithoutATokenIsAnErrorThatDoesNotEchoIt() throws IOException {
    mode("no-token");

    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("printed no accessToken")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void makesNoHttpRequest() {
    int before = AZURE.http.count();
    strategy().configure(applicableConfig()).orElseThrow().headers();
    assertThat(AZURE.http.count()).isEqualTo(before);
  }

  @Test
  void anyOtherCliFailureIsAnErrorWithTheCliOutput() throws IOException {
    mode("failing");

    assertThatThrownBy(() -> strategy().configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("azure-cli: ")
        .hasMessageContaining("This is just a failing script.");
  }

  @Test
  void doesNotRunTheCliOutsideAzure() throws IOException {
    assertThat(strategy().configure(withFakeAz("host", "https://x.cloud.databricks.com"))).isEmpty();
    assertThat(calls()).isEmpty();
  }
}
