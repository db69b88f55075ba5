package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.EveryKindOfRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LocalWorkspace#reset()} gives back the workspace as it started, on the same host and token. */
class ResetTest {
  @Test
  void resetGivesBackTheFreshWorkspace() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Map<String, JsonNode> fresh = ws.server().state().snapshot();
      Api api = new Api(ws);
      EveryKindOfRecord made = EveryKindOfRecord.create(api, ws.accountId());
      ws.faults().add(FaultRule.forPaths("/api/2.0/nothing").unavailable(100).build());

      ws.reset();

      assertThat(ws.server().state().snapshot()).isEqualTo(fresh);
      assertThat(ws.faults().rules()).isEmpty();
      assertThat(ws.journal()).isEmpty();
      assertThat(api.getOk("/api/2.1/clusters/list").path("clusters")).isEmpty();
      assertThat(api.get("/api/2.0/apps/" + made.appName).status()).isEqualTo(404);
      assertThat(new Api(ws.host(), made.tokenValue).get("/api/2.1/clusters/list").status())
          .as("tokens made since the start are gone").isEqualTo(403);
      assertThat(api.getOk("/api/2.1/unity-catalog/schemas/main.default").get("full_name").asText())
          .as("the seed is back").isEqualTo("main.default");
      assertThat(ws.internalErrors()).isZero();
    }
  }

  @Test
  void anUploadInProgressIsAbandoned() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Api api = new Api(ws);
      long handle = api.postOk("/api/2.0/dbfs/create", Json.object("path", "/tmp/x")).get("handle").asLong();
      ws.reset();
      assertThat(api.post("/api/2.0/dbfs/close", Json.object("handle", handle)).status()).isEqualTo(404);
      assertThat(api.get("/api/2.0/dbfs/get-status?path=/tmp/x").status()).isEqualTo(404);
    }
  }

  @Test
  void theControlEndpointResetsToo() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Api api = new Api(ws);
      api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "s"));
      new Api(ws.host(), null).postOk("/testkit/reset", "");
      assertThat(api.getOk("/api/2.0/secrets/scopes/list").path("scopes")).isEmpty();
    }
  }
}
