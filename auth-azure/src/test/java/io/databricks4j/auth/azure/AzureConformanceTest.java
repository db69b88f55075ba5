package io.databricks4j.auth.azure;

import static org.junit.jupiter.api.Assertions.fail;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonWriter;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import io.databricks4j.auth.testing.LocalServer;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LocalServer.Request;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Group F of {@code auth_cases.json} (HTTP-backed auth) at the level of this module: the Azure MSI,
 * Azure client secret and tenant-id discovery cases run against one local server standing in for
 * every endpoint they name, through the real strategies and {@link AzureWorkspaceHost} /
 * {@link AzureTenantId} (the two helpers config resolution calls). Cases of other strategies are
 * skipped with the module that owns them. Prints pass/skip/fail counts.
 */
class AzureConformanceTest {
  private static final Pattern NOW_PLUS = Pattern.compile("<now\\s*\\+\\s*(\\d+)\\s*([smh])[^>]*>");
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger SKIPPED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();
  private static final List<String> REPORT = new ArrayList<>();

  @BeforeAll
  static void fastManagedIdentityRetries() {
    // MSAL's own documented test hook ("to allow much quicker testing"): the 404 case would
    // otherwise wait 2 + 4 + 8 s in MSAL's IMDS back-off. Package-private, so reflection.
    for (String type : new String[] {"IMDSRetryPolicy", "ManagedIdentityRetryPolicy"}) {
      try {
        var m = Class.forName("com.microsoft.aad.msal4j." + type).getDeclaredMethod("setRetryDelayMs", int.class);
        m.setAccessible(true);
        m.invoke(null, 1);
      } catch (ReflectiveOperationException | RuntimeException e) {
        System.out.println("[conformance] cannot shorten MSAL " + type + " back-off (" + e + "); 404 cases are slow");
      }
    }
  }

  @AfterAll
  static void printCounts() {
    REPORT.forEach(System.out::println);
    System.out.printf("[conformance] auth_cases.json group F in auth-azure: %d passed, %d skipped, %d failed%n",
        PASSED.get(), SKIPPED.get(), FAILED.get());
  }

