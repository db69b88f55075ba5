package io.databricks4j.examples.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.oauth.Consent;
import io.databricks4j.auth.oauth.OAuthClient;
import io.databricks4j.auth.oauth.SessionCredentials;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A web application that signs its users in with Databricks OAuth (authorization code + PKCE)
 * and lists their clusters with their own credentials: the Java counterpart of the official
 * Flask example. The consent and the credentials live in the web session as plain maps.
 *
 * <p>Run it with {@code DATABRICKS_HOST}, {@code DATABRICKS_CLIENT_ID} (and
 * {@code DATABRICKS_CLIENT_SECRET} for a confidential app) set, or with nothing set to use the
 * embedded local workspace's authorization server; then open the printed URL.
 */
public final class WebAppExample implements AutoCloseable {
  private static final String COOKIE = "session";

  private final HttpServer server;
  private final OAuthClient oauth;
  private final String host;
  private final String clientSecret;
  private final Map<String, Map<String, Map<String, String>>> sessions = new ConcurrentHashMap<>();

  /** Starts the app on {@code port} (0 for a free one) for the workspace at {@code host}. */
  public WebAppExample(int port, String host, String clientId, String clientSecret) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    this.host = host;
    this.clientSecret = clientSecret;
    this.oauth = OAuthClient.builder().host(host).clientId(clientId).clientSecret(clientSecret)
        .redirectUrl(url() + "/callback").scopes(List.of("all-apis", "offline_access")).build();
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The app's base URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      Map<String, Map<String, String>> session = session(ex);
      switch (ex.getRequestURI().getPath()) {
        case "/login" -> {
          Consent consent = oauth.initiateConsent();
          session.put("consent", consent.toMap());
          redirect(ex, consent.authUrl().toString());
        }
        case "/callback" -> {
          Map<String, String> consentMap = session.remove("consent");
          if (consentMap == null) {
            respond(ex, 400, "no sign-in in progress: start at /login");
            return;
          }
          SessionCredentials credentials = Consent.fromMap(consentMap, clientSecret).exchangeCallbackParameters(query(ex));
          session.put("credentials", credentials.toMap());
          redirect(ex, "/");
        }
        default -> {
          Map<String, String> saved = session.get("credentials");
          if (saved == null) {
            redirect(ex, "/login");
            return;
          }
          SessionCredentials credentials = SessionCredentials.fromMap(saved, clientSecret);
          StringBuilder page = new StringBuilder("<h1>Your clusters</h1><ul>");
          try (WorkspaceClient w = WorkspaceClient.builder().host(host).credentialsProvider(credentials).build()) {
            for (ClusterDetails c : w.clusters().list()) {
              page.append("<li>").append(c.clusterName()).append(" (").append(c.state()).append(")</li>");
            }
          }
          session.put("credentials", credentials.toMap()); // refreshed tokens go back into the session
          respond(ex, 200, page.append("</ul>").toString());
        }
      }
    } catch (RuntimeException e) {
      respond(ex, 500, "error: " + e.getMessage());
    }
  }

  private Map<String, Map<String, String>> session(HttpExchange ex) {
    String cookie = ex.getRequestHeaders().getFirst("Cookie");
    String id = null;
    if (cookie != null) {
      for (String part : cookie.split(";")) {
        if (part.strip().startsWith(COOKIE + "=")) {
          id = part.strip().substring(COOKIE.length() + 1);
        }
      }
    }
    if (id == null || !sessions.containsKey(id)) {
      id = UUID.randomUUID().toString();
      sessions.put(id, new ConcurrentHashMap<>());
      ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; HttpOnly; Path=/; SameSite=Lax");
    }
    return sessions.get(id);
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> out = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static void respond(HttpExchange ex, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static void main(String[] args) throws Exception {
    String host = System.getenv("DATABRICKS_HOST");
    String clientId = System.getenv().getOrDefault("DATABRICKS_CLIENT_ID", "web-app-example");
    String secret = System.getenv("DATABRICKS_CLIENT_SECRET");
    LocalWorkspace local = null;
    if (host == null) {
      local = LocalWorkspace.start();
      secret = "web-app-secret";
      local.oauthClient(clientId, secret);
      host = local.host();
      System.out.println("No workspace configured: using the embedded local workspace at " + host);
    }
    WebAppExample app = new WebAppExample(8020, host, clientId, secret);
    System.out.println("Open " + app.url() + " and sign in (Ctrl-C to stop)");
    LocalWorkspace toClose = local;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      if (toClose != null) {
        toClose.close();
      }
    }));
    Thread.currentThread().join();
  }
}
