package io.databricks4j.auth.azure;

import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import io.databricks4j.auth.testing.LocalServer;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LocalServer.Request;
import io.databricks4j.auth.testing.LocalServices;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for Microsoft Entra ID (the authority), the instance metadata service, Azure
 * Resource Manager and a Databricks workspace, each its own 127.0.0.1 server, and the sender that
 * routes the real Azure endpoints to them (any other origin fails: no test reaches the network).
 */
final class FakeAzure implements LocalServices {
  static final String WORKSPACE = "https://adb-123.4.azuredatabricks.net";
  static final String TENANT = "tenant-0001";
  static final String CLIENT_ID = "sp-client-id";
  /** Where GitHub Actions jobs ask for ID tokens (ACTIONS_ID_TOKEN_REQUEST_URL's origin). */
  static final String GITHUB = "https://pipelines.actions.githubusercontent.com";
  /** The ID token the fake GitHub hands a job that asks with {@link #githubRequestToken}. */
  static final String GITHUB_ID_TOKEN = "eyJ.github-job.sig";

  final LocalServer aad = LocalServer.start();
  final LocalServer aadGov = LocalServer.start();
  final LocalServer imds = LocalServer.start();
  final LocalServer arm = LocalServer.start();
  final LocalServer workspace = LocalServer.start();
  final LocalServer github = LocalServer.start();
  final RoutingSender http = new RoutingSender();
  private final AtomicInteger issued = new AtomicInteger();
  volatile String clientSecret;
  volatile long lifetimeSeconds = 3600;
  /** Appended to every access token issued (a log canary test puts its secret there). */
  volatile String tokenSuffix = "";
  /** The bearer GitHub expects of the ID token request (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  volatile String githubRequestToken = "gh-request-token";

  FakeAzure(String clientSecret) {
    this.clientSecret = clientSecret;
    reset();
  }

  /** Routes back to the happy defaults; recorded requests (the sender's and the servers') forgotten. */
  @Override
  public void reset() {
    AzureWorkspaceLookup.forgetTenants();
    http.clear();
    http.route("https://login.microsoftonline.com", aad.url())
        .route("https://login.microsoftonline.us", aadGov.url())
        .route("https://login.chinacloudapi.cn", aad.url())
        .route("http://169.254.169.254", imds.url())
        .route("https://management.azure.com", arm.url())
        .route("https://management.usgovcloudapi.net", arm.url())
        .route(WORKSPACE, workspace.url())
        .route(GITHUB, github.url());
    for (LocalServer s : new LocalServer[] {aad, aadGov, imds, arm, workspace, github}) {
      s.reset();
    }
    lifetimeSeconds = 3600;
    tokenSuffix = "";
    githubRequestToken = "gh-request-token";
    for (LocalServer authority : new LocalServer[] {aad, aadGov}) {
      authority.route("GET", "/common/discovery/instance", r -> Reply.json(200, "{\"tenant_discovery_endpoint\":"
        + "\"https://login.microsoftonline.com/" + TENANT + "/v2.0/.well-known/openid-configuration\","
        + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"login.microsoftonline.com\","
        + "\"preferred_cache\":\"login.windows.net\",\"aliases\":[\"login.microsoftonline.com\","
        + "\"login.windows.net\",\"login.microsoft.com\",\"sts.windows.net\"]}]}"));
      authority.route("POST", "/" + TENANT + "/oauth2/v2.0/token", this::clientCredentials);
    }
    imds.route("GET", "/metadata/identity/oauth2/token", this::managedIdentity);
    github.route("GET", "/job-1/idtoken", r -> ("Bearer " + githubRequestToken).equals(r.headers.get("Authorization"))
        && "api://AzureADTokenExchange".equals(r.param("audience"))
        ? Reply.json(200, "{\"count\":1,\"value\":\"" + GITHUB_ID_TOKEN + "\"}") : Reply.json(403, "{}"));
    workspace.route("GET", "/aad/auth",
        r -> Reply.redirect("https://login.microsoftonline.com/" + TENANT + "/oauth2/authorize?client_id=x"));
  }

  /** A configuration of {@code keyValues} whose requests go to these servers. */
  MapConfigView config(String... keyValues) {
    return MapConfigView.of(keyValues).withHttp(http);
  }

  /** As {@link #config(String...)}, with an environment. */
  MapConfigView config(Map<String, String> env, String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new MapConfigView(m, env, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), http);
  }

  /** Which token a scope or resource asks for: databricks, management (service management) or arm. */
  static String kind(String scopeOrResource) {
    if (scopeOrResource == null) {
      return "none";
    }
    if (scopeOrResource.startsWith(io.databricks4j.auth.AzureEnvironment.DATABRICKS_RESOURCE_ID)) {
      return "databricks";
    }
    if (scopeOrResource.contains("management.core.")) {
      return "management";
    }
    return scopeOrResource.contains("management.") ? "arm" : "other:" + scopeOrResource;
  }

  private Reply clientCredentials(Request r) {
    if (r.param("client_assertion") != null) {
      boolean ok = CLIENT_ID.equals(r.param("client_id")) && GITHUB_ID_TOKEN.equals(r.param("client_assertion"))
          && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(r.param("client_assertion_type"));
      if (!ok) {
        return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213: No matching"
            + " federated identity record found for presented assertion.\",\"error_codes\":[700213]}");
      }
      return Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeSeconds
          + ",\"access_token\":\"aad-federated-" + kind(r.param("scope")) + "-" + issued.incrementAndGet() + tokenSuffix + "\"}");
    }
    if (!CLIENT_ID.equals(r.param("client_id")) || !clientSecret.equals(r.param("client_secret"))) {
      return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
          + " secret provided. Ensure the secret being sent in the request is the client secret value.\","
          + "\"error_codes\":[7000215]}");
    }
    String token = "aad-" + kind(r.param("scope")) + "-" + issued.incrementAndGet() + tokenSuffix;
    return Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeSeconds
        + ",\"ext_expires_in\":" + lifetimeSeconds + ",\"access_token\":\"" + token + "\"}");
  }

  private Reply managedIdentity(Request r) {
    if (!"true".equals(r.headers.get("Metadata"))) {
      return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}");
    }
    String who = r.param("client_id") == null ? "system" : r.param("client_id");
    String token = "msi-" + who + "-" + kind(r.param("resource")) + "-" + issued.incrementAndGet() + tokenSuffix;
    // under MSAL's five-minute refresh buffer, so its process-wide managed identity cache never
    // hands one test the token of another
    long expiresOn = Instant.now().getEpochSecond() + 290;
    return Reply.json(200, "{\"access_token\":\"" + token + "\",\"expires_on\":\"" + expiresOn
        + "\",\"resource\":\"" + r.param("resource") + "\",\"token_type\":\"Bearer\"}");
  }

  /** Every request the local servers answered. */
  int served() {
    int n = 0;
    for (LocalServer s : new LocalServer[] {aad, aadGov, imds, arm, workspace, github}) {
      n += s.requests().size();
    }
    return n;
  }

  @Override
  public void close() {
    aad.close();
    aadGov.close();
    imds.close();
    arm.close();
    workspace.close();
    github.close();
  }
}
