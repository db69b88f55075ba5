package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.auth.oauth.testing.FakeIdentityProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * Serves a conformance case's {@code http} fixtures in order on 127.0.0.1, checking the
 * {@code expect_request_headers} / {@code expect_request_form} each one names. A request no
 * fixture matches is a problem too.
 */
final class FixtureServer implements AutoCloseable {
  private static final Pattern NOW = Pattern.compile("<now\\s*\\+\\s*(\\d+)\\s*([a-z]*)[^>]*>");
  private final HttpServer server;
  private final List<JSONObject> fixtures;
  private final boolean[] consumed;
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private Rewriter rewriter = new Rewriter(Set.of(), "", false);

  private FixtureServer(JSONArray http) throws IOException {
    fixtures = new ArrayList<>();
    if (http != null) {
      http.forEach(f -> fixtures.add((JSONObject) f));
    }
    consumed = new boolean[fixtures.size()];
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
  }

  static FixtureServer start(JSONArray http) throws IOException {
    FixtureServer s = new FixtureServer(http);
    s.server.start();
    return s;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> problems() {
    return problems;
  }

  synchronized int unconsumed() {
    int n = 0;
    for (int i = 0; i < fixtures.size(); i++) {
      n += consumed[i] || Boolean.TRUE.equals(fixtures.get(i).get("reuse")) ? 0 : 1;
    }
    return n;
  }

  /**
   * The rewriting of this case: every origin the fixtures are served for (fixture URLs, URLs in
   * bodies, the host unless the case talks to a metadata service, the metadata service URL) and
   * {@code <fixture server url>} become this server.
   */
  Rewriter rewriter(Map<String, String> attributes, JSONObject c) {
    Set<String> origins = new TreeSet<>();
    String host = attributes.get("host");
    String normalizedHost = host == null ? null : normalize(host);
    if (!fixtures.isEmpty()) {
      for (JSONObject f : fixtures) {
        origin(f.getAsString("url")).ifPresent(origins::add);
        collectUrls(f.get("body"), origins);
      }
      if (normalizedHost != null && !attributes.containsKey("metadata_service_url")) {
        origin(normalizedHost).ifPresent(origins::add);
      }
      origin(attributes.get("metadata_service_url")).ifPresent(origins::add);
    }
    boolean account = normalizedHost != null && (normalizedHost.startsWith("https://accounts.")
        || normalizedHost.startsWith("https://accounts-dod."));
    rewriter = new Rewriter(origins, base(), account);
    if (host != null && origins.contains(origin(normalizedHost).orElse(""))) {
      attributes.put("host", normalizedHost);
    }
    return rewriter;
  }

  private static String normalize(String host) {
    String h = host.contains("://") || host.startsWith("<") ? host : "https://" + host;
    return h.endsWith("/") ? h.substring(0, h.length() - 1) : h;
  }

  private static java.util.Optional<String> origin(String url) {
    if (url == null || !url.matches("https?://.*")) {
      return java.util.Optional.empty();
    }
    URI u = URI.create(url);
    return java.util.Optional.of(u.getScheme() + "://" + u.getRawAuthority());
  }

  private static void collectUrls(Object body, Set<String> into) {
    if (body instanceof String s) {
      origin(s).ifPresent(into::add);
    } else if (body instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectUrls(v, into));
    }
  }

  private synchronized int match(HttpExchange ex) {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    for (int i = 0; i < fixtures.size(); i++) {
      JSONObject f = fixtures.get(i);
      if (consumed[i] && !Boolean.TRUE.equals(f.get("reuse"))) {
        continue;
      }
      String method = f.getAsString("method");
      String want = f.get("path") != null ? f.getAsString("path") : pathOf(rewriter.apply(f.getAsString("url")));
      boolean methodOk = "*".equals(method) || ex.getRequestMethod().equals(method);
      boolean pathOk = "*".equals(want) || (want.contains("?") ? want.equals(path + "?" + query) : want.equals(path));
      if (methodOk && pathOk) {
        consumed[i] = true;
        return i;
      }
    }
    return -1;
  }

  private static String pathOf(String url) {
    URI u = URI.create(url);
    String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
  }

  private void serve(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int i = match(ex);
    if (i < 0) {
      problems.add("unexpected request " + ex.getRequestMethod() + " " + ex.getRequestURI());
      FakeIdentityProvider.json(ex, 404, "{}");
      return;
    }
    JSONObject f = fixtures.get(i);
    if (f.get("expect_request_headers") instanceof JSONObject want) {
      want.forEach((k, v) -> {
        String got = ex.getRequestHeaders().getFirst(k);
        // a media type may carry parameters (Nimbus sends "; charset=UTF-8")
        boolean same = got != null && (got.equals(v) || k.equalsIgnoreCase("Content-Type") && got.startsWith(v + ";"));
        if (!same) {
          problems.add("header " + k + ": expected " + v + ", got " + got);
        }
      });
    }
    if (f.get("expect_request_form") instanceof JSONObject want) {
      Map<String, List<String>> form = URLUtils.parseParameters(body);
      want.forEach((k, v) -> {
        List<String> got = form.getOrDefault(k, Collections.emptyList());
        if (!got.equals(List.of(String.valueOf(v)))) {
          problems.add("form " + k + ": expected " + v + ", got " + got);
        }
      });
    }
    Object fixtureBody = f.get("body");
    String text = fixtureBody == null ? "" : fixtureBody instanceof JSONObject o
        ? JSONObject.toJSONString(render(o), JSONStyle.LT_COMPRESS) : rewriter.apply(String.valueOf(fixtureBody));
    FakeIdentityProvider.json(ex, ((Number) f.get("status")).intValue(), text);
  }

  private Map<String, Object> render(JSONObject o) {
    JSONObject out = new JSONObject();
    o.forEach((k, v) -> {
      if (v instanceof String s) {
        Matcher m = NOW.matcher(s.toLowerCase(Locale.ROOT));
        out.put(k, m.find() ? Instant.now().plusSeconds(seconds(m)).getEpochSecond() : rewriter.apply(s));
      } else if (v instanceof JSONObject nested) {
        out.put(k, render(nested));
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  private static long seconds(Matcher m) {
    long n = Long.parseLong(m.group(1));
    return m.group(2).startsWith("m") ? n * 60 : n;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

/** Replaces the origins of a case with the fixture server. */
final class Rewriter implements UnaryOperator<String> {
  private static final String PLACEHOLDER = "<fixture server url>";
  private final List<String> origins;
  private final String base;
  final boolean originalIsAccountHost;

  Rewriter(Set<String> origins, String base, boolean originalIsAccountHost) {
    this.origins = new ArrayList<>(origins);
    this.origins.sort((a, b) -> b.length() - a.length());
    this.base = base;
    this.originalIsAccountHost = originalIsAccountHost;
  }

  @Override
  public String apply(String s) {
    if (s == null) {
      return null;
    }
    if (s.startsWith(PLACEHOLDER)) {
      return base + s.substring(PLACEHOLDER.length());
    }
    for (String o : origins) {
      if (s.equals(o) || s.startsWith(o + "/") || s.startsWith(o + "?")) {
        return base + s.substring(o.length());
      }
    }
    return s;
  }
}
