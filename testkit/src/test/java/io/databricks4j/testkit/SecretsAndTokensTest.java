package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsAndTokensTest {
  private MutableClock clock;
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().clock(clock).start();
    api = new Api(ws);
  }

  @AfterEach
  void stop() {
    assertThat(ws.internalErrors()).isZero();
    ws.close();
  }

  @Test
  void scopesSecretsAndAcls() {
    api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "app", "initial_manage_principal", "users"));
    Api.Response dup = api.post("/api/2.0/secrets/scopes/create", Json.object("scope", "app"));
    assertThat(dup.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    assertThat(api.post("/api/2.0/secrets/scopes/create", Json.object("scope", "bad name!")).status()).isEqualTo(400);
    assertThat(api.getOk("/api/2.0/secrets/scopes/list").get("scopes").findValuesAsText("name")).containsExactly("app");

    api.postOk("/api/2.0/secrets/put", Json.object("scope", "app", "key", "password", "string_value", "s3cr3t"));
    api.postOk("/api/2.0/secrets/put", Json.object("scope", "app", "key", "blob",
        "bytes_value", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
    assertThat(api.post("/api/2.0/secrets/put", Json.object("scope", "app", "key", "both", "string_value", "a",
        "bytes_value", "AQ==")).status()).isEqualTo(400);
    JsonNode secret = api.getOk("/api/2.0/secrets/get?scope=app&key=password");
    assertThat(new String(Base64.getDecoder().decode(secret.get("value").asText()), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
    assertThat(api.getOk("/api/2.0/secrets/list?scope=app").get("secrets").findValuesAsText("key"))
        .containsExactly("blob", "password");

    api.postOk("/api/2.0/secrets/acls/put", Json.object("scope", "app", "principal", "data-team", "permission", "READ"));
    assertThat(api.post("/api/2.0/secrets/acls/put", Json.object("scope", "app", "principal", "x", "permission", "OWN"))
        .status()).isEqualTo(400);
    assertThat(api.getOk("/api/2.0/secrets/acls/get?scope=app&principal=data-team").get("permission").asText()).isEqualTo("READ");
    assertThat(api.getOk("/api/2.0/secrets/acls/list?scope=app").get("items").findValuesAsText("principal"))
        .contains("data-team", "users", ws.userName());
    api.postOk("/api/2.0/secrets/acls/delete", Json.object("scope", "app", "principal", "data-team"));
    assertThat(api.get("/api/2.0/secrets/acls/get?scope=app&principal=data-team").status()).isEqualTo(404);

    api.postOk("/api/2.0/secrets/delete", Json.object("scope", "app", "key", "password"));
    assertThat(api.get("/api/2.0/secrets/get?scope=app&key=password").status()).isEqualTo(404);
    api.postOk("/api/2.0/secrets/scopes/delete", Json.object("scope", "app"));
    Api.Response gone = api.get("/api/2.0/secrets/list?scope=app");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    assertThat(api.get("/api/2.0/secrets/get?scope=app").message()).isEqualTo("Missing required field: key");
  }

  @Test
  void createdTokensAuthenticateUntilDeletedOrExpired() {
    JsonNode created = api.postOk("/api/2.0/token/create", Json.object("comment", "ci", "lifetime_seconds", 3600));
    String value = created.get("token_value").asText();
    String id = created.at("/token_info/token_id").asText();
    assertThat(value).startsWith("dapi");
    Api withNew = new Api(ws.host(), value);
    assertThat(withNew.get("/api/2.0/preview/scim/v2/Me").status()).isEqualTo(200);
    assertThat(api.getOk("/api/2.0/token/list").get("token_infos").findValuesAsText("comment")).containsExactly("ci");
    JsonNode updated = api.ok(api.patch("/api/2.0/token/" + id, Json.object("token", Json.object("comment", "ci2"),
        "update_mask", "comment")));
    assertThat(updated.get("comment").asText()).isEqualTo("ci2");
    assertThat(api.getOk("/api/2.0/token-management/tokens/" + id).at("/token_info/created_by_username").asText())
        .isEqualTo(ws.userName());

    clock.advance(Duration.ofHours(2));
    assertThat(withNew.get("/api/2.0/preview/scim/v2/Me").status()).isEqualTo(403);

    JsonNode forever = api.postOk("/api/2.0/token/create", Json.object());
    Api withForever = new Api(ws.host(), forever.get("token_value").asText());
    assertThat(withForever.get("/api/2.0/token/list").status()).isEqualTo(200);
    api.postOk("/api/2.0/token/delete", Json.object("token_id", forever.at("/token_info/token_id").asText()));
    Api.Response revoked = withForever.get("/api/2.0/token/list");
    assertThat(revoked.status()).isEqualTo(403);
    assertThat(revoked.message()).isEqualTo("Invalid access token.");
    assertThat(api.post("/api/2.0/token/delete", Json.object("token_id", "nope")).status()).isEqualTo(404);
    assertThat(api.getOk("/api/2.0/token-management/tokens").get("token_infos")).hasSize(1);
  }
}
