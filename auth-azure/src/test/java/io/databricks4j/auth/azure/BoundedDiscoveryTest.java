package io.databricks4j.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.azure.internal.AzureHttp;
import io.databricks4j.auth.testing.LocalServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenant discovery and the Resource Manager look-up give up in under 3 s when the endpoint does not
 * resolve, refuses the connection or never answers, with a message that names the endpoint and the
 * setting that avoids the request. The sender below honours the limits asked for (connect time-out,
 * and the budget as the time to an answer), as the client's does.
 */
class BoundedDiscoveryTest {
  static final String SECRET = "secret-canary-7f3a9c";
  static final Duration UNDER = Duration.ofSeconds(3);
  @RegisterExtension
  static final FakeAzure AZURE = new FakeAzure(SECRET);
  private static Silent silent;

  /** Accepts connections and never answers: a route where requests go in and nothing comes back. */
  static final class Silent implements AutoCloseable {
    final ServerSocket socket;
    final List<Socket> held = new CopyOnWriteArrayList<>();
    final Thread acceptor;

    Silent() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            held.add(socket.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @BeforeAll
  static void startSilentServer() throws IOException {
    silent = new Silent();
  }

  @AfterAll
  static void stopSilentServer() throws IOException {
    silent.close();
  }

  private static String refusing() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort(); // closed again: nothing listens there
    }
  }

  private static void assertDiscoveryFailsFast(String target) {
    AZURE.http.route(FakeAzure.WORKSPACE, target);
    long start = System.nanoTime();

    assertThatThrownBy(() -> AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE)))
        .isInstanceOf(CredentialsException.class)
        .hasMessageStartingWith("cannot discover azure_tenant_id: could not reach " + FakeAzure.WORKSPACE + "/aad/auth")
        .hasMessageEndingWith("set azure_tenant_id to skip this request");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(UNDER);
  }

  @Test
  void tenantDiscoveryGivesUpInUnderThreeSecondsWhenTheWorkspaceNeverAnswers() {
    assertDiscoveryFailsFast(silent.url());
  }

  @Test
  void tenantDiscoveryGivesUpInUnderThreeSecondsWhenTheConnectionIsRefused() throws IOException {
    assertDiscoveryFailsFast(refusing());
  }

  @Test
  void tenantDiscoveryGivesUpInUnderThreeSecondsWhenTheHostDoesNotResolve() {
    assertDiscoveryFailsFast("http://adb-1.no-such-host.invalid");
  }

  @Test
  void discoveryAsksForAConnectTimeOutAndABudgetUnderThreeSeconds() {
    AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE));

    assertThat(AZURE.http.sent()).singleElement().satisfies(s -> {
      assertThat(s.limits().connectTimeout()).isLessThan(UNDER);
      assertThat(s.limits().budget()).isLessThan(UNDER).isEqualTo(AzureHttp.DISCOVERY_BUDGET);
    });
  }

  @Test
  void theClientSecretStrategyFailsFastWhenTheWorkspaceNeverAnswers() {
    AZURE.http.route(FakeAzure.WORKSPACE, silent.url());
    long start = System.nanoTime();

    assertThatThrownBy(() -> new AzureClientSecretStrategy().configure(AZURE.config("host", FakeAzure.WORKSPACE,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET)))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(FakeAzure.WORKSPACE + "/aad/auth").hasMessageContaining("set azure_tenant_id");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(UNDER);
    assertThat(AZURE.aad.requests()).isEmpty();
  }

  @Test
  void theWorkspaceLookUpGivesUpInUnderThreeSecondsWhenResourceManagerNeverAnswers() {
    AZURE.http.route("https://management.azure.com", silent.url());
    String resourceId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
    long start = System.nanoTime();

    assertThatThrownBy(() -> AzureWorkspaceHost.resolve(AZURE.config("azure_workspace_resource_id", resourceId,
        "azure_client_id", FakeAzure.CLIENT_ID, "azure_client_secret", SECRET, "azure_tenant_id", FakeAzure.TENANT)))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("could not reach https://management.azure.com" + resourceId)
        .hasMessageContaining("set host to the workspace URL");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(UNDER);
  }

  @Test
  void aTenantFoundIsRememberedPerHost() {
    String other = "https://adb-999.9.azuredatabricks.net";
    AZURE.http.route(other, AZURE.workspace.url());

    for (int i = 0; i < 3; i++) {
      assertThat(AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE))).contains(FakeAzure.TENANT);
      assertThat(AzureTenantId.discover(AZURE.config("host", other))).contains(FakeAzure.TENANT);
    }

    assertThat(AZURE.http.requests()).extracting(r -> r.origin().orElseThrow())
        .containsExactly(FakeAzure.WORKSPACE, other);
  }

  @Test
  void aFailureIsNotRemembered() throws IOException {
    AZURE.http.route(FakeAzure.WORKSPACE, refusing());
    assertThatThrownBy(() -> AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE)))
        .isInstanceOf(CredentialsException.class);
    AZURE.http.route(FakeAzure.WORKSPACE, AZURE.workspace.url());

    assertThat(AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE))).contains(FakeAzure.TENANT);
    assertThat(AZURE.http.count()).isEqualTo(2);
  }

  @Test
  void aHostThatGivesNoTenantAwayIsAskedAgain() {
    AZURE.workspace.route("GET", "/aad/auth", r -> Reply.json(404, "{}"));

    assertThat(AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE))).isEmpty();
    assertThat(AzureTenantId.discover(AZURE.config("host", FakeAzure.WORKSPACE))).isEmpty();

    assertThat(AZURE.workspace.requests()).hasSize(2);
  }
}
