package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.account.AccountClient;
import io.databricks4j.service.iam.MeRequest;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.EmulatorHost;
import io.databricks4j.testkit.junit.EmulatorToken;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalWorkspaceExtensionTest {
  private static LocalWorkspace first;

  LocalWorkspaceExtensionTest(LocalWorkspace constructorInjected) {
    assertThat(constructorInjected).isNotNull();
  }

  @Test
  @Order(1)
  void injectsAStartedWorkspace(LocalWorkspace ws) {
    first = ws;
    assertThat(ws.host()).startsWith("http://127.0.0.1:");
    assertThat(new Api(ws).get("/api/2.0/preview/scim/v2/Me").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void keepsOneWorkspacePerTestClass(LocalWorkspace ws) {
    assertThat(ws).isSameAs(first);
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterClassWorkspace(LocalWorkspace ws) {
      assertThat(ws.host()).isEqualTo(first == null ? ws.host() : first.host());
    }
  }

  @Test
  @Order(3)
  void emulatorPrintsHowToReachIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Emulator emulator = Emulator.start(new PrintStream(out, true, StandardCharsets.UTF_8), "--port", "0",
        "--token", "dapi-emulator", "--page-size", "5", "--cluster-start-delay", "10")) {
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains(emulator.host(), "dapi-emulator", emulator.accountId());
      assertThat(new Api(emulator.host(), emulator.token()).get("/api/2.1/clusters/list").status()).isEqualTo(200);
    }
  }

  @Test
  @Order(5)
  void aMethodMakesRecords(LocalWorkspace ws) {
    new Api(ws).postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "left-behind"));
    ws.faults().add(FaultRule.forAllPaths().unavailable(100).build());
  }

  @Test
  @Order(6)
  void theNextMethodStartsFromTheFreshWorkspace(LocalWorkspace ws) {
    assertThat(ws).isSameAs(first);
    assertThat(ws.faults().rules()).isEmpty();
    assertThat(new Api(ws).getOk("/api/2.0/secrets/scopes/list").path("scopes")).isEmpty();
  }

  @Test
  @Order(7)
  void injectsClientsHostAndToken(LocalWorkspace ws, WorkspaceClient w, AccountClient a, @EmulatorHost String host,
      @EmulatorToken String token) {
    assertThat(host).isEqualTo(ws.host());
    assertThat(token).isEqualTo(ws.token());
    assertThat(w.currentUser().me(MeRequest.builder().build()).userName()).isEqualTo(ws.userName());
    assertThat(a.workspaces().list()).isEmpty();
  }

  @Test
  @Order(4)
  void emulatorRefusesUnknownOptions() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Emulator.start(System.out, "--nope", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Emulator.start(System.out, "--port"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
