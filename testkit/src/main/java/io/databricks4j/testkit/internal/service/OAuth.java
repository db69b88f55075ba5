package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import io.databricks4j.testkit.internal.state.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth authorization server of the workspace ({@code /oidc}) and of the account
 * ({@code /oidc/accounts/<id>}): metadata, an authorize endpoint that consents at once, and a token
 * endpoint for client_credentials, authorization_code with PKCE, refresh_token and token exchange.
 */
public final class OAuth implements Durable {
  private static final Pattern ACCOUNT = Pattern.compile("/oidc/accounts/([^/]+)(/.*)");
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** Issues serving data-plane tokens; null when the emulator has no data plane. */
  private ServingDataPlane dataPlane;

  /** Lets the {@code jwt-bearer} grant issue tokens of {@code plane}. */
  public void dataPlane(ServingDataPlane plane) {
    this.dataPlane = plane;
  }

  private final Context ctx;
  private final Duration lifetime;
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  /** The redirect URLs of registered app integrations; a confidential one must present its secret. */
  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Set<String> idTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

  private record Code(String clientId, String redirectUri, String challenge, String method, String scope, long expiresAt) {
  }

  private record Refresh(String clientId, String scope, String user) {
  }

  private record App(String secret, List<String> redirectUrls) {
  }

  public OAuth(Context ctx, Duration lifetime) {
    this.ctx = ctx;
    this.lifetime = lifetime;
  }

  public void registerClient(String id, String secret) {
    clients.put(id, secret);
  }

  /** Forgets a client's secret, if it is still the one registered. */
  public void unregisterClient(String id, String secret) {
    clients.remove(id, secret);
  }

  /**
   * Registers an app integration: its client id, its secret when it is confidential (null when
   * public), and the redirect URLs the authorize endpoint accepts for it (any when empty).
   */
  public void registerApp(String clientId, String secret, List<String> redirectUrls) {
    apps.put(clientId, new App(secret, List.copyOf(redirectUrls)));
    if (secret != null) {
      clients.put(clientId, secret);
    }
  }

  /** Changes the redirect URLs of a registered app integration, keeping its secret. */
  public void updateRedirects(String clientId, List<String> redirectUrls) {
    apps.computeIfPresent(clientId, (k, app) -> new App(app.secret(), List.copyOf(redirectUrls)));
  }

  /** Forgets an app integration and its secret. */
  public void unregisterApp(String clientId) {
    App app = apps.remove(clientId);
    if (app != null && app.secret() != null) {
      clients.remove(clientId, app.secret());
    }
  }

  public void registerIdToken(String idToken) {
    idTokens.add(idToken);
  }

  /** Serves a request under {@code /oidc}, or null when the path is not one of this server's. */
  public Reply handle(HttpExchange exchange, String path) throws IOException {
    String prefix = ctx.host() + "/oidc";
    String rest = path.substring("/oidc".length());
    Matcher account = ACCOUNT.matcher(path);
    if (account.matches()) {
      if (!account.group(1).equals(ctx.accountId())) {
        return error(404, "invalid_request", "Unknown account " + account.group(1));
      }
      prefix = ctx.host() + "/oidc/accounts/" + account.group(1);
      rest = account.group(2);
    }
    String method = exchange.getRequestMethod();
    return switch (rest) {
      case "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" ->
          method.equals("GET") ? Reply.json(metadata(prefix)) : error(405, "invalid_request", "Use GET");
      case "/v1/authorize" -> authorize(exchange);
      case "/v1/token" -> method.equals("POST") ? token(exchange) : error(405, "invalid_request", "Use POST");
      case "/v1/keys", "/jwks.json" -> Reply.json(Json.object("keys", Json.array()));
      default -> null;
    };
  }

  private static ObjectNode metadata(String prefix) {
    return Json.object(
        "issuer", prefix,
        "authorization_endpoint", prefix + "/v1/authorize",
        "token_endpoint", prefix + "/v1/token",
        "jwks_uri", prefix + "/jwks.json",
        "response_types_supported", Json.strings(List.of("code", "id_token")),
        "response_modes_supported", Json.strings(List.of("query", "fragment", "form_post")),
        "grant_types_supported", Json.strings(List.of("client_credentials", "authorization_code", "refresh_token", JWT_BEARER,
            TOKEN_EXCHANGE)),
        "code_challenge_methods_supported", Json.strings(List.of("S256")),
        "token_endpoint_auth_methods_supported", Json.strings(List.of("client_secret_basic", "client_secret_post", "none")),
        "subject_types_supported", Json.strings(List.of("public")),
        "id_token_signing_alg_values_supported", Json.strings(List.of("RS256")),
        "scopes_supported", Json.strings(List.of("all-apis", "offline_access", "openid", "email", "profile", "sql")),
        "claims_supported", Json.strings(List.of("iss", "sub", "aud", "exp", "iat", "email")),
        "request_uri_parameter_supported", false);
  }

