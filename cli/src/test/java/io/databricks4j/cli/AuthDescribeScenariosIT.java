package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Configuration as a user meets it, through the packaged cli in a child process: profiles of the
 * {@code .databrickscfg} in {@code HOME}, environment over file, {@code DATABRICKS_CONFIG_FILE},
 * precedence of arguments, {@code ~} in {@code config_file}, and which home directory wins.
 * Every scenario has a {@code home} and an {@code elsewhere} folder of its own; {@code {home}} and
 * {@code {elsewhere}} in values stand for them. No token value may appear in any output.
 */
class AuthDescribeScenariosIT {
  private static final String CANARY = "dapi-canary-";
  private static final String A = "https://a.cloud.databricks.com";
  private static final String B = "https://b.cloud.databricks.com";
  private static final String PROFILES = "[DEFAULT]\nhost = " + A + "\ntoken = " + CANARY + "default\n\n"
      + "[STAGING]\nhost = https://staging.cloud.databricks.com\ntoken = " + CANARY + "staging\n\n"
      + "[PROD]\nhost = https://prod.cloud.databricks.com\ntoken = " + CANARY + "prod\n";
  private static final String B_PROFILE = "[DEFAULT]\nhost = " + B + "\ntoken = " + CANARY + "b\n";
  private static ExecutorService pool;
  private static long started;
  private static int count;

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    Path base = Files.createTempDirectory(CliProcess.jar().getParent(), "scenarios");
    started = System.nanoTime();
    pool = CliProcess.pool();
    List<Scenario> all = List.of(
        // profiles
        scenario("the DEFAULT profile of $HOME/.databrickscfg").file("{home}/.databrickscfg", PROFILES)
            .expect((o, s) -> {
              assertThat(o.path("host").asText()).isEqualTo(A);
              assertThat(o.path("auth_type").asText()).isEqualTo("pat");
              assertThat(source(o, "token")).isEqualTo("profile DEFAULT in " + s.home.resolve(".databrickscfg"));
              assertThat(o.at("/attributes/profile/value").asText()).isEqualTo("DEFAULT");
            }),
        scenario("--profile names a section").file("{home}/.databrickscfg", PROFILES).args("--profile", "STAGING")
            .expect((o, s) -> assertThat(source(o, "host")).isEqualTo("profile STAGING in " + s.home.resolve(".databrickscfg"))),
        scenario("DATABRICKS_CONFIG_PROFILE names a section").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_CONFIG_PROFILE", "STAGING")
            .expect((o, s) -> {
              assertThat(o.path("host").asText()).isEqualTo("https://staging.cloud.databricks.com");
              assertThat(source(o, "profile")).isEqualTo("env DATABRICKS_CONFIG_PROFILE");
            }),
        scenario("--profile beats DATABRICKS_CONFIG_PROFILE").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_CONFIG_PROFILE", "STAGING").args("--profile", "PROD")
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo("https://prod.cloud.databricks.com")),
        scenario("an unknown profile is an error naming the file").file("{home}/.databrickscfg", PROFILES).args("--profile", "NOPE")
            .expectError("configuration", "has no NOPE profile configured"),
        scenario("[__settings__] default_profile picks the profile")
            .file("{home}/.databrickscfg", "[__settings__]\ndefault_profile = STAGING\n\n" + PROFILES)
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo("https://staging.cloud.databricks.com")),
        scenario("a profile with username and password is basic")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = " + A + "\nusername = me\npassword = " + CANARY + "pw\n")
            .expect((o, s) -> assertThat(o.path("auth_type").asText()).isEqualTo("basic")),
        scenario("an empty home and no variables explain what to configure")
            .expectError("credentials", "default auth: cannot configure default credentials"),
        scenario("profile values are normalised").file("{home}/.databrickscfg", "[DEFAULT]\nhost = a.cloud.databricks.com/\ntoken = "
                + CANARY + "n\n")
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo(A)),
        scenario("?o= in a profile's host gives the workspace id")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = " + A + "/?o=123456\ntoken = " + CANARY + "q\n")
            .expect((o, s) -> {
              assertThat(o.at("/attributes/workspace_id/value").asText()).isEqualTo("123456");
              assertThat(source(o, "workspace_id")).isEqualTo("derived from the query of host");
            }),
        scenario("an account host in a profile makes an account client")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = https://accounts.cloud.databricks.com\naccount_id = acc-1\ntoken = "
                + CANARY + "acc\n")
            .expect((o, s) -> {
              assertThat(o.path("is_account_client").asBoolean()).isTrue();
              assertThat(o.path("account_id").asText()).isEqualTo("acc-1");
            }),
        scenario("an Azure host in a profile is Azure")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = https://adb-1.2.azuredatabricks.net\ntoken = " + CANARY + "az\n")
            .expect((o, s) -> {
              assertThat(o.path("cloud").asText()).isEqualTo("AZURE");
              assertThat(o.path("auth_type").asText()).isEqualTo("pat");
            }),
        // environment over file
        scenario("DATABRICKS_HOST without a profile skips the file").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_HOST", B).env("DATABRICKS_TOKEN", CANARY + "env")
            .expect((o, s) -> {
              assertThat(source(o, "host")).isEqualTo("env DATABRICKS_HOST");
              assertThat(source(o, "token")).isEqualTo("env DATABRICKS_TOKEN");
              assertThat(o.path("attributes").has("profile")).isFalse();
            }),
        scenario("DATABRICKS_TOKEN beats the token of a named profile").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_TOKEN", CANARY + "env").args("--profile", "STAGING")
            .expect((o, s) -> {
              assertThat(source(o, "host")).startsWith("profile STAGING in ");
              assertThat(source(o, "token")).isEqualTo("env DATABRICKS_TOKEN");
            }),
        scenario("a variable the profile lacks adds to it").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_CLUSTER_ID", "0123-abc")
            .expect((o, s) -> {
              assertThat(source(o, "cluster_id")).isEqualTo("env DATABRICKS_CLUSTER_ID");
              assertThat(source(o, "host")).startsWith("profile DEFAULT in ");
            }),
        scenario("DATABRICKS_AUTH_TYPE chooses between two methods of a profile")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = " + A + "\ntoken = " + CANARY + "t\nusername = me\npassword = " + CANARY + "p\n")
            .env("DATABRICKS_AUTH_TYPE", "basic")
            .expect((o, s) -> assertThat(o.path("auth_type").asText()).isEqualTo("basic")),
        scenario("two methods in one profile are a conflict")
            .file("{home}/.databrickscfg", "[DEFAULT]\nhost = " + A + "\ntoken = " + CANARY + "t\nusername = me\npassword = " + CANARY + "p\n")
            .expectError("credentials", "more than one authorization method configured"),
        // DATABRICKS_CONFIG_FILE and ~
        scenario("DATABRICKS_CONFIG_FILE replaces $HOME/.databrickscfg").file("{home}/.databrickscfg", PROFILES)
            .file("{elsewhere}/alt.cfg", B_PROFILE).env("DATABRICKS_CONFIG_FILE", "{elsewhere}/alt.cfg")
            .expect((o, s) -> {
              assertThat(o.path("host").asText()).isEqualTo(B);
              assertThat(source(o, "token")).isEqualTo("profile DEFAULT in " + s.elsewhere.resolve("alt.cfg"));
            }),
        scenario("a missing DATABRICKS_CONFIG_FILE is not an error by itself")
            .env("DATABRICKS_CONFIG_FILE", "{elsewhere}/missing.cfg").env("DATABRICKS_HOST", B).env("DATABRICKS_TOKEN", CANARY + "e")
            .expect((o, s) -> assertThat(o.path("auth_type").asText()).isEqualTo("pat")),
        scenario("a missing DATABRICKS_CONFIG_FILE with a named profile is an error")
            .env("DATABRICKS_CONFIG_FILE", "{elsewhere}/missing.cfg").args("--profile", "STAGING")
            .expectError("configuration", "does not exist, so profile STAGING cannot be loaded"),
        scenario("~ in DATABRICKS_CONFIG_FILE is $HOME").file("{home}/cfg/alt.cfg", B_PROFILE)
            .env("DATABRICKS_CONFIG_FILE", "~/cfg/alt.cfg")
            .expect((o, s) -> {
              assertThat(o.path("host").asText()).isEqualTo(B);
              assertThat(source(o, "host")).isEqualTo("profile DEFAULT in " + s.home.resolve("cfg/alt.cfg"));
            }),
        scenario("~ in config_file is $HOME").file("{home}/alt.cfg", B_PROFILE).args("--set", "config_file=~/alt.cfg")
            .expect((o, s) -> assertThat(source(o, "host")).isEqualTo("profile DEFAULT in " + s.home.resolve("alt.cfg"))),
        scenario("config_file as an argument beats DATABRICKS_CONFIG_FILE").file("{home}/a.cfg", B_PROFILE)
            .file("{home}/b.cfg", PROFILES).env("DATABRICKS_CONFIG_FILE", "~/b.cfg").args("--set", "config_file=~/a.cfg")
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo(B)),
        // precedence of arguments
        scenario("--host beats DATABRICKS_HOST").env("DATABRICKS_HOST", A).env("DATABRICKS_TOKEN", CANARY + "e").args("--host", B)
            .expect((o, s) -> {
              assertThat(o.path("host").asText()).isEqualTo(B);
              assertThat(source(o, "host")).isEqualTo("argument");
            }),
        scenario("an argument beats the environment, which beats the profile").file("{home}/.databrickscfg", PROFILES)
            .env("DATABRICKS_TOKEN", CANARY + "env").env("DATABRICKS_WAREHOUSE_ID", "w-env")
            .args("--profile", "DEFAULT", "--set", "token=" + CANARY + "arg")
            .expect((o, s) -> {
              assertThat(source(o, "token")).isEqualTo("argument");
              assertThat(source(o, "warehouse_id")).isEqualTo("env DATABRICKS_WAREHOUSE_ID");
              assertThat(source(o, "host")).startsWith("profile DEFAULT in ");
            }),
        scenario("--host with --profile takes the rest from the profile").file("{home}/.databrickscfg", PROFILES)
            .args("--host", B, "--profile", "STAGING")
            .expect((o, s) -> {
              assertThat(source(o, "host")).isEqualTo("argument");
              assertThat(source(o, "token")).startsWith("profile STAGING in ");
            }),
        // which home directory
        scenario("HOME wins over the JVM's user.home").file("{home}/.databrickscfg", PROFILES)
            .file("{elsewhere}/.databrickscfg", B_PROFILE).jvm("-Duser.home={elsewhere}")
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo(A)),
        scenario("an empty HOME counts as unset: user.home").file("{elsewhere}/.databrickscfg", B_PROFILE)
            .env("HOME", "").jvm("-Duser.home={elsewhere}")
            .expect((o, s) -> assertThat(o.path("host").asText()).isEqualTo(B)),
        scenario("no HOME at all: user.home").file("{elsewhere}/.databrickscfg", B_PROFILE)
            .env("HOME", null).jvm("-Duser.home={elsewhere}")
            .expect((o, s) -> assertThat(source(o, "host")).isEqualTo("profile DEFAULT in " + s.elsewhere.resolve(".databrickscfg"))));
    count = all.size();
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (Scenario s : all) {
      s.prepare(base.resolve(Integer.toString(i++)));
      Future<CliProcess.Result> run = pool.submit(s::run);
      tests.add(DynamicTest.dynamicTest(s.name, () -> s.verify(CliProcess.await(run))));
    }
    return tests.stream();
  }

  @AfterAll
  static void report() {
    if (pool != null) {
      pool.shutdownNow();
      System.out.printf("own scenarios through the packaged cli: %d in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static String source(JsonNode out, String attribute) {
    return out.path("attributes").path(attribute).path("source").asText("(unset)");
  }

  private static Scenario scenario(String name) {
    return new Scenario(name);
  }

  /** One run: files to write, the child's whole environment, JVM options and cli arguments, and what to expect. */
  private static final class Scenario {
    final String name;
    final Map<String, String> files = new LinkedHashMap<>();
    final Map<String, String> env = new LinkedHashMap<>(Map.of("HOME", "{home}"));
    final List<String> jvm = new ArrayList<>();
    final List<String> args = new ArrayList<>(List.of("auth", "describe", "--json"));
    BiConsumer<JsonNode, Scenario> expect;
    String failedAt;
    Path home;
    Path elsewhere;

    Scenario(String name) {
      this.name = name;
    }

    Scenario file(String path, String content) {
      files.put(path, content);
      return this;
    }

    /** A variable of the child; null removes it. */
    Scenario env(String name, String value) {
      env.put(name, value);
      return this;
    }

    Scenario jvm(String option) {
      jvm.add(option);
      return this;
    }

    Scenario args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    Scenario expect(BiConsumer<JsonNode, Scenario> check) {
      expect = check;
      return this;
    }

    Scenario expectError(String stage, String text) {
      failedAt = stage;
      expect = (o, s) -> assertThat(o.path("error").asText()).contains(text);
      return this;
    }

    void prepare(Path dir) {
      home = dir.resolve("home");
      elsewhere = dir.resolve("elsewhere");
      try {
        Files.createDirectories(home);
        Files.createDirectories(elsewhere);
        for (Map.Entry<String, String> f : files.entrySet()) {
          Path p = Path.of(expand(f.getKey()));
          Files.createDirectories(p.getParent());
          Files.writeString(p, f.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    CliProcess.Result run() {
      Map<String, String> childEnv = new LinkedHashMap<>();
      env.forEach((k, v) -> {
        if (v != null) {
          childEnv.put(k, expand(v));
        }
      });
      return CliProcess.run(childEnv, jvm.stream().map(this::expand).toList(), args);
    }

    void verify(CliProcess.Result r) {
      assertThat(r.stdout()).as("a secret was printed").doesNotContain(CANARY);
      assertThat(r.stderr()).as("a secret was printed").doesNotContain(CANARY);
      JsonNode out = r.json();
      assertThat(r.exitCode()).as("exit code; output: %s", r.stdout()).isEqualTo(failedAt == null ? 0 : 1);
      assertThat(out.path("failed_at").asText(null)).as("failed_at; output: %s", r.stdout()).isEqualTo(failedAt);
      expect.accept(out, this);
    }

    private String expand(String v) {
      return v.replace("{home}", home.toString()).replace("{elsewhere}", elsewhere.toString());
    }
  }
}
