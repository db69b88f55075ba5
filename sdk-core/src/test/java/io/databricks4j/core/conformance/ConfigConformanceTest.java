package io.databricks4j.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.auth.AzureEnvironment;
import io.databricks4j.auth.Cloud;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.auth.Credentials;
import io.databricks4j.core.auth.CredentialsResolver;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.config.ConfigFile;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.DatabricksException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs the unified-auth cases of groups A-E and G (and the pat/basic cases of F) of the conformance suite through configuration
 * resolution and credential selection (pat and basic are on the test class path). Errors are
 * matched with "contains", as the Python and Java SDKs do: our messages add an explanation after
 * the official text.
 */
class ConfigConformanceTest {
  private static final Set<String> GROUPS = Set.of("A_unified_auth", "B_config_file_profiles", "C_host_normalization",
      "D_host_type_cloud", "E_scopes", "G_misc_attributes", "F_http_backed_auth");
  private static final int[] COUNTS = new int[3];
  private static final List<String> FAILED = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> authCases() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : ConformanceSuite.read("auth_cases.json")) {
      if (!GROUPS.contains(c.get("group").asText())) {
        continue;
      }
      String name = c.get("group").asText() + "/" + c.get("name").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        try {
          run(c);
          COUNTS[0]++;
        } catch (TestAbortedException e) {
          COUNTS[1]++;
          throw e;
        } catch (AssertionError | RuntimeException e) {
          COUNTS[2]++;
          FAILED.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
          throw e;
        }
      }));
    }
    return tests.stream();
  }

  @AfterAll
  static void report() {
    System.out.printf("conformance auth groups A-G (pat/basic in F): %d passed, %d skipped, %d failed%n", COUNTS[0], COUNTS[1], COUNTS[2]);
    FAILED.forEach(f -> System.out.println("  FAILED " + f));
  }

  private static void run(JsonNode c) {
    String phase = c.path("phase").asText("authenticate");
    JsonNode expect = c.get("expect");
    String expectedAuth = expect.path("auth_type").asText("");
    boolean patOrBasic = Set.of("pat", "basic").contains(expectedAuth);
    skipIf(c.has("http"), "needs HTTP fixtures (run by the plug-in modules)");
    skipIf(c.get("group").asText().startsWith("F_") && !patOrBasic, "needs its plug-in module (run there)");
    // host metadata only feeds OAuth endpoints: pat and basic must not depend on it
    skipIf(c.has("host_metadata") && !patOrBasic, "host metadata (/.well-known/databricks-config) is not implemented");
    skipIf(c.has("operation"), "operation " + c.path("operation").asText() + " is not part of configuration");
    skipIf(Set.of("load_azure_tenant_id").contains(phase), "Azure tenant discovery lives in auth-azure");
    skipIf(c.get("args").has("dsn"), "DSN strings are not supported: set attributes instead");
    skipIf(c.get("args").has("credentials_provider"), "needs a mock credentials provider object");
    skipIf(expect.has("environment_dns_zone"), "environment DNS zone is not exposed");
    skipIf(!expectedAuth.isEmpty() && !patOrBasic, "auth_type " + expectedAuth + " needs its plug-in");

    Map<String, String> env = new HashMap<>();
    c.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), ConformanceSuite.expand(e.getValue().asText())));
    env.putIfAbsent("HOME", ConformanceSuite.expand("$EMPTY_HOME"));
    DatabricksConfig.Builder b = DatabricksConfig.builder().environment(Environment.of(env, Path.of(env.get("HOME"))));
    for (Iterator<Map.Entry<String, JsonNode>> it = c.get("args").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String value;
      if (v.isNull()) {
        continue;
      } else if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        value = String.join(",", parts);
      } else {
        value = ConformanceSuite.expand(v.asText());
      }
      b.set(e.getKey(), value);
    }

    if (phase.equals("parse_config_file")) {
      ConfigFile file = ConfigFile.read(Path.of(ConformanceSuite.expand(c.get("args").get("config_file").asText()))).orElseThrow();
      expect.get("profiles").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(kv ->
          assertThat(file.section(p.getKey()).orElseThrow().get(kv.getKey())).isEqualTo(kv.getValue().asText())));
      return;
    }

    DatabricksConfig config;
    Credentials credentials = null;
    try {
      config = b.build().resolve();
      boolean needsCredentials = expect.has("auth_type") || expect.has("headers") || expect.has("error");
      if (phase.equals("authenticate") && needsCredentials) {
        credentials = new CredentialsResolver(io.databricks4j.core.auth.StrategyRegistry.discovered()).resolve(config);
      }
    } catch (DatabricksException e) {
      if (expect.has("error")) {
        assertThat(e.getMessage()).contains(ConformanceSuite.expand(expect.get("error").asText()));
        return;
      }
      throw e;
    }
    assertThat(expect.has("error")).as("expected error %s", expect.path("error").asText()).isFalse();
    for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      check(config, credentials, e.getKey(), e.getValue());
    }
  }

  private static void check(DatabricksConfig config, Credentials credentials, String key, JsonNode expected) {
    switch (key) {
      case "host":
        assertThat(config.host().orElse("")).as(key).isEqualTo(expected.asText());
        break;
      case "auth_type":
        assertThat(credentials).as("credentials").isNotNull();
        assertThat(credentials.authType()).as(key).isEqualTo(expected.asText());
        break;
      case "headers":
        assertThat(credentials).as("credentials").isNotNull();
        expected.fields().forEachRemaining(h -> assertThat(credentials.headers()).containsEntry(h.getKey(), h.getValue().asText()));
        break;
      case "scopes":
        assertThat(config.scopes()).as(key).containsExactlyElementsOf(texts(expected));
        break;
      case "scopes_raw":
        List<String> raw = config.get(ConfigAttribute.SCOPES).isEmpty() ? List.of() : config.scopes();
        assertThat(raw).as(key).containsExactlyElementsOf(expected.isNull() ? List.of() : texts(expected));
        break;
      case "host_type":
      case "client_type":
      case "resolved_host_type":
        assertThat(config.isAccountClient() ? "ACCOUNT" : "WORKSPACE").as(key).isEqualTo(expected.asText());
        break;
      case "is_account_client":
        assertThat(config.isAccountClient()).as(key).isEqualTo(expected.asBoolean());
        break;
      case "is_azure":
        assertThat(config.cloud() == Cloud.AZURE).as(key).isEqualTo(expected.asBoolean());
        break;
      case "is_aws":
        assertThat(config.cloud() == Cloud.AWS).as(key).isEqualTo(expected.asBoolean());
        break;
      case "is_gcp":
        assertThat(config.cloud() == Cloud.GCP).as(key).isEqualTo(expected.asBoolean());
        break;
      case "cloud":
        assertThat(config.cloud().name()).as(key).isEqualTo(expected.asText());
        break;
      case "arm_environment":
        assertThat(AzureEnvironment.parse(config.attribute("azure_environment").orElse("PUBLIC")).map(Enum::name).orElse("?"))
            .as(key).isEqualTo(expected.asText());
        break;
      case "debug_string":
        String want = expected.asText().replace("Config: <empty>", "").replace(". Env: <none>", "").replace("Env: <none>", "");
        assertThat(config.debugString(false)).as(key).isEqualTo(want);
        break;
      case "error_class":
      case "error_verbatim":
        break;
      default:
        ConfigAttribute a = ConfigAttribute.byKey(key).orElse(null);
        Assumptions.assumeTrue(a != null, "expectation " + key + " has no counterpart here");
        String actual = config.get(a).orElse("");
        if (expected.isBoolean()) {
          assertThat(Boolean.parseBoolean(actual)).as(key).isEqualTo(expected.asBoolean());
        } else {
          assertThat(actual).as(key).isEqualTo(expected.isNull() ? "" : expected.asText());
        }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static void skipIf(boolean condition, String reason) {
    Assumptions.assumeFalse(condition, reason);
  }
}