  @TestFactory
  Stream<DynamicTest> groupF() throws IOException {
    String dir = System.getProperty("conformance.dir");
    Path cases = dir == null ? null : Path.of(dir, "auth_cases.json");
    Assumptions.assumeTrue(cases != null && Files.isRegularFile(cases),
        "conformance data not found: set -Dconformance.dir to the folder holding auth_cases.json (was " + dir + ")");
    Path testdata = cases.getParent().resolve("testdata");
    List<Map<String, Object>> all = list(parse(Files.readString(cases)));
    return all.stream().filter(c -> String.valueOf(c.get("group")).startsWith("F"))
        .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c, testdata)));
  }

  private static void run(Map<String, Object> c, Path testdata) {
    String name = (String) c.get("name");
    String skip = skipReason(name);
    if (skip != null) {
      SKIPPED.incrementAndGet();
      REPORT.add("[conformance] SKIP " + name + ": " + skip);
      Assumptions.abort(skip);
    }
    List<String> problems = new ArrayList<>();
    try (LocalServer server = LocalServer.start()) {
      problems.addAll(evaluate(c, testdata, server));
    } catch (RuntimeException e) {
      problems.add("runner error: " + e);
    }
    String[] known = KNOWN_DIFFERENCES.get(name);
    if (known != null && problems.size() == 1 && problems.get(0).contains(known[1])) {
      SKIPPED.incrementAndGet();
      REPORT.add("[conformance] SKIP " + name + ": known difference: " + known[0]);
      Assumptions.abort("known difference: " + known[0]);
    }
    if (problems.isEmpty()) {
      PASSED.incrementAndGet();
      REPORT.add("[conformance] PASS " + name);
    } else {
      FAILED.incrementAndGet();
      REPORT.add("[conformance] FAIL " + name + ": " + problems);
      fail(String.join("; ", problems));
    }
  }

  /**
   * Cases this module runs but whose expectation differs on purpose; the runner checks that the
   * observed outcome is exactly the documented one, and counts them as skipped.
   */
  private static final Map<String, String[]> KNOWN_DIFFERENCES = Map.of(
      "azure_msi_token_not_found", new String[] {
          "Go maps IMDS's 404 to apierr.NotFound through its own HTTP client; Azure Identity/MSAL do not expose"
              + " the status, so this is a CredentialsException naming the 404",
          "MSI returned 404"});

  private static String skipReason(String name) {
    if (name.startsWith("azure_msi") || name.startsWith("azure_client_secret") || name.startsWith("azure_tenant_id")) {
      return null;
    }
    if (name.contains("oauth_m2m")) {
      return "oauth-m2m: owned by auth-oauth";
    }
    if (name.startsWith("metadata_service")) {
      return "metadata-service: not an auth-azure strategy (sdk-core / auth-oauth)";
    }
    if (name.startsWith("host_profile_")) {
      return "pat/basic across host shapes: needs sdk-core host-type resolution and auth-pat";
    }
    return "not an Azure case";
  }

  @SuppressWarnings("unchecked")
  private static List<String> evaluate(Map<String, Object> c, Path testdata, LocalServer server) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> args = map(c.get("args"));
    Map<String, Object> expect = map(c.get("expect"));
    List<Map<String, Object>> fixtures = list(c.getOrDefault("http", List.of()));
    if (expect.containsKey("token_resources_in_order") && fixtures.stream().noneMatch(f -> isImds(f))) {
      fixtures = new ArrayList<>(fixtures);
      fixtures.addAll(imdsFromExpectations(expect, fixtures));
    }

    AzureWorkspaceLookup.forgetTenants();
    RoutingSender http = new RoutingSender();
    for (String origin : List.of("https://login.microsoftonline.com", "http://169.254.169.254",
        "https://management.azure.com")) {
      http.route(origin, server.url());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    args.forEach((k, v) -> {
      if (!k.equals("config_file")) {
        attributes.put(k, String.valueOf(v));
      }
    });
    Optional.ofNullable(attributes.get("host")).map(AzureConformanceTest::origin).ifPresent(o -> http.route(o, server.url()));
    List<Fixture> served = new ArrayList<>();
    for (Map<String, Object> f : fixtures) {
      if (f.containsKey("transport_error")) {
        for (String origin : List.of("https://login.microsoftonline.com", "http://169.254.169.254",
            "https://management.azure.com", origin(attributes.getOrDefault("host", "https://none")))) {
          http.fail(origin, (String) f.get("transport_error"));
        }
        continue;
      }
      Fixture fixture = new Fixture(f);
      if (fixture.url != null) {
        http.route(origin(fixture.url), server.url());
      }
      served.add(fixture);
    }
    serve(server, served);

    Map<String, String> env = new HashMap<>();
    map(c.getOrDefault("env", Map.of())).forEach((k, v) -> {
      if (!k.equals("HOME")) {
        env.put(k, String.valueOf(v));
      }
    });
    ConfigView config = new MapConfigView(attributes, env, testdata.resolve("empty_home"), http);

    Map<String, String> headers = null;
    Optional<String> tenant = Optional.empty();
    String resolvedHost = null;
    Throwable error = null;
    String name = (String) c.get("name");
    try {
      if (name.startsWith("azure_tenant_id")) {
        tenant = AzureTenantId.discover(config);
      } else {
        if (config.host().isEmpty()) {
          resolvedHost = AzureWorkspaceHost.resolve(config).orElse(null);
          if (resolvedHost != null) {
            attributes.put("host", resolvedHost);
            config = new MapConfigView(attributes, env, testdata.resolve("empty_home"), http);
          }
        }
        HeaderFactory factory = select(attributes.get("auth_type"), config);
        headers = factory == null ? null : factory.headers();
        if (factory == null) {
          problems.add("no Azure strategy applied");
        }
      }
    } catch (RuntimeException e) {
      error = e;
    }

    if (expect.containsKey("error_class") || (expect.containsKey("error") && expect.get("error") != null)) {
      if (error == null) {
        problems.add("expected an error, got none");
      } else if (expect.containsKey("error_class") && !chainHasClass(error, (String) expect.get("error_class"))) {
        problems.add("expected " + expect.get("error_class") + " in the cause chain, got " + chain(error));
      } else if (expect.get("error") != null && !chain(error).contains((String) expect.get("error"))) {
        problems.add("expected error containing '" + expect.get("error") + "', got " + chain(error));
      }
    } else if (error != null) {
      problems.add("unexpected error: " + chain(error));
    }
    if (expect.containsKey("headers") && error == null) {
      Map<String, String> want = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      map(expect.get("headers")).forEach((k, v) -> want.put(k, String.valueOf(v)));
      Map<String, String> got = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (headers != null) {
        got.putAll(headers);
      }
      if (!got.equals(want)) {
        problems.add("headers: expected " + want + ", got " + got);
      }
    }
    if (expect.containsKey("host") && !String.valueOf(expect.get("host")).equals(resolvedHost)) {
      problems.add("host: expected " + expect.get("host") + ", got " + resolvedHost);
    }
    if (expect.containsKey("azure_tenant_id") && error == null) {
      Object want = expect.get("azure_tenant_id");
      if (!Optional.ofNullable((String) want).equals(tenant)) {
        problems.add("azure_tenant_id: expected " + want + ", got " + tenant.orElse(null));
      }
    }
    if (expect.containsKey("token_resources_in_order")) {
      List<String> want = objects(expect.get("token_resources_in_order")).stream().map(o -> resource(String.valueOf(o)))
          .collect(Collectors.toList());
      List<String> got = server.requests().stream().filter(r -> r.path.endsWith("/identity/oauth2/token"))
          .map(r -> r.param("resource")).collect(Collectors.toList());
      if (!got.equals(want)) {
        problems.add("token resources: expected " + want + ", got " + got);
      }
    }
    for (Fixture f : served) {
      List<Request> hits = server.requests().stream().filter(f::matches).collect(Collectors.toList());
      f.expectedHeaders.forEach((k, v) -> hits.forEach(r -> {
        if (!v.equals(r.headers.get(k))) {
          problems.add(f + " expected request header " + k + ": " + v + ", got " + r.headers.get(k));
        }
      }));
      if (f.expectedCalls != null && hits.size() != f.expectedCalls) {
        problems.add(f + " expected " + f.expectedCalls + " call(s), got " + hits.size());
      }
    }
    if (name.equals("azure_tenant_id_skip_not_azure") && !server.requests().isEmpty()) {
      problems.add("a non-Azure host must not be asked: " + server.requests());
    }
    return problems;
  }

  /** The Azure strategy named by auth_type, else the first that applies by priority (the CLI is never probed). */
  private static HeaderFactory select(String authType, ConfigView config) {
    List<CredentialsStrategy> strategies = List.of(new AzureMsiStrategy(), new AzureClientSecretStrategy());
    for (CredentialsStrategy s : strategies) {
      if (authType == null || authType.equals(s.authType())) {
        Optional<HeaderFactory> f = s.configure(config);
        if (f.isPresent()) {
          return f.get();
        }
      }
    }
    return null;
  }

  private static boolean isImds(Map<String, Object> f) {
    return String.valueOf(f.get("path")).startsWith("/metadata/identity/");
  }

  /**
   * The Java original mocked its three MSI token sources; serve them from IMDS with the tokens the
   * case itself expects: the ARM fixture's bearer, then the Authorization and management headers.
   */
  private static List<Map<String, Object>> imdsFromExpectations(Map<String, Object> expect,
      List<Map<String, Object>> fixtures) {
    Map<String, Object> headers = map(expect.get("headers"));
    String arm = fixtures.stream().map(f -> map(f.getOrDefault("expect_request_headers", Map.of())).get("Authorization"))
        .filter(v -> v != null).map(v -> String.valueOf(v).replaceFirst("^Bearer ", "")).findFirst().orElse("arm");
    String databricks = String.valueOf(headers.get("Authorization")).replaceFirst("^Bearer ", "");
    String management = String.valueOf(headers.get("X-Databricks-Azure-SP-Management-Token"));
    List<String> resources = objects(expect.get("token_resources_in_order")).stream()
        .map(o -> resource(String.valueOf(o))).collect(Collectors.toList());
    List<String> tokens = List.of(arm, databricks, management);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < resources.size() && i < tokens.size(); i++) {
      out.add(Map.of("method", "GET", "path", "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
              + java.net.URLEncoder.encode(resources.get(i), StandardCharsets.UTF_8),
          "status", 200, "body", Map.of("token_type", "Bearer", "access_token", tokens.get(i), "expires_on", "<now+5m>")));
    }
    return out;
  }

  /** {@code <ARM_DATABRICKS_RESOURCE_ID = 2ff8...>} is written out in the case; take the id. */
  private static String resource(String s) {
    Matcher m = Pattern.compile("<[^=]*=\\s*([^>\\s]+)\\s*>").matcher(s);
    return m.matches() ? m.group(1) : s;
  }

  private static void serve(LocalServer server, List<Fixture> fixtures) {
    server.route("GET", "/common/discovery/instance", r -> Reply.json(200, "{\"tenant_discovery_endpoint\":"
        + "\"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
        + "\"metadata\":[{\"preferred_network\":\"login.microsoftonline.com\",\"preferred_cache\":\"login.windows.net\","
        + "\"aliases\":[\"login.microsoftonline.com\",\"login.windows.net\"]}]}"));
    Map<String, List<Fixture>> byRoute = new LinkedHashMap<>();
    for (Fixture f : fixtures) {
      for (String path : f.paths()) {
        byRoute.computeIfAbsent(f.method + " " + path, k -> new ArrayList<>()).add(f);
      }
    }
    byRoute.forEach((route, candidates) -> {
      int space = route.indexOf(' ');
      server.route(route.substring(0, space), route.substring(space + 1), r -> candidates.stream()
          .filter(f -> f.matches(r)).findFirst().map(Fixture::reply)
          .orElse(Reply.json(404, "{\"error\":\"no fixture for " + r + "\"}")));
    });
  }

  /** One HTTP fixture of a case. */
  private static final class Fixture {
    final String method;
    final String path;
    final String url;
    final String pathContains;
    final Map<String, String> query = new TreeMap<>();
    final int status;
    final Object body;
    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, String> expectedHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Integer expectedCalls;

    Fixture(Map<String, Object> f) {
      method = String.valueOf(f.getOrDefault("method", "GET"));
      url = (String) f.get("url");
      pathContains = (String) f.get("url_contains");
      String target = url != null ? URI.create(url).getRawPath() + (URI.create(url).getRawQuery() == null ? ""
          : "?" + URI.create(url).getRawQuery()) : (String) f.get("path");
      if (target == null) {
        path = null;
      } else {
        int q = target.indexOf('?');
        path = q < 0 ? target : target.substring(0, q);
        if (q >= 0) {
          for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      }
      status = ((Number) f.getOrDefault("status", 200)).intValue();
      body = f.get("body");
      map(f.getOrDefault("headers", Map.of())).forEach((k, v) -> headers.put(k, String.valueOf(v)));
      map(f.getOrDefault("expect_request_headers", Map.of())).forEach((k, v) -> expectedHeaders.put(k, String.valueOf(v)));
      expectedCalls = f.get("expect_calls") == null ? null : ((Number) f.get("expect_calls")).intValue();
    }

    /** The AAD v1 token path of the Go fixture is also served at MSAL's v2 path. */
    List<String> paths() {
      if (pathContains != null) {
        return List.of(pathContains);
      }
      if (path.matches("/[^/]+/oauth2/token")) {
        return List.of(path, path.replace("/oauth2/token", "/oauth2/v2.0/token"));
      }
      return List.of(path);
    }

    boolean matches(Request r) {
      if (!r.method.equals(method)) {
        return false;
      }
      if (pathContains != null) {
        return r.path.contains(pathContains);
      }
      if (!paths().contains(r.path)) {
        return false;
      }
      return query.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey())));
    }

    Reply reply() {
      Object b = body;
      if (b instanceof Map && path != null && path.matches("/[^/]+/oauth2/token")) {
        // a v1 (resource) response to MSAL's v2 request: MSAL reads expires_in
        Map<String, Object> m = new LinkedHashMap<>(map(b));
        Object on = m.get("expires_on");
        if (!m.containsKey("expires_in") && on != null) {
          m.put("expires_in", Long.parseLong(placeholders(String.valueOf(on))) - Instant.now().getEpochSecond());
        }
        b = m;
      }
      String text = b == null ? "" : b instanceof String ? (String) b : placeholders(json(b));
      Map<String, String> h = new LinkedHashMap<>(headers);
      if (b instanceof Map) {
        h.putIfAbsent("Content-Type", "application/json");
      }
      return new Reply(status, h, text);
    }

    @Override
    public String toString() {
      return method + " " + (pathContains != null ? "*" + pathContains + "*" : path) + (query.isEmpty() ? "" : "?" + query);
    }
  }

  private static String placeholders(String s) {
    Matcher m = NOW_PLUS.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      long seconds = m.group(2).equals("h") ? n * 3600 : m.group(2).equals("m") ? n * 60 : n;
      m.appendReplacement(out, Long.toString(Instant.now().getEpochSecond() + seconds));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String origin(String url) {
    URI u = URI.create(url.contains("://") ? url : "https://" + url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  private static boolean chainHasClass(Throwable e, String simpleName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<?> k = t.getClass(); k != null; k = k.getSuperclass()) {
        if (k.getSimpleName().equals(simpleName)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String chain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return sb.toString();
  }

  private static Object parse(String json) throws IOException {
    try (JsonReader reader = JsonProviders.createReader(json)) {
      return reader.readUntyped();
    }
  }

  private static String json(Object value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = JsonProviders.createWriter(out)) {
      writer.writeUntyped(value).flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> objects(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
