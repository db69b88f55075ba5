package io.databricks4j.auth.oauth.internal;

import static io.databricks4j.auth.testing.CredentialsStrategyContract.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import io.databricks4j.auth.oauth.testing.MutableClock;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import io.databricks4j.auth.testing.MapConfigView;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives every strategy through success and failure with secrets holding the canary, and reads everything printed. */
class SecretsNeverLeakTest {
  private final List<String> printed = new ArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Level rootLevel = root.getLevel();
  private final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      synchronized (printed) {
        printed.add(formatter.format(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  @TempDir
  Path dir;

  @BeforeEach
  void captureAllLogging() {
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    root.setLevel(Level.ALL);
  }

  @AfterEach
  void restoreLogging() {
    root.removeHandler(capture);
    root.setLevel(rootLevel);
  }

  private void attempt(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        printed.add(t.toString());
      }
    }
  }

  @Test
  void noSecretInAnyMessageOrLogLine() throws IOException {
    String secret = "sp-secret-" + CANARY;
    String idToken = "id-" + CANARY;
    try (FakeIdentityProvider idp = FakeIdentityProvider.start("at-" + CANARY).client("sp", secret)
        .client("databricks-cli", "u-" + CANARY).acceptIdToken(idToken)) {
      MutableClock clock = new MutableClock();
      // m2m: success, a refused secret, a failing refresh
      HeaderFactory m2m = new OAuthM2mStrategy(clock)
          .configure(MapConfigView.of("host", idp.base(), "client_id", "sp", "client_secret", secret)).orElseThrow();
      printed.add(m2m.headers().toString().replace(CANARY, "")); // the header itself is meant to carry it
      attempt(() -> new OAuthM2mStrategy().configure(MapConfigView.of("host", idp.base(), "client_id", "sp",
          "client_secret", "bad-" + CANARY)).orElseThrow().headers());
      idp.failNext(1);
      clock.advance(Duration.ofHours(2));
      attempt(m2m::headers);
      // federation with a rejected and an accepted ID token
      attempt(() -> new EnvOidcStrategy().configure(TestConfigs.of(Map.of("DATABRICKS_OIDC_TOKEN", "bad-" + CANARY),
          dir, "host", idp.base())).orElseThrow().headers());
      new EnvOidcStrategy().configure(TestConfigs.of(Map.of("DATABRICKS_OIDC_TOKEN", idToken), dir, "host", idp.base()))
          .orElseThrow().headers();
      // browser login whose cache cannot be written (the home is a file), then a refused one
      Path notADirectory = Files.writeString(dir.resolve("home-file"), "x");
      Browser user = url -> {
        try {
          ((HttpURLConnection) url.toURL().openConnection()).getResponseCode();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      };
      ConfigView browserConfig = TestConfigs.of(Map.of(), notADirectory, "host", idp.base(), "client_secret", "u-" + CANARY);
      new ExternalBrowserStrategy(user, clock, Duration.ofSeconds(10)).configure(browserConfig).orElseThrow().headers();
      idp.authorizeMode(FakeIdentityProvider.AuthorizeMode.WRONG_STATE);
      attempt(() -> new ExternalBrowserStrategy(user, clock, Duration.ofSeconds(10))
          .configure(TestConfigs.of(Map.of(), dir, "host", idp.base())).orElseThrow().headers());
      // the CLI printing something that is not JSON
      Path bin = cliDir();
      attempt(() -> new DatabricksCliStrategy((c, e, t) -> new CommandRunner.Result(0, "token " + CANARY, ""), clock)
          .configure(TestConfigs.of(Map.of("PATH", bin.toString()), dir, "host", idp.base())));
    }
    assertThat(printed).as("log lines and exception messages").isNotEmpty().noneMatch(line -> line.contains(CANARY));
    assertThat(printed).anyMatch(line -> line.contains("cannot write the token cache"));
  }

  private Path cliDir() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path cli = Files.writeString(bin.resolve("databricks"), "#!/bin/sh\n");
    cli.toFile().setExecutable(true);
    return bin;
  }
}
