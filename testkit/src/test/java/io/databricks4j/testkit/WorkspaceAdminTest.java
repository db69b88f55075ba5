package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class WorkspaceAdminTest {
  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void globalInitScriptsKeepTheirOrder(LocalWorkspace ws) {
    Api api = new Api(ws);
    String a = api.postOk("/api/2.0/global-init-scripts", Json.object("name", "a", "script", b64("echo a"))).get("script_id").asText();
    String b = api.postOk("/api/2.0/global-init-scripts", Json.object("name", "b", "script", b64("echo b"), "position", 0,
        "enabled", true)).get("script_id").asText();
    JsonNode list = api.getOk("/api/2.0/global-init-scripts");
    assertThat(list.get("scripts").findValuesAsText("name")).containsExactly("b", "a");
    assertThat(list.get("scripts").get(0).has("script")).isFalse();
    assertThat(api.getOk("/api/2.0/global-init-scripts/" + a).get("script").asText()).isEqualTo(b64("echo a"));
    api.ok(api.patch("/api/2.0/global-init-scripts/" + a, Json.object("name", "a2", "script", b64("echo a2"), "position", 0)));
    assertThat(api.getOk("/api/2.0/global-init-scripts").get("scripts").findValuesAsText("name")).containsExactly("a2", "b");
    api.delete("/api/2.0/global-init-scripts/" + b);
    assertThat(api.get("/api/2.0/global-init-scripts/" + b).status()).isEqualTo(404);
    assertThat(api.post("/api/2.0/global-init-scripts", Json.object("name", "x")).message())
        .isEqualTo("Missing required field: script");
  }

  @Test
  void instanceProfilesAndWorkspaceConf(LocalWorkspace ws) {
    Api api = new Api(ws);
    String arn = "arn:aws:iam::123456789012:instance-profile/etl";
    api.postOk("/api/2.0/instance-profiles/add", Json.object("instance_profile_arn", arn));
    assertThat(api.post("/api/2.0/instance-profiles/add", Json.object("instance_profile_arn", arn)).status()).isEqualTo(409);
    assertThat(api.post("/api/2.0/instance-profiles/add", Json.object("instance_profile_arn", "nope")).status()).isEqualTo(400);
    api.postOk("/api/2.0/instance-profiles/edit", Json.object("instance_profile_arn", arn, "iam_role_arn", "arn:aws:iam::1:role/r"));
    assertThat(api.getOk("/api/2.0/instance-profiles/list").at("/instance_profiles/0/iam_role_arn").asText())
        .isEqualTo("arn:aws:iam::1:role/r");
    api.postOk("/api/2.0/instance-profiles/remove", Json.object("instance_profile_arn", arn));
    assertThat(api.getOk("/api/2.0/instance-profiles/list").get("instance_profiles")).isEmpty();

    api.ok(api.patch("/api/2.0/workspace-conf", Json.object("enableTokensConfig", "true")));
    JsonNode conf = api.getOk("/api/2.0/workspace-conf?keys=enableTokensConfig,maxTokenLifetimeDays");
    assertThat(conf.get("enableTokensConfig").asText()).isEqualTo("true");
    assertThat(conf.get("maxTokenLifetimeDays").isNull()).isTrue();
  }
}
