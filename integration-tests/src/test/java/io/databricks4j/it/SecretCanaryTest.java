package io.databricks4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.Cloud;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.it.support.Canary;
import io.databricks4j.it.support.Clients;
import io.databricks4j.it.support.FakeEntraId;
import io.databricks4j.it.support.FakeGoogleOAuth;
import io.databricks4j.it.support.LocalRoutes;
import io.databricks4j.it.support.Recorder;
import io.databricks4j.it.support.Report;
import io.databricks4j.it.support.TestCertificate;
import io.databricks4j.service.compute.CreateCluster;
import io.databricks4j.service.compute.ListClustersRequest;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.GetSecretResponse;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.testkit.LocalWorkspace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * No secret in any log, {@code toString} or exception: every flow runs with SLF4J at TRACE for
 * every logger (Apache HttpClient's {@code headers} and {@code wire} loggers included), all of
 * java.util.logging and System.Logger at ALL, standard output and error captured, the pipeline's
 * header and body logging on, and a failing variant of each flow. Each secret carries "CANARY" and
 * a random part; tokens issued by servers are added as they are sent.
 */
class SecretCanaryTest {
  private static final String JDK_NO_RESOLVER = "the jdk transport cannot use a custom NameResolver, which is what routes "
      + "the token host to a local server here; ProxyTest covers this flow on the jdk transport through a proxy";

  private static String canary(String what) {
    return "CANARY-" + what + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Debug logging of headers and whole bodies on, and the recorder. */
  private static DatabricksConfig.Builder verbose(DatabricksConfig.Builder b, HttpOptions.Builder options,
      Recorder recorder) {
    return b.debugHeaders(true).debugTruncateBytes(1_000_000).httpOptions(options.policy(recorder).build());
  }

  /** Calls that send the credential: the caller, the clusters, a create and a failing get. */
  private static void someCalls(WorkspaceClient w, Canary canary, String flow) {
    assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isNotBlank();
    w.clusters().create(CreateCluster.builder().clusterName(flow).sparkVersion("15.4.x-scala2.12").numWorkers(0L).build());
    w.clusters().list(ListClustersRequest.builder().build()).forEach(c -> canary.text(flow + " cluster", c.toString()));
    canary.exception(flow + " missing cluster", catchThrowable(() -> w.clusters().get("0000-000000-missing")));
    canary.text(flow + " client", w.toString()).text(flow + " config", w.config().toString())
        .text(flow + " config described", w.config().describe()).text(flow + " options", w.config().httpOptions().toString())
        .text(flow + " api client", w.apiClient().toString())
        .text(flow + " strategy", w.config().credentialsStrategy().map(Object::toString).orElse("none"));
  }

  /** The failure of a client that cannot authenticate, whether building it or its first call fails. */
  private static Throwable rejected(java.util.function.Supplier<WorkspaceClient> client) {
    return catchThrowable(() -> {
      try (WorkspaceClient w = client.get()) {
        w.currentUser().me(MeRequest.builder().build());
      }
    });
  }

  private static void report(String flow, String transport, Canary canary, Recorder recorder) {
    recorder.credentialValues().forEach(v -> canary.secret("a credential " + flow + " sent", v));
    assertThat(canary.uncapturedChannels()).as("channels the canary could not read back").isEmpty();
    assertThat(canary.slf4j()).as("the pipeline logged the exchanges, headers included").contains("io.databricks4j")
        .containsIgnoringCase("authorization");
    assertThat(canary.jul()).as("no request went out through HttpURLConnection, which logs headers at FINE")
        .noneMatch(l -> l.startsWith("sun.net.www.protocol.http.HttpURLConnection"));
    Report.line("secret canary, " + flow + ", " + transport + ": " + canary.findings().size() + " secrets found in "
        + canary.volume() + "; Apache headers/wire lines: " + canary.slf4j().lines().filter(l ->
        l.contains("org.apache.hc.client5.http.headers") || l.contains("org.apache.hc.client5.http.wire")).count());
    assertThat(canary.findings()).as("secrets printed").isEmpty();
  }

  @Test
  void theCanaryFindsASecretPrintedOnAnyChannel() {
    String secret = canary("printed-on-purpose");
    List<String> findings;
    try (Canary canary = Canary.start()) {
      canary.secret("the planted secret", secret);
      LoggerFactory.getLogger("org.apache.hc.client5.http.wire").trace("http-outgoing-0 >> \"Authorization: Bearer {}\"",
          secret);
      java.util.logging.Logger.getLogger("it.canary.jul").fine("token=" + secret);
      System.getLogger("it.canary.system").log(System.Logger.Level.DEBUG, "token=" + secret);
      System.err.println("token=" + secret);
      canary.exception("a thrown exception", new IllegalStateException("wrapped",
          new IllegalArgumentException("token=" + secret)));
      canary.text("a toString", "Config{token=" + secret + "}");
      findings = canary.findings();
    }
    assertThat(findings).hasSize(6).allSatisfy(f -> assertThat(f).contains("<the planted secret>").doesNotContain(secret));
    assertThat(findings).anyMatch(f -> f.startsWith("SLF4J")).anyMatch(f -> f.startsWith("stdout/stderr"))
        .anyMatch(f -> f.startsWith("a thrown exception")).anyMatch(f -> f.startsWith("a toString"))
        .filteredOn(f -> f.startsWith("java.util.logging")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void aPersonalAccessTokenFlowPrintsNoSecret(String transport) {
    String pat = "dapi" + canary("pat");
    String wrong = "dapi" + canary("wrong-pat");
    try (LocalWorkspace ws = LocalWorkspace.builder().token(pat).start(); Canary canary = Canary.start()) {
      canary.secret("the PAT", pat).secret("a rejected PAT", wrong);
      Recorder recorder = Recorder.keeping();
      try (WorkspaceClient w = new WorkspaceClient(verbose(Clients.isolated(transport).host(ws.host()).token(pat)
          .authType("pat"), HttpOptions.builder(), recorder).build())) {
        someCalls(w, canary, "PAT");
      }
      canary.exception("rejected PAT", rejected(() -> new WorkspaceClient(verbose(Clients.isolated(transport)
          .host(ws.host()).token(wrong).authType("pat"), HttpOptions.builder(), recorder).build())));
      report("PAT", transport, canary, recorder);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void anOAuthMachineToMachineFlowPrintsNoSecret(String transport) {
    String secret = canary("m2m-secret");
    String wrong = canary("wrong-m2m-secret");
    try (LocalWorkspace ws = LocalWorkspace.start(); Canary canary = Canary.start()) {
      canary.secret("the M2M client secret", secret).secret("a rejected M2M client secret", wrong)
          .secret("the workspace PAT", ws.token());
      ws.oauthClient("it-m2m-client", secret);
      Recorder recorder = Recorder.keeping();
      try (WorkspaceClient w = new WorkspaceClient(verbose(Clients.isolated(transport).host(ws.host())
          .clientId("it-m2m-client").clientSecret(secret).authType("oauth-m2m"), HttpOptions.builder(), recorder).build())) {
        someCalls(w, canary, "M2M");
      }
      canary.exception("rejected M2M secret", rejected(() -> new WorkspaceClient(verbose(Clients.isolated(transport)
          .host(ws.host()).clientId("it-m2m-client").clientSecret(wrong).authType("oauth-m2m"), HttpOptions.builder(),
          recorder).build())));
      assertThat(recorder.sent()).as("tokens came from the workspace's token endpoint")
          .anySatisfy(s -> assertThat(s.url()).endsWith("/oidc/v1/token"));
      report("OAuth M2M", transport, canary, recorder);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void anAzureClientSecretFlowPrintsNoSecret(String transport) {
    assumeTrue(transport.equals(Clients.APACHE), JDK_NO_RESOLVER);
    String secret = canary("azure-secret");
    String wrong = canary("wrong-azure-secret");
    String databricksToken = canary("aad-databricks-token");
    String managementToken = canary("aad-management-token");
    try (FakeEntraId entra = new FakeEntraId(secret, databricksToken, managementToken);
         LocalWorkspace ws = LocalWorkspace.builder().token(databricksToken).start(); Canary canary = Canary.start()) {
      canary.secret("the Azure client secret", secret).secret("a rejected Azure client secret", wrong)
          .secret("the Entra ID token for Databricks", databricksToken)
          .secret("the Entra ID token for service management", managementToken);
      LocalRoutes routes = new LocalRoutes().route(TestCertificate.AZURE_LOGIN_HOST, entra.port());
      Recorder recorder = Recorder.keeping();
      java.util.function.Function<String, WorkspaceClient> client = clientSecret -> new WorkspaceClient(verbose(
          Clients.isolated(transport).host(ws.host()).cloud(Cloud.AZURE).azureClientId(FakeEntraId.CLIENT_ID)
              .azureClientSecret(clientSecret).azureTenantId(FakeEntraId.TENANT).authType("azure-client-secret"),
          HttpOptions.builder().nameResolver(routes).sslContext(TestCertificate.trustingClientContext()).policy(routes),
          recorder).build());
      try (WorkspaceClient w = client.apply(secret)) {
        someCalls(w, canary, "Azure");
      }
      canary.exception("rejected Azure secret", rejected(() -> client.apply(wrong)));
      assertThat(entra.tokenRequests()).as("the token requests reached the local Entra ID").isGreaterThanOrEqualTo(3);
      assertThat(canary.slf4j()).as("azure-identity and MSAL logged at TRACE")
          .contains("com.azure.identity").contains("com.microsoft.aad.msal4j");
      report("Azure client secret", transport, canary, recorder);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void aGoogleCredentialsFlowPrintsNoSecret(String transport) {
    assumeTrue(transport.equals(Clients.APACHE), JDK_NO_RESOLVER);
    String accessToken = "ya29." + canary("google-access-token");
    String keyId = canary("google-key-id");
    try (FakeGoogleOAuth oauth = new FakeGoogleOAuth(accessToken)) {
      String idToken = oauth.mintIdToken(canary("google-id-token"));
      try (LocalWorkspace ws = LocalWorkspace.builder().token(idToken).start(); Canary canary = Canary.start()) {
        String key = oauth.serviceAccountJson(keyId, false);
        String forged = oauth.serviceAccountJson(canary("forged-key-id"), true);
        canary.secret("the Google ID token", idToken).secret("the Google access token", accessToken)
            .secret("the service account key id", keyId);
        FakeGoogleOAuth.keyMaterial(key).forEach(k -> canary.secret("the service account private key", k));
        FakeGoogleOAuth.keyMaterial(forged).forEach(k -> canary.secret("a rejected private key", k));
        LocalRoutes routes = new LocalRoutes().route(TestCertificate.GOOGLE_TOKEN_HOST, oauth.port());
        Recorder recorder = Recorder.keeping();
        java.util.function.Function<String, WorkspaceClient> client = credentials -> new WorkspaceClient(verbose(
            Clients.isolated(transport).host(ws.host()).cloud(Cloud.GCP).googleCredentials(credentials)
                .authType("google-credentials"),
            HttpOptions.builder().nameResolver(routes).sslContext(TestCertificate.trustingClientContext()).policy(routes),
            recorder).build());
        try (WorkspaceClient w = client.apply(key)) {
          someCalls(w, canary, "Google");
        }
        canary.exception("rejected Google key", rejected(() -> client.apply(forged)));
        assertThat(oauth.audiences()).as("an ID token for the workspace was asked for").contains(ws.host());
        assertThat(oauth.server().requests()).as("the token requests reached the local Google endpoint").hasSize(2);
        long googleHttpLines = canary.jul().stream().filter(l -> l.startsWith("com.google.api.client.http")).count();
        Report.line("secret canary, Google: google-http-client wrote " + googleHttpLines
            + " java.util.logging records at ALL (the Google Auth Library turns its logging off per request)");
        report("Google credentials", transport, canary, recorder);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Clients.APACHE, Clients.JDK})
  void theSecretsApiPrintsNoSecretValue(String transport) {
    String value = canary("secret-value");
    String bytes = canary("secret-bytes");
    String encoded = Base64.getEncoder().encodeToString(bytes.getBytes(StandardCharsets.UTF_8));
    try (LocalWorkspace ws = LocalWorkspace.start(); Canary canary = Canary.start()) {
      canary.secret("a secret value", value).secret("a secret value in base64",
              Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
          .secret("a bytes secret", bytes).secret("a bytes secret in base64", encoded)
          .secret("the workspace PAT", ws.token());
      Recorder recorder = Recorder.keeping();
      try (WorkspaceClient w = new WorkspaceClient(verbose(ws.configBuilder().set("http_transport", transport),
          HttpOptions.builder(), recorder).build())) {
        w.secrets().createScope(CreateScope.builder().scope("it").build());
        w.secrets().putSecret(PutSecret.builder().scope("it").key("text").stringValue(value).build());
        w.secrets().putSecret(PutSecret.builder().scope("it").key("bytes").bytesValue(encoded).build());
        GetSecretResponse text = w.secrets().getSecret("it", "text");
        GetSecretResponse raw = w.secrets().getSecret("it", "bytes");
        assertThat(new String(Base64.getDecoder().decode(text.value()), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(raw.value()).isEqualTo(encoded);
        canary.text("secret toString", text.toString()).text("bytes secret toString", raw.toString());
        canary.exception("put into a missing scope", catchThrowable(() -> w.secrets().putSecret(PutSecret.builder()
            .scope("missing").key("k").stringValue(value).build())));
      }
      report("secrets API", transport, canary, recorder);
    }
  }
}
