package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class ErrorsTest {
  @Test
  void aMissingCredentialIsUnauthenticatedAndAnUnknownTokenForbidden(LocalWorkspace ws) {
    Api.Response none = new Api(ws.host(), null).get("/api/2.1/clusters/list");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("UNAUTHENTICATED");
    Api.Response wrong = new Api(ws.host(), "dapi-wrong").get("/api/2.1/clusters/list");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().get("error_code").isNumber()).isTrue();
    assertThat(wrong.errorCode()).isEqualTo("403");
    assertThat(wrong.message()).isEqualTo("Invalid access token.");
    Api.Response basic = new Api(ws.host(), null).send("GET", "/api/2.1/clusters/list", null,
        Map.of("Authorization", "Basic dXNlcjpwYXNz"));
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void malformedJsonIsMalformedRequest(LocalWorkspace ws) {
    Api api = new Api(ws);
    for (String body : new String[] {"{", "[1,2]", "\"text\"", "{\"a\":1} trailing", "{\"a\":}"}) {
      Api.Response r = api.post("/api/2.0/secrets/scopes/create", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.errorCode()).as(body).isEqualTo("MALFORMED_REQUEST");
    }
  }

  @Test
  void requiredFieldsOfTheDescriptionAreNamed(LocalWorkspace ws) {
    Api api = new Api(ws);
    Api.Response r = api.post("/api/2.0/secrets/acls/put", "{\"scope\":\"s\",\"principal\":\"p\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(r.message()).isEqualTo("Missing required field: permission");
    assertThat(api.post("/api/2.2/jobs/delete", "{}").message()).isEqualTo("Missing required field: job_id");
    assertThat(api.post("/api/2.0/dbfs/close", "{}").message()).isEqualTo("Missing required field: handle");
  }

  @Test
  void scimErrorsAlsoCarryScimFields(LocalWorkspace ws) {
    Api.Response r = new Api(ws).get("/api/2.0/preview/scim/v2/Groups/123");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(r.json().get("status").asText()).isEqualTo("404");
    assertThat(r.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }
}
