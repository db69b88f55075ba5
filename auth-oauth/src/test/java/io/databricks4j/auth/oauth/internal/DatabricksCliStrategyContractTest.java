package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.CredentialsStrategyContract;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksCliStrategyContractTest extends CredentialsStrategyContract {
  private static final String HOST = "https://ws.cloud.databricks.com";
  @TempDir
  static Path bin;
  private final MutableClock clock = new MutableClock();
  private final List<List<String>> commands = new CopyOnWriteArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeAll
  static void installAFakeCli() throws IOException {
    Path cli = bin.resolve("databricks");
    Files.writeString(cli, "#!/bin/sh\necho '{\"access_token\":\"script-" + CANARY
        + "\",\"token_type\":\"Bearer\",\"expiry\":\"2099-01-01T00:00:00.123456+01:00\"}'\n");
    cli.toFile().setExecutable(true);
  }

  private CommandRunner fake(int exitCode, String stdout, String stderr) {
    return (command, env, timeout) -> {
      commands.add(command);
      int n = runs.incrementAndGet();
      return new CommandRunner.Result(exitCode, stdout.replace("{n}", String.valueOf(n)), stderr);
    };
  }

  private CommandRunner loggedIn() {
    return fake(0, "{\"access_token\":\"cli-" + CANARY + "-{n}\",\"token_type\":\"Bearer\",\"expiry\":\""
        + clock.instant().plusSeconds(3600) + "\"}", "");
  }

  @Override
  protected CredentialsStrategy strategy() {
    return new DatabricksCliStrategy(loggedIn(), clock);
  }

  @Override
  protected ConfigView applicableConfig() {
    return TestConfigs.of(Map.of("PATH", "/nonexistent:" + bin), bin, "host", HOST);
  }

  @Override
  protected void assertHeaders(Map<String, String> headers) {
    assertThat(headers.get("Authorization")).startsWith("Bearer cli-" + CANARY);
  }

  @Test
  void runsAuthTokenForTheHostFoundOnThePath() {
    new DatabricksCliStrategy(loggedIn(), clock).configure(applicableConfig()).orElseThrow().headers();
    assertThat(commands.get(0)).containsExactly(bin.resolve("databricks").toString(), "auth", "token", "--host", HOST);
  }

  @Test
  void passesTheAccountIdOnAnAccountsHost() {
    ConfigView config = TestConfigs.asAccountHost(TestConfigs.of(Map.of("PATH", bin.toString()), bin,
        "host", "https://accounts.cloud.databricks.com", "account_id", "acc"));
    new DatabricksCliStrategy(loggedIn(), clock).configure(config).orElseThrow();
    assertThat(commands.get(0)).endsWith("--account-id", "acc");
  }

  @Test
  void doesNotApplyWithoutTheCliOnThePath() {
    ConfigView config = TestConfigs.of(Map.of("PATH", "/nonexistent"), bin, "host", HOST);
    assertThat(new DatabricksCliStrategy(loggedIn(), clock).configure(config)).isEmpty();
    assertThat(runs).hasValue(0);
  }

  @Test
  void doesNotApplyWhenTheCliHasNoLoginForTheHost() {
    CommandRunner notLoggedIn = fake(1, "", "Error: cache: databricks OAuth is not configured for this host. "
        + "Try logging in again with `databricks auth login --host " + HOST + "`");
    assertThat(new DatabricksCliStrategy(notLoggedIn, clock).configure(applicableConfig())).isEmpty();
  }

  @Test
  void otherCliFailuresAreErrorsWithItsMessage() {
    CommandRunner broken = fake(2, "", "Error: something else went wrong");
    assertThatThrownBy(() -> new DatabricksCliStrategy(broken, clock).configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class).hasMessageStartingWith("databricks-cli:")
        .hasMessageContaining("exit code 2").hasMessageContaining("something else went wrong");
  }

  @Test
  void unreadableOutputIsAnErrorThatDoesNotEchoIt() {
    CommandRunner garbled = fake(0, "access_token=" + CANARY, "");
    assertThatThrownBy(() -> new DatabricksCliStrategy(garbled, clock).configure(applicableConfig()))
        .isInstanceOf(CredentialsException.class).hasMessageNotContaining(CANARY);
  }

  @Test
  void reusesTheFirstTokenThenRunsTheCliAgainNearExpiry() {
    HeaderFactory headers = new DatabricksCliStrategy(loggedIn(), clock).configure(applicableConfig()).orElseThrow();
    assertThat(headers.headers().get("Authorization")).endsWith("-1");
    assertThat(headers.headers().get("Authorization")).endsWith("-1");
    clock.advance(Duration.ofSeconds(3600 - 39));
    assertThat(headers.headers().get("Authorization")).endsWith("-2");
    assertThat(runs).hasValue(2);
  }

  @Test
  void runsARealExecutable() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs a POSIX shell");
    HeaderFactory headers = new DatabricksCliStrategy().configure(applicableConfig()).orElseThrow();
    assertThat(headers.headers()).containsEntry("Authorization", "Bearer script-" + CANARY);
  }

  @Test
  void ignoresADirectoryNamedDatabricks(@TempDir Path other) throws IOException {
    Files.createDirectory(other.resolve("databricks"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(DatabricksCliStrategy.findOnPath(Map.of("PATH", other.toString()))).isEmpty();
  }
}
