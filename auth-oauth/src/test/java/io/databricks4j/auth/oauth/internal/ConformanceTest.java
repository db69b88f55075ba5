package io.databricks4j.auth.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.oauth.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the strategy-level cases of the shared conformance data ({@code auth_cases.json}, groups
 * F_http_backed_auth and H_oidc_endpoints) against this module: each case's {@code http}
 * fixtures are served on 127.0.0.1 and the hosts they belong to are rewritten to that server.
 * Cases that need sdk-core (config files, host metadata, the whole default chain) or another
 * auth module are skipped with the reason.
 */
class ConformanceTest {
  private static final Set<String> GROUPS = Set.of("F_http_backed_auth", "H_oidc_endpoints");
  private static final Set<String> CHECKED = Set.of("headers", "error", "error_status_code", "auth_type",
      "authorization_endpoint", "token_endpoint");
  private final Map<String, Integer> tally = new TreeMap<>();
  private final Map<String, String> skipped = new ConcurrentHashMap<>();
  private final List<String> notes = new ArrayList<>();

  @TestFactory
  List<DynamicTest> strategyLevelAuthCases() throws IOException {
    String dir = System.getProperty("conformance.dir");
    Path file = dir == null ? null : Path.of(dir, "auth_cases.json");
    if (file == null || !Files.isRegularFile(file)) {
      System.out.println("conformance: skipped, conformance.dir (" + dir + ") has no auth_cases.json");
      return List.of(DynamicTest.dynamicTest("conformance data", () -> Assumptions.abort(
          "skipped: system property conformance.dir (" + dir + ") does not name a folder with auth_cases.json")));
    }
    Path testdata = file.getParent().resolve("testdata");
    List<DynamicTest> tests = new ArrayList<>();
    for (Object o : (JSONArray) JSONValue.parse(Files.readString(file))) {
      JSONObject c = (JSONObject) o;
      if (GROUPS.contains(String.valueOf(c.get("group")))) {
        String name = String.valueOf(c.get("name"));
        tests.add(DynamicTest.dynamicTest(name, () -> count(name, () -> run(c, testdata))));
      }
    }
    tests.add(DynamicTest.dynamicTest("summary", this::printSummary));
    return tests;
  }

  private void count(String name, ThrowingRunnable body) throws Throwable {
    try {
      body.run();
      tally.merge("pass", 1, Integer::sum);
    } catch (org.opentest4j.TestAbortedException e) {
      tally.merge("skip", 1, Integer::sum);
      skipped.put(name, e.getMessage());
      throw e;
    } catch (Throwable t) {
      tally.merge("fail", 1, Integer::sum);
      throw t;
    }
  }

  private interface ThrowingRunnable {
    void run() throws Throwable;
  }

  private void printSummary() {
    System.out.printf("conformance auth_cases.json F+H (strategy level): %d pass, %d skip, %d fail%n",
        tally.getOrDefault("pass", 0), tally.getOrDefault("skip", 0), tally.getOrDefault("fail", 0));
    Map<String, List<String>> byReason = skipped.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
        TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    byReason.forEach((reason, names) -> System.out.printf("  skip (%d) %s: %s%n", names.size(), reason, names));
    notes.forEach(n -> System.out.println("  note " + n));
  }

