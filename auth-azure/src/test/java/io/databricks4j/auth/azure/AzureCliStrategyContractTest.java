package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import io.databricks4j.auth.testing.MapConfigView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real AzureCliCredential against a fake {@code az}: a shell script written into the
 * directory the surefire configuration puts first on the test JVM's PATH. A {@code mode} file next
 * to it picks the behaviour; every call is appended to {@code calls}.
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
      "  logged-out) echo \"ERROR: Please run 'az login' to setup account.\"; exit 1;;",
      "  failing) echo \"This is just a failing script.\"; exit 1;;",
      "esac",
      "resource=''; prev=''",
      "for a in \"$@\"; do [ \"$prev\" = --resource ] && resource=\"$a\"; prev=\"$a\"; done",
      "case \"$resource\" in",
      "  2ff814a6-*) kind=databricks;;",
      "  *management.core.*)",
      "    if [ \"$mode\" = user ]; then echo 'ERROR: AADSTS65001: consent required for management'; exit 1; fi",
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

  @Override
  protected CredentialsStrategy strategy() {
    return new AzureCliStrategy(AZURE.transport());
  }

  @Override
  protected ConfigView applicableConfig() {
    return MapConfigView.of("host", FakeAzure.WORKSPACE);
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
  void passesTheTenantWhenSet() throws IOException {
    strategy().configure(MapConfigView.of("host", FakeAzure.WORKSPACE, "azure_tenant_id", "tenant-9")).orElseThrow();

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
    assumeTrue(List.of(System.getenv("PATH").split(":")).stream()
        .noneMatch(d -> !d.equals(DIR.toString()) && Files.isExecutable(Path.of(d, "az"))), "a real az is installed");
    Files.delete(AZ);
    try {
      assertThat(strategy().configure(applicableConfig())).isEmpty();
    } finally {
      installFakeAz();
    }
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
    assertThat(strategy().configure(MapConfigView.of("host", "https://x.cloud.databricks.com"))).isEmpty();
    assertThat(calls()).isEmpty();
  }
}
