package io.databricks4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.auth.AzureEnvironment;
import io.databricks4j.core.config.ConfigAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The cross-SDK conformance cases of {@code auth_cases.json}, run against the packaged cli as a
 * child process: {@code HOME} and the {@code DATABRICKS_*} variables of each case are the child's
 * real environment, its explicit arguments are {@code --set key=value}, and the answer is read
 * from {@code auth describe --json}. This is what a user gets, where the in-process suite of
 * sdk-core injects an {@code Environment}.
 *
 * <p>A case runs when describe can show what it expects. Secrets are printed as {@code ***}, so a
 * {@code token} is checked as present and a {@code headers} expectation is left to the in-process
 * suite; the rest of such a case is still checked. Errors are matched with "contains", as in the
 * in-process suite.
 */
class AuthDescribeConformanceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PAT_OR_BASIC = Set.of("pat", "basic");
  private static final Map<String, AtomicInteger> SKIPPED = new ConcurrentHashMap<>();
  private static final List<String> FAILED = new ArrayList<>();
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger HEADERS_LEFT = new AtomicInteger();
  private static long started;
  private static ExecutorService pool;

  @TestFactory
  Stream<DynamicTest> everyCaseDescribeCanExpress() throws IOException {
    Path dir = suite();
    JsonNode cases = JSON.readTree(dir.resolve("auth_cases.json").toFile());
    started = System.nanoTime();
    pool = CliProcess.pool();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("group").asText() + "/" + c.get("name").asText();
      Optional<String> skip = skipReason(c);
      // every child starts now, on the pool; each test waits for its own
      Future<CliProcess.Result> run = skip.isPresent() ? null : pool.submit(() -> describe(c, dir));
      tests.add(DynamicTest.dynamicTest(name, () -> {
        if (skip.isPresent()) {
          SKIPPED.computeIfAbsent(skip.get(), k -> new AtomicInteger()).incrementAndGet();
          throw new TestAbortedException(skip.get());
        }
        try {
          check(c, CliProcess.await(run).json(), dir);
          PASSED.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
          synchronized (FAILED) {
            FAILED.add(name + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
          }
          throw e;
        }
      }));
    }
    return tests.stream();
  }

  @AfterAll
  static void report() {
    if (pool == null) {
      return;
    }
    pool.shutdownNow();
    int skipped = SKIPPED.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.printf("conformance through the packaged cli (child process, HOME set): %d run, %d passed, %d failed,"
            + " %d skipped, in %d ms%n", PASSED.get() + FAILED.size(), PASSED.get(), FAILED.size(), skipped,
        (System.nanoTime() - started) / 1_000_000);
    System.out.printf("  headers expectations left to the in-process suite (secrets are redacted): %d%n", HEADERS_LEFT.get());
    new TreeMap<>(SKIPPED).forEach((reason, n) -> System.out.printf("  skipped %3d: %s%n", n.get(), reason));
    FAILED.forEach(f -> System.out.println("  FAILED " + f));
  }

  /** The suite folder; the whole class is skipped, saying how to enable it, without one. */
  private static Path suite() {
    String d = System.getProperty("conformance.dir");
    Assumptions.assumeTrue(d != null && Files.isRegularFile(Path.of(d, "auth_cases.json")),
        "conformance suite not found: set -Dconformance.dir to the shared/conformance folder" + (d == null ? "" : " (" + d + " has no auth_cases.json)"));
    return Path.of(d).toAbsolutePath().normalize();
  }

  /** Why {@code auth describe} cannot express a case; empty when it can. */
  static Optional<String> skipReason(JsonNode c) {
    String phase = c.path("phase").asText("authenticate");
    JsonNode expect = c.get("expect");
    String auth = expect.path("auth_type").asText("");
    boolean patOrBasic = PAT_OR_BASIC.contains(auth);
    if (c.has("http")) {
      return Optional.of("needs HTTP fixtures that a child process cannot be pointed at");
    }
    if (c.has("host_metadata") && !patOrBasic) {
      return Optional.of("needs an injected host-metadata resolver");
    }
    if (c.has("operation")) {
      return Optional.of("calls an operation after construction (oidc_endpoints, oauth_token), not configuration");
    }
    if (Set.of("parse_config_file", "load_azure_tenant_id").contains(phase)) {
      return Optional.of("component-level phase " + phase + " has no cli counterpart");
    }
    if (c.get("args").has("dsn") || c.get("args").has("credentials_provider")) {
      return Optional.of("needs a DSN string or a credentials provider object, which a command line cannot pass");
    }
    if (expect.has("environment_dns_zone")) {
      return Optional.of("expects the environment DNS zone, which databricks4j does not expose");
    }
    if (!auth.isEmpty() && !patOrBasic) {
      return Optional.of("auth_type " + auth + " reaches a token endpoint or a cloud; run by its plug-in module");
    }
    if (c.get("group").asText().startsWith("F_") && !patOrBasic) {
      return Optional.of("HTTP-backed strategy; run by its plug-in module");
    }
    return Optional.empty();
  }

  private static CliProcess.Result describe(JsonNode c, Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    c.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), expand(e.getValue().asText(), dir)));
    // the original tests ran with a HOME without .databrickscfg when they set none
    env.putIfAbsent("HOME", expand("$EMPTY_HOME", dir));
    List<String> args = new ArrayList<>(List.of("auth", "describe", "--json"));
    for (Iterator<Map.Entry<String, JsonNode>> it = c.get("args").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      String value;
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        value = String.join(",", parts);
      } else {
        value = expand(v.asText(), dir);
      }
      args.add("--set");
      args.add(e.getKey() + "=" + value);
    }
    return CliProcess.run(env, List.of(), args);
  }

  private static void check(JsonNode c, JsonNode out, Path dir) {
    JsonNode expect = c.get("expect");
    String phase = c.path("phase").asText("authenticate");
    String error = out.path("error").asText("");
    // describe always selects credentials; a case that expects nothing of them ignores that step,
    // as the in-process suite and the Python originals (with a no-op strategy) do
    boolean credentialsMatter = phase.equals("authenticate")
        && (expect.has("auth_type") || expect.has("headers") || expect.has("error"));
    boolean credentialsOnly = out.path("failed_at").asText("").equals("credentials") && !credentialsMatter;
    if (expect.has("error")) {
      assertThat(error).as("error").contains(expand(expect.get("error").asText(), dir));
      return;
    }
    if (!credentialsOnly) {
      assertThat(error).as("error").isEmpty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      check(out, e.getKey(), e.getValue());
    }
  }

  private static void check(JsonNode out, String key, JsonNode expected) {
    JsonNode attributes = out.path("attributes");
    switch (key) {
      case "host" -> assertThat(out.path("host").asText("")).as(key).isEqualTo(expected.asText());
      case "auth_type" -> assertThat(out.path("auth_type").asText("")).as(key).isEqualTo(expected.asText());
      case "headers" -> HEADERS_LEFT.incrementAndGet();
      case "scopes" -> assertThat(texts(out.path("scopes"))).as(key).containsExactlyElementsOf(texts(expected));
      case "scopes_raw" -> assertThat(attributes.has("scopes") ? texts(out.path("scopes")) : List.<String>of()).as(key)
          .containsExactlyElementsOf(expected.isNull() ? List.of() : texts(expected));
      case "host_type", "client_type", "resolved_host_type" ->
          assertThat(out.path("is_account_client").asBoolean() ? "ACCOUNT" : "WORKSPACE").as(key).isEqualTo(expected.asText());
      case "is_account_client" -> assertThat(out.path("is_account_client").asBoolean()).as(key).isEqualTo(expected.asBoolean());
      case "is_azure" -> assertThat(out.path("cloud").asText().equals("AZURE")).as(key).isEqualTo(expected.asBoolean());
      case "is_aws" -> assertThat(out.path("cloud").asText().equals("AWS")).as(key).isEqualTo(expected.asBoolean());
      case "is_gcp" -> assertThat(out.path("cloud").asText().equals("GCP")).as(key).isEqualTo(expected.asBoolean());
      case "cloud" -> assertThat(out.path("cloud").asText()).as(key).isEqualTo(expected.asText());
      case "arm_environment" -> assertThat(AzureEnvironment.parse(attributes.path("azure_environment").path("value").asText("PUBLIC"))
          .map(Enum::name).orElse("?")).as(key).isEqualTo(expected.asText());
      case "debug_string" -> assertThat(out.path("debug_string").asText()).as(key).isEqualTo(expected.asText()
          .replace("Config: <empty>", "").replace(". Env: <none>", "").replace("Env: <none>", ""));
      case "error_class", "error_verbatim" -> {
        // the class and Go's verbatim text have no counterpart; the message is checked above
      }
      default -> {
        Optional<ConfigAttribute> a = ConfigAttribute.byKey(key);
        Assumptions.assumeTrue(a.isPresent(), "expectation " + key + " has no counterpart here");
        String actual = attributes.path(key).path("value").asText("");
        if (a.get().sensitive()) {
          // printed redacted: present or absent is what describe can tell
          assertThat(actual).as(key).isEqualTo(expected.isNull() || expected.asText().isEmpty() ? "" : "***");
        } else if (expected.isBoolean()) {
          assertThat(Boolean.parseBoolean(actual)).as(key).isEqualTo(expected.asBoolean());
        } else {
          assertThat(actual).as(key).isEqualTo(expected.isNull() ? "" : expected.asText());
        }
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static String expand(String s, Path dir) {
    Path testdata = dir.resolve("testdata");
    return s.replace("$EMPTY_HOME", testdata.resolve("empty_home").toString()).replace("$TESTDATA", testdata.toString());
  }
}
