package io.databricks4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.Cloud;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.it.support.Clients;
import io.databricks4j.it.support.FakeEntraId;
import io.databricks4j.it.support.FakeGoogleOAuth;
import io.databricks4j.it.support.HttpsStub;
import io.databricks4j.it.support.Recorder;
import io.databricks4j.it.support.Report;
import io.databricks4j.it.support.RoutingProxy;
import io.databricks4j.it.support.TestCertificate;
import io.databricks4j.it.support.Tunnel;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.testkit.LocalWorkspace;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request goes through the configured proxy: the API calls, and the token requests of
 * OAuth M2M, Azure and Google. The hosts have names that only the proxy resolves (a loopback
 * address is never proxied, by design), so a request that went around the proxy would fail: each
 * flow also runs without the proxy to show that (on the jdk transport, which has no resolver
 * hook, only the flows whose hosts are all made up, so that no real name is looked up). The
 * workspace is the testkit's, reached by HTTPS through a TLS front; the proxy is given as
 * {@code proxy_host}/{@code proxy_port} for some flows and as {@code HttpOptions.proxy} for others.
 */
class ProxyTest {
  private static final String WORKSPACE = "https://" + TestCertificate.WORKSPACE_HOST;
  private static final String M2M_CLIENT = "it-proxied-client";
  private static final String M2M_SECRET = "it-proxied-client-secret";
  private static final String AZURE_SECRET = "it-proxied-azure-secret";

  private FakeGoogleOAuth google;
  private LocalWorkspace ws;
  private Tunnel front;
  private FakeEntraId entra;
  private HttpsStub idp;

  @BeforeEach
  void start() {
    google = new FakeGoogleOAuth("ya29.it-proxied-access-token");
    // one credential the workspace accepts, whichever flow obtained it
    String token = google.mintIdToken("proxied");
    ws = LocalWorkspace.builder().token(token).start();
    ws.oauthClient(M2M_CLIENT, M2M_SECRET);
    front = Tunnel.tlsFront(ws.port());
    entra = new FakeEntraId(AZURE_SECRET, token, "it-proxied-management-token");
    // the workspace's own metadata names its loopback address; this copy names the proxied host
    idp = HttpsStub.start().route("GET", "/oidc/.well-known/oauth-authorization-server", r -> HttpsStub.Answer.json(200,
        "{\"authorization_endpoint\":\"" + WORKSPACE + "/oidc/v1/authorize\",\"token_endpoint\":\"" + WORKSPACE
            + "/oidc/v1/token\"}"));
  }

  @AfterEach
  void stop() {
    idp.close();
    entra.close();
    front.close();
    ws.close();
    google.close();
  }

  private RoutingProxy proxy() {
    return new RoutingProxy().route(TestCertificate.WORKSPACE_HOST, front.port())
        .route(TestCertificate.IDP_HOST, idp.port())
        .route(TestCertificate.AZURE_LOGIN_HOST, entra.port())
        .route(TestCertificate.GOOGLE_TOKEN_HOST, google.port());
  }

  private static DatabricksConfig.Builder config(String transport, UnaryOperator<DatabricksConfig.Builder> auth) {
    return auth.apply(Clients.isolated(transport).host(WORKSPACE).retryTimeoutSeconds(10));
  }