  private void run(JSONObject c, Path testdata) throws Exception {
    String name = String.valueOf(c.get("name"));
    JSONObject args = c.get("args") instanceof JSONObject a ? a : new JSONObject();
    JSONObject env = c.get("env") instanceof JSONObject e ? e : new JSONObject();
    JSONObject expect = (JSONObject) c.get("expect");
    String authType = args.getAsString("auth_type");
    Assumptions.assumeTrue(c.get("phase") == null || "authenticate".equals(c.get("phase")),
        "phase " + c.get("phase") + " is sdk-core's config resolution");
    Assumptions.assumeFalse(name.startsWith("azure_"), "Azure strategies are auth-azure's");
    Assumptions.assumeFalse(name.startsWith("host_profile_"), "pat/basic are auth-pat's; host metadata is sdk-core's");
    Assumptions.assumeTrue(authType == null || strategies().stream().anyMatch(s -> s.authType().equals(authType)),
        "auth_type " + authType + " is not in this module");

    try (FixtureServer server = FixtureServer.start((JSONArray) c.get("http"))) {
      Map<String, String> attributes = new TreeMap<>();
      args.forEach((k, v) -> {
        if (v != null && !(v instanceof List<?> l && l.isEmpty()) && !k.equals("config_file")) {
          attributes.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(v));
        }
      });
      Map<String, String> environment = new TreeMap<>();
      env.forEach((k, v) -> environment.put(k, String.valueOf(v).replace("$EMPTY_HOME", testdata.resolve("empty_home").toString())
          .replace("$TESTDATA", testdata.toString())));
      environment.forEach((k, v) -> {
        if (k.startsWith("DATABRICKS_") && !k.equals("DATABRICKS_CONFIG_FILE")) {
          attributes.putIfAbsent(k.substring("DATABRICKS_".length()).toLowerCase(java.util.Locale.ROOT), v);
          notes.add(name + ": " + k + " mapped to an attribute by the harness (sdk-core's job)");
        }
      });
      Rewriter rewriter = server.rewriter(attributes, c);
      attributes.replaceAll((k, v) -> rewriter.apply(v));
      ConfigView view = TestConfigs.of(environment, testdata.resolve("empty_home"), flatten(attributes));
      if (rewriter.originalIsAccountHost) {
        view = TestConfigs.asAccountHost(view);
      }
      expect.keySet().stream().filter(k -> !CHECKED.contains(k))
          .forEach(k -> notes.add(name + ": expect." + k + " not checked (sdk-core)"));

      if ("oidc_endpoints".equals(c.get("operation"))) {
        OidcEndpoints endpoints = OidcEndpoints.resolve("conformance", view);
        if (expect.get("authorization_endpoint") != null) {
          assertThat(endpoints.authorizationEndpoint().toString()).isEqualTo(rewriter.apply(expect.getAsString("authorization_endpoint")));
        }
        if (expect.get("token_endpoint") != null) {
          assertThat(endpoints.tokenEndpoint().toString()).isEqualTo(rewriter.apply(expect.getAsString("token_endpoint")));
        }
      } else {
        authenticate(c, view, authType, expect, server);
      }
      assertThat(server.problems()).as("fixture expectations").isEmpty();
      assertThat(server.unconsumed()).as("fixtures never requested").isZero();
    }
  }

  private void authenticate(JSONObject c, ConfigView view, String authType, JSONObject expect, FixtureServer server) {
    Object error = expect.get("error");
    Object status = expect.get("error_status_code");
    try {
      CredentialsStrategy chosen = null;
      HeaderFactory factory = null;
      for (CredentialsStrategy s : strategies()) {
        if (authType == null ? s.explicitOnly() : !s.authType().equals(authType)) {
          continue;
        }
        Optional<HeaderFactory> f = s.configure(view);
        if (f.isPresent()) {
          chosen = s;
          factory = f.get();
          break;
        }
      }
      if (factory == null) {
        fail("no strategy of this module applies");
      }
      Map<String, String> headers = factory.headers();
      for (int i = 0; i < 5 && server.unconsumed() > 0; i++) {
        headers = factory.headers(); // e.g. a token about to expire is fetched again
      }
      assertThat(error).as("expected error").isNull();
      assertThat(status).as("expected error status").isNull();
      if (expect.get("auth_type") != null) {
        assertThat(chosen.authType()).isEqualTo(expect.getAsString("auth_type"));
      }
      if (expect.get("headers") instanceof JSONObject h) {
        Map<String, String> last = headers;
        h.forEach((k, v) -> assertThat(last).containsEntry(k, String.valueOf(v)));
      }
    } catch (RuntimeException e) {
      if (error == null && status == null) {
        throw e;
      }
      String message = String.valueOf(e.getMessage());
      if (error != null) {
        boolean regex = "regex".equals(c.get("match"));
        assertThat(regex ? Pattern.compile(error.toString()).matcher(message).find() : message.contains(error.toString()))
            .as("error %s matches %s", message, error).isTrue();
      } else {
        assertThat(message).contains("HTTP " + status);
      }
    }
  }

  private static List<CredentialsStrategy> strategies() {
    return ServiceLoader.load(CredentialsStrategy.class).stream().map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(CredentialsStrategy::priority).thenComparing(CredentialsStrategy::authType))
        .collect(Collectors.toList());
  }

  private static String[] flatten(Map<String, String> m) {
    return m.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
  }
}
