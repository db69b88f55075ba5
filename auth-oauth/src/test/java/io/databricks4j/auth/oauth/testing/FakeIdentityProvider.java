package io.databricks4j.auth.oauth.testing;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A Databricks host playing identity provider on 127.0.0.1: OAuth metadata, an authorization
 * endpoint that redirects with a code, and a token endpoint that checks what the official service
 * checks (client credentials, PKCE S256, redirect URI, refresh tokens, token exchange) and counts
 * its requests. Issued tokens contain the canary so leaks are visible.
 */
public final class FakeIdentityProvider implements AutoCloseable {
  /** One request to the token endpoint. */
  public record TokenCall(String path, Map<String, String> form, String authorization) {}

  /** What the authorization endpoint does with the next logins. */
  public enum AuthorizeMode { GRANT, DENY, WRONG_STATE }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final String tokenPrefix;
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger discoveryRequests = new AtomicInteger();
  private final AtomicLong expiresIn = new AtomicLong(3600);
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private final AtomicReference<AuthorizeMode> authorizeMode = new AtomicReference<>(AuthorizeMode.GRANT);
  private final Queue<TokenCall> calls = new ConcurrentLinkedQueue<>();
  private final Queue<String> served = new ConcurrentLinkedQueue<>();
  private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> challenge, redirect, client
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // refresh -> client
  private final Map<String, String> clients = new ConcurrentHashMap<>(); // confidential client -> secret
  private volatile String expectedIdToken;
  private volatile Map<String, String> lastAuthorizeParams = Map.of();