  /** Runs a flow through a new proxy; the tunnels it asked for. */
  private static List<String> throughProxy(RoutingProxy proxy, DatabricksConfig config) {
    try (WorkspaceClient w = new WorkspaceClient(config)) {
      assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isNotBlank();
      w.clusters().list(ListClustersRequest.builder().build()).forEach(c -> { });
    }
    return proxy.tunnels();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void apiCallsAndTheTokenRequestsOfEveryFlowGoThroughTheProxy(String transport) {
    record Flow(String name, boolean optionsProxy, UnaryOperator<DatabricksConfig.Builder> auth, List<String> tunnels) {}
    String workspace = TestCertificate.WORKSPACE_HOST + ":443";
    List<Flow> flows = List.of(
        new Flow("PAT", false, b -> b.authType("pat").token(ws.token()), List.of(workspace)),
        new Flow("OAuth M2M", true, b -> b.authType("oauth-m2m").clientId(M2M_CLIENT).clientSecret(M2M_SECRET)
            .discoveryUrl("https://" + TestCertificate.IDP_HOST + "/oidc/.well-known/oauth-authorization-server"),
            List.of(TestCertificate.IDP_HOST + ":443", workspace)),
        new Flow("Azure client secret", true, b -> b.authType("azure-client-secret").cloud(Cloud.AZURE)
            .azureClientId(FakeEntraId.CLIENT_ID).azureClientSecret(AZURE_SECRET).azureTenantId(FakeEntraId.TENANT),
            List.of(TestCertificate.AZURE_LOGIN_HOST + ":443", workspace)),
        new Flow("Google credentials", false, b -> b.authType("google-credentials").cloud(Cloud.GCP)
            .googleCredentials(google.serviceAccountJson("it-proxied-key", false)),
            List.of(TestCertificate.GOOGLE_TOKEN_HOST + ":443", workspace)));
    for (Flow flow : flows) {
      Recorder recorder = Recorder.keeping();
      HttpOptions.Builder options = HttpOptions.builder().sslContext(TestCertificate.trustingClientContext())
          .retryBackoff(Clients.fastBackoff()).policy(recorder);

      // without the proxy: with a resolver that knows no name on apache (the token hosts of Azure and Google are
      // real names, which the JVM's resolver could reach); on jdk, which takes no resolver, the made-up names only
      boolean madeUpNamesOnly = flow.tunnels().stream().allMatch(t -> t.contains(".test:"));
      if (transport.equals(Clients.APACHE) || madeUpNamesOnly) {
        HttpOptions.Builder unresolved = options.build().toBuilder();
        if (transport.equals(Clients.APACHE)) {
          unresolved.nameResolver(host -> {
            throw new java.net.UnknownHostException(host);
          });
        }
        long start = System.nanoTime();
        Throwable withoutProxy = catchThrowable(() -> {
          try (WorkspaceClient w = new WorkspaceClient(config(transport, flow.auth()).httpOptions(unresolved.build())
              .build())) {
            w.currentUser().me(MeRequest.builder().build());
          }
        });
        long took = (System.nanoTime() - start) / 1_000_000;
        Report.line("proxy, " + flow.name() + ", " + transport + ", without the proxy: failed in " + took + " ms: "
            + withoutProxy);
        assertThat(withoutProxy).as(flow.name() + " without the proxy: the names resolve nowhere")
            .hasMessageContaining("cannot resolve host");
      }

      try (RoutingProxy proxy = proxy()) {
        DatabricksConfig.Builder b = config(transport, flow.auth());
        if (flow.optionsProxy()) {
          options.proxy("127.0.0.1", proxy.port());
        } else {
          b.set("proxy_host", "127.0.0.1").set("proxy_port", Integer.toString(proxy.port()));
        }
        int before = recorder.sent().size();
        List<String> tunnels = throughProxy(proxy, b.httpOptions(options.build()).build());
        List<Recorder.Sent> sent = recorder.sent().subList(before, recorder.sent().size());

        Report.line("proxy, " + flow.name() + ", " + transport + " (" + (flow.optionsProxy() ? "HttpOptions.proxy"
            : "proxy_host/proxy_port") + "): " + sent.size() + " requests through " + tunnels.size() + " tunnels to "
            + new TreeSet<>(tunnels));
        assertThat(proxy.requestLines()).as("only tunnels").allMatch(l -> l.startsWith("CONNECT "));
        assertThat(new TreeSet<>(tunnels)).as(flow.name() + ": the hosts reached through the proxy")
            .containsExactlyElementsOf(new TreeSet<>(flow.tunnels()));
        assertThat(sent).as("every request named a proxied host").isNotEmpty().allSatisfy(s -> assertThat(
            flow.tunnels().stream().anyMatch(t -> s.url().startsWith("https://" + t.substring(0, t.indexOf(':')))))
            .as(s.url()).isTrue());
      }
    }
    assertThat(entra.tokenRequests()).as("Azure's token requests arrived through the proxy").isPositive();
    assertThat(entra.server().requests()).allSatisfy(r -> assertThat(r.host()).startsWith(TestCertificate.AZURE_LOGIN_HOST));
    assertThat(google.server().requests()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.host()).startsWith(TestCertificate.GOOGLE_TOKEN_HOST));
  }
}
