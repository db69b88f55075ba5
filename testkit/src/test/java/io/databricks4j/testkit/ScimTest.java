package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class ScimTest {
  private static final String W = "/api/2.0/preview/scim/v2";
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void client(LocalWorkspace ws) {
    this.ws = ws;
    api = new Api(ws);
  }

  private String createUser(String base, String name) {
    Api.Response r = api.post(base + "/Users", Json.object("userName", name, "displayName", name.split("@")[0]));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().get("id").asText();
  }

  @Test
  void meIsTheTokensUser() {
    JsonNode me = api.getOk(W + "/Me");
    assertThat(me.get("userName").asText()).isEqualTo(ws.userName());
    assertThat(me.get("groups").findValuesAsText("display")).contains("admins");
    assertThat(me.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
  }

  @Test
  void usersAreFilteredAndPagedWithStartIndexAndCount() {
    for (int i = 0; i < 5; i++) {
      createUser(W, "person" + i + "@corp.example");
    }
    Api.Response dup = api.post(W + "/Users", Json.object("userName", "PERSON0@corp.example"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().get("detail").asText()).contains("already exists");
    assertThat(dup.json().get("status").asText()).isEqualTo("409");

    String filter = Api.query(W + "/Users", "filter", "userName co \"@corp.example\" and active eq true",
        "sortBy", "userName", "count", 2);
    List<String> names = new ArrayList<>();
    long start = 1;
    int pages = 0;
    while (pages++ < 10) {
      JsonNode page = api.getOk(filter + "&startIndex=" + start);
      assertThat(page.get("totalResults").asInt()).isEqualTo(5);
      if (!page.has("Resources")) {
        break;
      }
      page.get("Resources").forEach(u -> names.add(u.get("userName").asText()));
      start += page.get("itemsPerPage").asInt();
    }
    assertThat(names).containsExactly("person0@corp.example", "person1@corp.example", "person2@corp.example",
        "person3@corp.example", "person4@corp.example");
    JsonNode exact = api.getOk(Api.query(W + "/Users", "filter", "userName eq \"person3@corp.example\"",
        "attributes", "userName"));
    assertThat(exact.get("totalResults").asInt()).isEqualTo(1);
    assertThat(exact.at("/Resources/0").has("displayName")).isFalse();
    assertThat(api.get(Api.query(W + "/Users", "filter", "userName eq")).status()).isEqualTo(400);
  }

  @Test
  void groupsTrackMembershipThroughPatch() {
    String alice = createUser(W, "alice@example.com");
    String bob = createUser(W, "bob@example.com");
    Api.Response created = api.post(W + "/Groups", Json.object("displayName", "analysts",
        "members", Json.array(List.of(Json.object("value", alice)))));
    assertThat(created.status()).isEqualTo(201);
    String group = created.json().get("id").asText();
    api.ok(api.patch(W + "/Groups/" + group, Json.object("schemas",
        Json.strings(List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp")), "Operations", Json.array(List.of(
            Json.object("op", "add", "path", "members", "value", Json.array(List.of(Json.object("value", bob)))),
            Json.object("op", "remove", "path", "members[value eq \"" + alice + "\"]"))))));
    JsonNode g = api.getOk(W + "/Groups/" + group);
    assertThat(g.get("members").findValuesAsText("value")).containsExactly(bob);
    assertThat(g.get("members").get(0).get("display").asText()).isEqualTo("bob");
    assertThat(api.getOk(W + "/Users/" + bob).get("groups").findValuesAsText("display")).contains("analysts");
    assertThat(api.getOk(W + "/Users/" + alice).has("groups")).isFalse();

    api.ok(api.patch(W + "/Users/" + alice, Json.object("Operations", Json.array(List.of(
        Json.object("op", "replace", "value", Json.object("active", false)),
        Json.object("op", "add", "path", "groups", "value", Json.array(List.of(Json.object("value", group)))))))));
    JsonNode a = api.getOk(W + "/Users/" + alice);
    assertThat(a.get("active").asBoolean()).isFalse();
    assertThat(api.getOk(W + "/Groups/" + group).get("members")).hasSize(2);

    assertThat(api.delete(W + "/Users/" + bob).status()).isEqualTo(204);
    assertThat(api.getOk(W + "/Groups/" + group).get("members").findValuesAsText("value")).containsExactly(alice);
    Api.Response gone = api.get(W + "/Users/" + bob);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    assertThat(api.patch(W + "/Groups/" + group, Json.object()).status()).isEqualTo(400);
  }

  @Test
  void servicePrincipalsGetAnApplicationIdAndCanBeReplaced() {
    Api.Response created = api.post(W + "/ServicePrincipals", Json.object("displayName", "etl-bot"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String app = created.json().get("applicationId").asText();
    assertThat(app).hasSize(36);
    JsonNode replaced = api.ok(api.put(W + "/ServicePrincipals/" + id, Json.object("displayName", "etl-bot-2",
        "active", false)));
    assertThat(replaced.get("applicationId").asText()).isEqualTo(app);
    JsonNode found = api.getOk(Api.query(W + "/ServicePrincipals", "filter", "applicationId eq \"" + app + "\""));
    assertThat(found.at("/Resources/0/displayName").asText()).isEqualTo("etl-bot-2");
  }

  @Test
  void theAccountHasItsOwnDirectory() {
    String base = "/api/2.0/accounts/" + ws.accountId() + "/scim/v2";
    String id = createUser(base, "account-only@example.com");
    assertThat(api.getOk(base + "/Users/" + id).get("userName").asText()).isEqualTo("account-only@example.com");
    assertThat(api.get(W + "/Users/" + id).status()).isEqualTo(404);
    assertThat(api.getOk(base + "/Groups").get("totalResults").asInt()).isEqualTo(1);
    Api.Response other = api.get("/api/2.0/accounts/someone-else/scim/v2/Users");
    assertThat(other.status()).isEqualTo(403);
  }
}
