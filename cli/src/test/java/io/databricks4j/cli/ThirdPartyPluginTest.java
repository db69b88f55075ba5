package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credentials plug-in shipped in a jar of its own by somebody else is picked up with no code
 * change, settings included: the test compiles the example plug-in of the README (a strategy, and
 * apart from it the provider of the attributes it reads: {@code vault_path}, {@code vault_role} and
 * the sensitive {@code vault_token}) into a separate jar, and runs the cli in a fresh JVM with that
 * jar added to the class path and {@code HOME} pointing at a directory with a {@code .databrickscfg}.
 */
class ThirdPartyPluginTest {
  private static final String VAULT_TOKEN = "hvs.CANARY-third-party-4e1";

  private static final String ATTRIBUTES = """
      package com.acme.vault;

      import io.databricks4j.auth.AttributeProvider;
      import io.databricks4j.auth.AttributeSpec;
      import java.util.List;

      /** What the Vault plug-in reads; listed without loading the strategy or any library. */
      public final class AcmeVaultAttributes implements AttributeProvider {
        @Override
        public List<AttributeSpec> attributes() {
          return List.of(
              AttributeSpec.builder("vault_path").authGroup("vault")
                  .description("the KV secret holding the Databricks tokens, e.g. secret/data/databricks").build(),
              AttributeSpec.builder("vault_role").authGroup("vault")
                  .description("which token of the secret to use").build(),
              AttributeSpec.builder("vault_token").authGroup("vault").sensitive(true)
                  .description("the Vault token that may read the secret").build());
        }
      }
      """;

  private static final String STRATEGY = """
      package com.acme.vault;

      import io.databricks4j.auth.CachedToken;
      import io.databricks4j.auth.ConfigView;
      import io.databricks4j.auth.CredentialsException;
      import io.databricks4j.auth.HeaderFactory;
      import io.databricks4j.auth.CredentialsStrategy;
      import io.databricks4j.auth.Token;
      import io.databricks4j.http.HttpRequest;
      import io.databricks4j.http.HttpResponse;
      import java.time.Instant;
      import java.util.Optional;
      import java.util.regex.Matcher;
      import java.util.regex.Pattern;

      /** auth_type = acme-vault: the Databricks token kept in a Vault KV secret, one per role. */
      public final class AcmeVaultStrategy implements CredentialsStrategy {
        @Override
        public String authType() {
          return "acme-vault";
        }

        @Override
        public int priority() {
          return 5;
        }

        @Override
        public String requirement() {
          return "needs host, vault_path, vault_role and vault_token";
        }

        @Override
        public Optional<HeaderFactory> configure(ConfigView c) {
          if (c.host().isEmpty() || c.attribute("vault_path").isEmpty() || c.attribute("vault_role").isEmpty()
              || c.attribute("vault_token").isEmpty()) {
            return Optional.empty();
          }
          String vault = c.environment().getOrDefault("VAULT_ADDR", "https://127.0.0.1:8200");
          String url = vault + "/v1/" + c.require("vault_path");
          String role = c.require("vault_role");
          String vaultToken = c.require("vault_token");
          // read lazily, through the client's pipeline, and cached until shortly before it expires
          return Optional.of(CachedToken.of(authType(), () -> {
            try (HttpResponse r = c.http().send(HttpRequest.builder("GET", url).header("X-Vault-Token", vaultToken).build())) {
              Matcher m = Pattern.compile("\\"" + Pattern.quote(role) + "\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"").matcher(r.bodyAsString());
              if (r.status() != 200 || !m.find()) {
                throw new CredentialsException("acme-vault: " + url + " has no token for role " + role);
              }
              return Token.of(m.group(1), Instant.now().plusSeconds(3600));
            }
          }).bearer());
        }
      }
      """;