  private FakeIdentityProvider(String tokenPrefix) throws IOException {
    this.tokenPrefix = tokenPrefix;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/oidc/.well-known/oauth-authorization-server", recorded(ex -> {
      discoveryRequests.incrementAndGet();
      json(ex, 200, "{\"issuer\":\"" + base() + "/oidc\",\"authorization_endpoint\":\"" + base()
          + "/oidc/v1/authorize\",\"token_endpoint\":\"" + base() + "/oidc/v1/token\"}");
    }));
    server.createContext("/oidc/v1/authorize", recorded(this::authorize));
    server.createContext("/oidc/v1/token", recorded(this::token));
    server.createContext("/oidc/accounts/", recorded(this::token));
  }

  /** Starts a provider whose access tokens begin with {@code tokenPrefix}. */
  public static FakeIdentityProvider start(String tokenPrefix) {
    try {
      FakeIdentityProvider idp = new FakeIdentityProvider(tokenPrefix);
      idp.server.start();
      return idp;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Registers a confidential client for the client credentials grant. */
  public FakeIdentityProvider client(String id, String secret) {
    clients.put(id, secret);
    return this;
  }

  /** The ID token the token-exchange grant accepts. */
  public FakeIdentityProvider acceptIdToken(String idToken) {
    this.expectedIdToken = idToken;
    return this;
  }

  public FakeIdentityProvider expiresIn(long seconds) {
    expiresIn.set(seconds);
    return this;
  }

  /** The next {@code n} token requests answer HTTP 500. */
  public FakeIdentityProvider failNext(int n) {
    failuresToServe.set(n);
    return this;
  }

  public FakeIdentityProvider authorizeMode(AuthorizeMode mode) {
    authorizeMode.set(mode);
    return this;
  }

  /** Forgets every refresh token issued so far (as a revocation would). */
  public void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  /** Serves {@code path} with {@code handler} instead of the default behaviour. */
  public void handle(String path, HttpHandler handler) {
    try {
      server.removeContext(path);
    } catch (IllegalArgumentException none) {
      // not served yet
    }
    server.createContext(path, recorded(handler));
  }

  private HttpHandler recorded(HttpHandler handler) {
    return ex -> {
      served.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
      handler.handle(ex);
    };
  }

  /** {@code METHOD path} of every request served so far, the browser's visits to the authorization endpoint included. */
  public List<String> served() {
    return List.copyOf(served);
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  public int discoveryRequests() {
    return discoveryRequests.get();
  }

  public List<TokenCall> calls() {
    return List.copyOf(calls);
  }

  public Map<String, String> lastAuthorizeParams() {
    return lastAuthorizeParams;
  }

  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = single(URLUtils.parseParameters(ex.getRequestURI().getRawQuery()));
    lastAuthorizeParams = q;
    if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null || q.get("state") == null || q.get("redirect_uri") == null) {
      json(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String target;
    switch (authorizeMode.get()) {
      case DENY -> target = q.get("redirect_uri") + "?error=access_denied&error_description="
          + URLEncoder.encode("The user said no", StandardCharsets.UTF_8) + "&state=" + q.get("state");
      case WRONG_STATE -> target = q.get("redirect_uri") + "?code=" + newCode(q) + "&state=forged";
      default -> target = q.get("redirect_uri") + "?code=" + newCode(q) + "&state="
          + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
    }
    ex.getResponseHeaders().set("Location", target);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private String newCode(Map<String, String> q) {
    String code = "code-" + issued.incrementAndGet();
    codes.put(code, new String[] {q.get("code_challenge"), q.get("redirect_uri"), q.get("client_id")});
    return code;
  }

  private void token(HttpExchange ex) throws IOException {
    tokenRequests.incrementAndGet();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = single(URLUtils.parseParameters(body));
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    calls.add(new TokenCall(ex.getRequestURI().getPath(), form, authorization));
    if (!"POST".equals(ex.getRequestMethod())
        || !String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
      json(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      json(ex, 500, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"try later\"}");
      return;
    }
    String grant = String.valueOf(form.get("grant_type"));
    // a confidential client authenticates every grant; a public one sends only client_id
    boolean badClient = authorization != null && checkClient(authorization) != null;
    String refused = switch (grant) {
      case "client_credentials" -> checkClient(authorization);
      case "authorization_code" -> badClient ? "invalid_client" : checkCode(form);
      case "refresh_token" -> badClient ? "invalid_client"
          : refreshTokens.remove(String.valueOf(form.get("refresh_token"))) == null ? "invalid_grant" : null;
      case "urn:ietf:params:oauth:grant-type:token-exchange" ->
          "urn:ietf:params:oauth:token-type:jwt".equals(form.get("subject_token_type"))
              && expectedIdToken != null && expectedIdToken.equals(form.get("subject_token")) ? null : "invalid_grant";
      default -> "unsupported_grant_type";
    };
    if (refused != null) {
      json(ex, refused.equals("invalid_client") ? 401 : 400, "{\"error\":\"" + refused + "\"}");
      return;
    }
    int n = issued.incrementAndGet();
    String refresh = grant.equals("authorization_code") || grant.equals("refresh_token") ? "refresh-" + tokenPrefix + "-" + n : null;
    if (refresh != null) {
      refreshTokens.put(refresh, "issued");
    }
    json(ex, 200, "{\"access_token\":\"" + tokenPrefix + "-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn.get() + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}");
  }

  private String checkClient(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return "invalid_client";
    }
    String[] idSecret = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
    return idSecret.length == 2 && idSecret[1].equals(clients.get(idSecret[0])) ? null : "invalid_client";
  }

  private String checkCode(Map<String, String> form) {
    String[] issuedFor = codes.remove(String.valueOf(form.get("code")));
    if (issuedFor == null || form.get("code_verifier") == null) {
      return "invalid_grant";
    }
    String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier"))).getValue();
    boolean ok = challenge.equals(issuedFor[0]) && issuedFor[1].equals(form.get("redirect_uri"));
    return ok ? null : "invalid_grant";
  }

  private static Map<String, String> single(Map<String, List<String>> params) {
    return params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
  }

  public static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The query parameters of {@code uri}. */
  public static Map<String, String> query(URI uri) {
    return single(URLUtils.parseParameters(uri.getRawQuery()));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