  private Reply authorize(HttpExchange exchange) {
    Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
    String redirect = q.get("redirect_uri");
    String client = q.get("client_id");
    if (redirect == null || client == null) {
      return error(400, "invalid_request", "client_id and redirect_uri are required");
    }
    App app = apps.get(client);
    if (app != null && !app.redirectUrls().isEmpty() && !app.redirectUrls().contains(redirect)) {
      return error(400, "invalid_request", "redirect_uri " + redirect + " is not a redirect URL of client " + client);
    }
    String state = q.get("state");
    if (!"code".equals(q.get("response_type"))) {
      return Reply.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "error=unsupported_response_type"
          + (state == null ? "" : "&state=" + encode(state)));
    }
    String method = q.getOrDefault("code_challenge_method", q.containsKey("code_challenge") ? "plain" : null);
    if (method != null && !method.equals("S256") && !method.equals("plain")) {
      return Reply.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "error=invalid_request"
          + "&error_description=" + encode("unsupported code_challenge_method") + (state == null ? "" : "&state=" + encode(state)));
    }
    String code = "dtkc-" + ctx.ids().secret(32);
    codes.put(code, new Code(client, redirect, q.get("code_challenge"), method, q.getOrDefault("scope", "all-apis"),
        ctx.now() + 600_000));
    return Reply.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + encode(code)
        + (state == null ? "" : "&state=" + encode(state)));
  }

  private Reply token(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
    Map<String, String> form = form(body);
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
          clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
          secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        return error(401, "invalid_client", "Malformed Basic authorization");
      }
    }
    String grant = form.getOrDefault("grant_type", "");
    String scope = form.getOrDefault("scope", "all-apis");
    switch (grant) {
      case "client_credentials" -> {
        if (clientId == null || secret == null || !secret.equals(clients.get(clientId))) {
          return error(401, "invalid_client", "Client authentication failed");
        }
        return issue(clientId, scope, null);
      }
      case "authorization_code" -> {
        Code code = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (code == null || ctx.now() > code.expiresAt()) {
          return error(400, "invalid_grant", "The authorization code is invalid, expired or already used");
        }
        if (clientId != null && !clientId.equals(code.clientId())) {
          return error(400, "invalid_grant", "The authorization code was issued to another client");
        }
        if (clients.containsKey(code.clientId()) && secret != null && !secret.equals(clients.get(code.clientId()))) {
          return error(401, "invalid_client", "Client authentication failed");
        }
        App app = apps.get(code.clientId());
        if (app != null && app.secret() != null && !app.secret().equals(secret)) {
          return error(401, "invalid_client", "Client authentication failed: a confidential client sends its secret");
        }
        if (form.containsKey("redirect_uri") && !form.get("redirect_uri").equals(code.redirectUri())) {
          return error(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (code.challenge() != null && !verifies(form.get("code_verifier"), code.challenge(), code.method())) {
          return error(400, "invalid_grant", "PKCE verification failed: code_verifier does not match code_challenge");
        }
        String refresh = "dtkr-" + ctx.ids().secret(40);
        refreshTokens.put(refresh, new Refresh(code.clientId(), code.scope(), ctx.userName()));
        return issue(ctx.userName(), code.scope(), refresh);
      }
      case "refresh_token" -> {
        Refresh r = form.get("refresh_token") == null ? null : refreshTokens.remove(form.get("refresh_token"));
        if (r == null) {
          return error(400, "invalid_grant", "The refresh token is invalid or was already used");
        }
        String refresh = "dtkr-" + ctx.ids().secret(40);
        refreshTokens.put(refresh, r);
        return issue(r.user(), r.scope(), refresh);
      }
      case TOKEN_EXCHANGE -> {
        String subject = form.get("subject_token");
        if (subject == null || !idTokens.contains(subject.strip())) {
          return error(400, "invalid_grant", "The subject token is not trusted by this workspace");
        }
        return issue(clientId != null ? clientId : ctx.userName(), scope, null);
      }
      case JWT_BEARER -> {
        // the serving data plane: a workspace token in, a token for one endpoint out
        String assertion = form.get("assertion");
        if (dataPlane == null || assertion == null || ctx.authenticator().authenticate("Bearer " + assertion) == null) {
          return error(400, "invalid_grant", "The assertion is not a valid token of this workspace");
        }
        String token = dataPlane.issue(form.get("authorization_details"), lifetime.toMillis());
        if (token == null) {
          return error(400, "invalid_request", "authorization_details must name a serving endpoint "
              + "(the data_plane_info of the endpoint gives them)");
        }
        ObjectNode issued = Json.object("access_token", token, "token_type", "Bearer", "expires_in",
            Math.max(1, lifetime.toSeconds()));
        return out -> Reply.bytes(out, 200, "application/json", Json.bytes(issued));
      }
      default -> {
        return error(400, "unsupported_grant_type", "Unsupported grant_type '" + grant + "'");
      }
    }
  }

  private Reply issue(String user, String scope, String refresh) {
    String token = "dtko-" + ctx.ids().secret(40);
    long seconds = Math.max(1, lifetime.toSeconds());
    ctx.authenticator().accept(token, user, ctx.now() + lifetime.toMillis());
    ObjectNode body = Json.object("access_token", token, "token_type", "Bearer", "expires_in", seconds, "scope", scope);
    Json.put(body, "refresh_token", refresh);
    return exchange -> {
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      Reply.bytes(exchange, 200, "application/json", Json.bytes(body));
    };
  }

  private static boolean verifies(String verifier, String challenge, String method) {
    if (verifier == null) {
      return false;
    }
    if ("plain".equals(method)) {
      return verifier.equals(challenge);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply error(int status, String error, String description) {
    return Reply.json(status, Json.object("error", error, "error_description", description));
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        // a malformed pair is ignored, as the real endpoint ignores what it cannot read
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String stateName() {
    return "oauth";
  }

  /** Clients with their secrets, app integrations, trusted ID tokens, pending codes and refresh tokens. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode appsJson = Json.object();
    new TreeMap<>(apps).forEach((id, app) -> {
      ObjectNode a = Json.object("redirect_urls", Json.strings(app.redirectUrls()));
      Json.put(a, "secret", app.secret());
      appsJson.set(id, a);
    });
    ObjectNode codesJson = Json.object();
    new TreeMap<>(codes).forEach((code, c) -> codesJson.set(code, Json.object("client_id", c.clientId(),
        "redirect_uri", c.redirectUri(), "challenge", c.challenge(), "method", c.method(), "scope", c.scope(),
        "expires_at", c.expiresAt())));
    ObjectNode refreshJson = Json.object();
    new TreeMap<>(refreshTokens).forEach((token, r) -> refreshJson.set(token, Json.object("client_id", r.clientId(),
        "scope", r.scope(), "user", r.user())));
    return Json.object("clients", Snapshots.texts(new TreeMap<>(clients)), "apps", appsJson,
        "id_tokens", Json.strings(new java.util.TreeSet<>(idTokens)), "codes", codesJson, "refresh_tokens", refreshJson);
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    Snapshots.texts(state.path("clients"), clients, k -> k);
    apps.clear();
    state.path("apps").fields().forEachRemaining(f -> {
      List<String> urls = new ArrayList<>();
      f.getValue().path("redirect_urls").forEach(u -> urls.add(u.asText()));
      apps.put(f.getKey(), new App(Json.string(f.getValue(), "secret"), List.copyOf(urls)));
    });
    idTokens.clear();
    state.path("id_tokens").forEach(t -> idTokens.add(t.asText()));
    codes.clear();
    state.path("codes").fields().forEachRemaining(f -> {
      JsonNode c = f.getValue();
      codes.put(f.getKey(), new Code(Json.string(c, "client_id"), Json.string(c, "redirect_uri"),
          Json.string(c, "challenge"), Json.string(c, "method"), Json.string(c, "scope"),
          c.path("expires_at").asLong()));
    });
    refreshTokens.clear();
    state.path("refresh_tokens").fields().forEachRemaining(f -> refreshTokens.put(f.getKey(),
        new Refresh(Json.string(f.getValue(), "client_id"), Json.string(f.getValue(), "scope"),
            Json.string(f.getValue(), "user"))));
  }
}
