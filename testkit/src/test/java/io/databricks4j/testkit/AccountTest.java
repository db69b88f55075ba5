package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final Duration DELAY = Duration.ofSeconds(5);
  private MutableClock clock;
  private LocalWorkspace ws;
  private Api api;
  private String base;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().accountId("acct-1").clusterStartDelay(DELAY).clock(clock).start();
    api = new Api(ws);
    base = "/api/2.0/accounts/acct-1";
  }

  @AfterEach
  void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  @Test
  void workspacesAreProvisionedThenRunning() {
    JsonNode created = api.postOk(base + "/workspaces", Json.object("workspace_name", "Analytics", "aws_region", "us-west-2"));
    long id = created.get("workspace_id").asLong();
    assertThat(created.get("workspace_status").asText()).isEqualTo("PROVISIONING");
    assertThat(created.get("account_id").asText()).isEqualTo("acct-1");
    clock.advance(DELAY);
    assertThat(api.getOk(base + "/workspaces/" + id).get("workspace_status").asText()).isEqualTo("RUNNING");

    long failing = api.postOk(base + "/workspaces", Json.object("workspace_name", "fail-ws")).get("workspace_id").asLong();
    clock.advance(DELAY);
    assertThat(api.getOk(base + "/workspaces/" + failing).get("workspace_status").asText()).isEqualTo("FAILED");

    JsonNode list = api.getOk(base + "/workspaces");
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    JsonNode updated = api.ok(api.patch(base + "/workspaces/" + id + "?update_mask=workspace_name",
        Json.object("workspace_name", "Analytics2", "aws_region", "eu-west-1")));
    assertThat(updated.get("workspace_name").asText()).isEqualTo("Analytics2");
    assertThat(updated.get("aws_region").asText()).isEqualTo("us-west-2");
    assertThat(api.post(base + "/workspaces", Json.object("workspace_name", "analytics2")).status()).isEqualTo(409);
    assertThat(api.delete(base + "/workspaces/" + id).status()).isEqualTo(200);
    Api.Response gone = api.get(base + "/workspaces/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void accountIdentitiesAreServed() {
    Api.Response group = api.post(base + "/scim/v2/Groups", Json.object("displayName", "account-admins-2"));
    assertThat(group.status()).isEqualTo(201);
    Api.Response sp = api.post(base + "/scim/v2/ServicePrincipals", Json.object("displayName", "deployer"));
    assertThat(sp.status()).isEqualTo(201);
    assertThat(api.getOk(base + "/scim/v2/ServicePrincipals").get("totalResults").asInt()).isEqualTo(1);
    assertThat(api.get("/api/2.0/accounts/other/workspaces").status()).isEqualTo(403);
  }
}