  /** Another vendor's plug-in, which would shadow the built-in token. */
  private static final String SHADOWING = """
      package com.other.auth;

      import io.databricks4j.auth.AttributeProvider;
      import io.databricks4j.auth.AttributeSpec;
      import java.util.List;

      public final class OtherAttributes implements AttributeProvider {
        @Override
        public List<AttributeSpec> attributes() {
          return List.of(AttributeSpec.builder("other_token").envVars("DATABRICKS_TOKEN").sensitive(true).build());
        }
      }
      """;

  @TempDir
  static Path dir;
  private static Path jar;
  private static Path shadowingJar;

  @BeforeAll
  static void buildThePluginJar() throws IOException {
    Path src = dir.resolve("src/com/acme/vault");
    Files.createDirectories(src);
    Files.writeString(src.resolve("AcmeVaultAttributes.java"), ATTRIBUTES);
    Files.writeString(src.resolve("AcmeVaultStrategy.java"), STRATEGY);
    Path otherSrc = Files.createDirectories(dir.resolve("src/com/other/auth"));
    Files.writeString(otherSrc.resolve("OtherAttributes.java"), SHADOWING);
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", String.join(java.io.File.pathSeparator,
        ChildCli.testClassPath()), src.resolve("AcmeVaultAttributes.java").toString(), src.resolve("AcmeVaultStrategy.java").toString(),
        otherSrc.resolve("OtherAttributes.java").toString());
    assertThat(rc).as("the plug-in compiles against sdk-api").isZero();
    jar = dir.resolve("acme-vault-auth.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String c : new String[] {"AcmeVaultAttributes", "AcmeVaultStrategy"}) {
        add(out, "com/acme/vault/" + c + ".class", Files.readAllBytes(classes.resolve("com/acme/vault/" + c + ".class")));
      }
      add(out, "META-INF/services/io.databricks4j.auth.CredentialsStrategy", "com.acme.vault.AcmeVaultStrategy\n");
      add(out, "META-INF/services/io.databricks4j.auth.AttributeProvider", "com.acme.vault.AcmeVaultAttributes\n");
    }
    shadowingJar = dir.resolve("other-auth.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(shadowingJar))) {
      add(out, "com/other/auth/OtherAttributes.class", Files.readAllBytes(classes.resolve("com/other/auth/OtherAttributes.class")));
      add(out, "META-INF/services/io.databricks4j.auth.AttributeProvider", "com.other.auth.OtherAttributes\n");
    }
  }

  private static void add(JarOutputStream out, String name, String text) throws IOException {
    add(out, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  /** A home directory of its own with this {@code .databrickscfg}. */
  private static Path home(String name, String databrickscfg) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(home.resolve(".databrickscfg"), databrickscfg);
    return home;
  }

  private static ChildCli.Result describe(Path home, Map<String, String> env, String... args) {
    return describe(List.of(jar), home, env, args);
  }

  private static ChildCli.Result describe(List<Path> plugins, Path home, Map<String, String> env, String... args) {
    List<String> classPath = new ArrayList<>(ChildCli.testClassPath());
    plugins.forEach(p -> classPath.add(p.toString()));
    Map<String, String> all = new HashMap<>(env);
    all.put("HOME", home.toString());
    List<String> command = new ArrayList<>(List.of("auth", "describe"));
    command.addAll(List.of(args));
    return ChildCli.run(classPath, all, command.toArray(String[]::new));
  }

  private static JsonNode json(ChildCli.Result r) throws IOException {
    return new ObjectMapper().readTree(r.output());
  }

  @Test
  void theStrategyAndItsAttributesAreFoundAndConfiguredFromAProfile() throws Exception {
    Path home = home("profile", "[DEFAULT]\nhost = https://acme.cloud.databricks.com\nvault_path = secret/data/databricks\n"
        + "vault_role = ci\nvault_token = " + VAULT_TOKEN + "\n");
    ChildCli.Result r = describe(home, Map.of(), "--json");

    assertThat(r.exitCode()).as(r.output()).isZero();
    JsonNode out = json(r);
    String profile = "profile DEFAULT in " + home.resolve(".databrickscfg");
    assertThat(out.get("auth_type").asText()).isEqualTo("acme-vault");
    assertThat(out.at("/attributes/vault_path/value").asText()).isEqualTo("secret/data/databricks");
    assertThat(out.at("/attributes/vault_path/source").asText()).isEqualTo(profile);
    assertThat(out.at("/attributes/vault_path/declared_by").asText()).isEqualTo("com.acme.vault.AcmeVaultAttributes");
    assertThat(out.at("/attributes/vault_role/source").asText()).isEqualTo(profile);
    assertThat(out.at("/attributes/vault_token/value").asText()).isEqualTo("***");
    assertThat(out.at("/attributes/vault_token/source").asText()).isEqualTo(profile);
    assertThat(out.get("debug_string").asText()).contains("vault_token=***");
    assertThat(r.output()).doesNotContain(VAULT_TOKEN);
  }

  @Test
  void anEnvironmentVariableOverridesTheProfileAndTheTextOutputRedactsToo() throws Exception {
    Path home = home("env", "[DEFAULT]\nhost = https://acme.cloud.databricks.com\nvault_path = secret/data/databricks\n"
        + "vault_role = ci\nvault_token = " + VAULT_TOKEN + "\n");
    ChildCli.Result r = describe(home, Map.of("DATABRICKS_VAULT_ROLE", "deploy"));

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).containsPattern("(?m)^Auth type: +acme-vault$")
        .containsPattern("(?m)^  vault_role +deploy +env DATABRICKS_VAULT_ROLE$")
        .containsPattern("(?m)^  vault_token +\\*\\*\\* +profile DEFAULT in .*\\.databrickscfg$")
        .doesNotContain(VAULT_TOKEN);
  }

  @Test
  void withoutItsSecretTheStrategyIsSkippedSayingWhatItNeeds() throws Exception {
    Path home = home("incomplete", "[DEFAULT]\nhost = https://acme.cloud.databricks.com\nvault_path = secret/data/databricks\n");
    ChildCli.Result r = describe(home, Map.of("DATABRICKS_VAULT_ROLE", "ci"), "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode out = json(r);
    assertThat(out.get("failed_at").asText()).isEqualTo("credentials");
    assertThat(out.get("error").asText()).contains("acme-vault: needs host, vault_path, vault_role and vault_token")
        .contains("vault_role=ci (env DATABRICKS_VAULT_ROLE)");
  }

  @Test
  void itsAttributesAndATokenAreTwoAuthorizationMethods() throws Exception {
    Path home = home("two-methods", "[DEFAULT]\nhost = https://acme.cloud.databricks.com\ntoken = dapi-CANARY-2\n"
        + "vault_token = " + VAULT_TOKEN + "\n");
    ChildCli.Result r = describe(home, Map.of(), "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(json(r).get("error").asText()).contains("more than one authorization method configured: pat and vault");
    assertThat(r.output()).doesNotContain(VAULT_TOKEN).doesNotContain("dapi-CANARY-2");
  }

  @Test
  void aPluginThatWouldShadowABuiltInAttributeIsNamed() throws Exception {
    Path home = home("shadowing", "[DEFAULT]\nhost = https://acme.cloud.databricks.com\n");
    ChildCli.Result r = describe(List.of(jar, shadowingJar), home, Map.of("DATABRICKS_TOKEN", "dapi-CANARY-3"), "--json");

    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    JsonNode out = json(r);
    assertThat(out.get("failed_at").asText()).isEqualTo("configuration");
    assertThat(out.get("error").asText()).isEqualTo("configuration attribute collision: com.other.auth.OtherAttributes"
        + " declares attribute other_token with environment variable DATABRICKS_TOKEN, but DATABRICKS_TOKEN is already an"
        + " environment variable of the built-in attribute token; a plug-in cannot redefine or shadow a built-in"
        + " attribute: rename it in com.other.auth.OtherAttributes");
    assertThat(r.output()).doesNotContain("dapi-CANARY-3");
  }
}
