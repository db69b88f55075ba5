package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.support.Api;
import io.databricks4j.testkit.support.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted scenarios over raw HTTP in which the emulator answers as the service does: status,
 * error_code and the shape of the body, for what clients in the field rely on.
 */
class FidelityTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Duration DELAY = Duration.ofSeconds(5);

  private MutableClock clock;
  private LocalWorkspace ws;
  private Api api;
  private String account;

  @BeforeEach
  void start() {
    clock = MutableClock.atFixedStart();
    ws = LocalWorkspace.builder().clock(clock).clusterStartDelay(DELAY).runDuration(DELAY).pageSize(50).start();
    api = new Api(ws);
    account = "/api/2.0/accounts/" + ws.accountId();
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  @Test
  void anUnknownTokenIsForbiddenWithANumericErrorCodeAndAMissingOneUnauthenticated() {
    Api.Response wrong = new Api(ws.host(), "dapi-not-a-token").get("/api/2.1/clusters/list");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().get("error_code").isInt()).isTrue();
    assertThat(wrong.json().get("error_code").asInt()).isEqualTo(403);
    assertThat(wrong.message()).isEqualTo("Invalid access token.");
    assertThat(wrong.header("X-Databricks-Reason-Phrase")).isEqualTo("Invalid access token.");
    Api.Response none = new Api(ws.host(), null).get("/api/2.1/clusters/list");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void startingARunningClusterIsAnInvalidState() {
    String id = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "c", "spark_version",
        "15.4.x-scala2.12", "num_workers", 0)).get("cluster_id").asText();
    clock.advance(DELAY);
    assertThat(api.getOk("/api/2.1/clusters/get?cluster_id=" + id).get("state").asText()).isEqualTo("RUNNING");
    Api.Response start = api.post("/api/2.1/clusters/start", Json.object("cluster_id", id));
    assertThat(start.status()).isEqualTo(400);
    assertThat(start.errorCode()).isEqualTo("INVALID_STATE");
    assertThat(start.message()).isEqualTo("Cluster " + id + " is in unexpected state Running.");
  }

  @Test
  void theFilesApiServesExistingVolumesOfTheSeededMainCatalog() {
    assertThat(api.getOk("/api/2.1/unity-catalog/catalogs/main").get("name").asText()).isEqualTo("main");
    assertThat(api.getOk("/api/2.1/unity-catalog/schemas/main.default").get("full_name").asText())
        .isEqualTo("main.default");
    byte[] data = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    Api.Response outside = api.send("PUT", "/api/2.0/fs/files/tmp/data.csv", data, Map.of());
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    Api.Response noVolume = api.send("PUT", "/api/2.0/fs/files/Volumes/main/default/landing/data.csv", data, Map.of());
    assertThat(noVolume.status()).isEqualTo(404);
    assertThat(noVolume.errorCode()).isEqualTo("NOT_FOUND");
    api.postOk("/api/2.1/unity-catalog/volumes", Json.object("catalog_name", "main", "schema_name", "default",
        "name", "landing", "volume_type", "MANAGED"));
    assertThat(api.send("PUT", "/api/2.0/fs/files/Volumes/main/default/landing/data.csv", data, Map.of()).status())
        .isEqualTo(204);
    assertThat(api.get("/api/2.0/fs/files/Volumes/main/default/landing/data.csv").body()).isEqualTo(data);
  }

  @Test
  void jobsAnswerAtApi21UnpagedAndAt22InPagesOf100Tasks() {
    ArrayNode tasks = Json.array();
    for (int i = 0; i < 150; i++) {
      tasks.add(Json.object("task_key", "t" + i, "notebook_task", Json.object("notebook_path", "/n")));
    }
    long id = api.postOk("/api/2.2/jobs/create", Json.object("name", "wide", "tasks", tasks)).get("job_id").asLong();
    JsonNode v21 = api.getOk("/api/2.1/jobs/get?job_id=" + id);
    assertThat(v21.at("/settings/tasks")).hasSize(150);
    assertThat(v21.has("next_page_token")).isFalse();
    JsonNode first = api.getOk("/api/2.2/jobs/get?job_id=" + id);
    assertThat(first.at("/settings/tasks")).hasSize(100);
    assertThat(first.get("has_more").asBoolean()).isTrue();
    JsonNode second = api.getOk("/api/2.2/jobs/get?job_id=" + id + "&page_token="
        + URLEncoder.encode(first.get("next_page_token").asText(), StandardCharsets.UTF_8));
    assertThat(second.at("/settings/tasks")).hasSize(50);
    assertThat(second.at("/settings/tasks/0/task_key").asText()).isEqualTo("t100");
    assertThat(second.has("next_page_token")).isFalse();
    assertThat(api.getOk("/api/2.1/jobs/list").get("jobs")).hasSize(1);
  }

  @Test
  void jobsAnswerAtApi20WithTheSingleTaskFieldsLegacyClientsRead() {
    String cluster = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "c", "spark_version",
        "15.4.x-scala2.12", "num_workers", 0)).get("cluster_id").asText();
    long id = api.postOk("/api/2.2/jobs/create", Json.object("name", "nightly", "tasks", Json.array(List.of(
        Json.object("task_key", "main", "existing_cluster_id", cluster,
            "notebook_task", Json.object("notebook_path", "/Users/me/etl")))))).get("job_id").asLong();
    JsonNode job = api.getOk("/api/2.0/jobs/get?job_id=" + id);
    assertThat(job.at("/settings/notebook_task/notebook_path").asText()).isEqualTo("/Users/me/etl");
    assertThat(job.at("/settings/existing_cluster_id").asText()).isEqualTo(cluster);
    assertThat(job.at("/settings/format").asText()).isEqualTo("SINGLE_TASK");
    JsonNode listed = api.getOk("/api/2.0/jobs/list").at("/jobs/0/settings");
    assertThat(listed.at("/notebook_task/notebook_path").asText()).isEqualTo("/Users/me/etl");
    assertThat(listed.has("tasks")).isFalse();

    JsonNode run = api.postOk("/api/2.0/jobs/run-now", Json.object("job_id", id));
    long runId = run.get("run_id").asLong();
    assertThat(run.get("number_in_job").asLong()).isPositive();
    JsonNode got = api.getOk("/api/2.0/jobs/runs/get?run_id=" + runId);
    assertThat(got.at("/task/notebook_task/notebook_path").asText()).isEqualTo("/Users/me/etl");
    assertThat(got.at("/cluster_spec/existing_cluster_id").asText()).isEqualTo(cluster);
    assertThat(got.at("/cluster_instance/cluster_id").asText()).isEqualTo(cluster);
    assertThat(got.at("/state/life_cycle_state").asText()).isNotEmpty();
    assertThat(api.getOk("/api/2.0/jobs/runs/list?job_id=" + id).at("/runs/0/task").has("notebook_task")).isTrue();
    Api.Response create = api.post("/api/2.0/jobs/create", Json.object("name", "x"));
    assertThat(create.status()).isEqualTo(404);
    assertThat(create.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
  }

  @Test
  void aConfidentialCustomAppSignsInWithClientCredentialsAndWithPkce() throws Exception {
    JsonNode app = api.postOk(account + "/oauth2/custom-app-integrations", Json.object("name", "ci",
        "confidential", true, "redirect_urls", Json.strings(List.of("http://localhost:9999/cb")),
        "scopes", Json.strings(List.of("all-apis", "offline_access"))));
    String clientId = app.get("client_id").asText();
    String secret = app.get("client_secret").asText();
    assertThat(app.get("integration_id").asText()).isNotEmpty();
    JsonNode got = api.getOk(account + "/oauth2/custom-app-integrations/" + app.get("integration_id").asText());
    assertThat(got.get("confidential").asBoolean()).isTrue();
    assertThat(got.has("client_secret")).as("a secret is shown once").isFalse();

    HttpResponse<String> m2m = token(form("grant_type", "client_credentials", "scope", "all-apis"), clientId + ":" + secret);
    assertThat(m2m.statusCode()).isEqualTo(200);
    String m2mToken = Json.parse(m2m.body()).get("access_token").asText();
    assertThat(new Api(ws.host(), m2mToken).get("/api/2.1/clusters/list").status()).isEqualTo(200);

    String verifier = "verifier-" + "x".repeat(40);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    HttpResponse<String> wrongRedirect = authorize(clientId, "http://evil.example/cb", challenge);
    assertThat(wrongRedirect.statusCode()).isEqualTo(400);
    assertThat(Json.parse(wrongRedirect.body()).get("error").asText()).isEqualTo("invalid_request");
    HttpResponse<String> authorized = authorize(clientId, "http://localhost:9999/cb", challenge);
    assertThat(authorized.statusCode()).isEqualTo(302);
    String code = codeOf(authorized);
    HttpResponse<String> withoutSecret = token(form("grant_type", "authorization_code", "code", code, "client_id", clientId,
        "redirect_uri", "http://localhost:9999/cb", "code_verifier", verifier), null);
    assertThat(withoutSecret.statusCode()).as("a confidential client sends its secret").isEqualTo(401);
    String code2 = codeOf(authorize(clientId, "http://localhost:9999/cb", challenge));
    HttpResponse<String> exchanged = token(form("grant_type", "authorization_code", "code", code2,
        "redirect_uri", "http://localhost:9999/cb", "code_verifier", verifier), clientId + ":" + secret);
    assertThat(exchanged.statusCode()).isEqualTo(200);
    JsonNode tokens = Json.parse(exchanged.body());
    assertThat(tokens.get("refresh_token").asText()).isNotEmpty();
    assertThat(new Api(ws.host(), tokens.get("access_token").asText()).get("/api/2.0/preview/scim/v2/Me").status())
        .isEqualTo(200);

    assertThat(api.delete(account + "/oauth2/custom-app-integrations/" + app.get("integration_id").asText()).status())
        .isEqualTo(200);
    HttpResponse<String> revoked = token(form("grant_type", "client_credentials"), clientId + ":" + secret);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(Json.parse(revoked.body()).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void publishedAppsAreListedAndEnrolled() {
    JsonNode apps = api.getOk(account + "/oauth2/published-apps").get("apps");
    assertThat(apps.findValuesAsText("app_id")).contains("databricks-cli", "power-bi", "tableau-desktop");
    JsonNode enrolled = api.postOk(account + "/oauth2/published-app-integrations", Json.object("app_id", "power-bi"));
    JsonNode got = api.getOk(account + "/oauth2/published-app-integrations/" + enrolled.get("integration_id").asText());
    assertThat(got.get("app_id").asText()).isEqualTo("power-bi");
    assertThat(got.get("name").asText()).isEqualTo("Power BI");
    Api.Response twice = api.post(account + "/oauth2/published-app-integrations", Json.object("app_id", "power-bi"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    Api.Response unknown = api.post(account + "/oauth2/published-app-integrations", Json.object("app_id", "nope"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void aSettingChangesWithItsEtagAndAStaleEtagConflictsNamingTheCurrentOne() {
    String path = "/api/2.0/settings/types/default_namespace_ws/names/default";
    JsonNode initial = api.getOk(path);
    assertThat(initial.get("setting_name").asText()).isEqualTo("default");
    String etag = initial.get("etag").asText();
    ObjectNode change = Json.object("allow_missing", true, "field_mask", "namespace.value",
        "setting", Json.object("etag", etag, "namespace", Json.object("value", "sales")));
    JsonNode updated = api.ok(api.patch(path, change));
    assertThat(updated.at("/namespace/value").asText()).isEqualTo("sales");
    assertThat(updated.get("etag").asText()).isNotEqualTo(etag);
    Api.Response stale = api.patch(path, change);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("RESOURCE_CONFLICT");
    assertThat(stale.json().at("/details/0/metadata/etag").asText()).isEqualTo(updated.get("etag").asText());
    JsonNode deleted = api.ok(api.delete(path + "?etag=" + updated.get("etag").asText()));
    assertThat(deleted.get("etag").asText()).isNotEmpty();
    assertThat(api.getOk(path).has("namespace")).isFalse();
  }

  @Test
  void aGenericResourceAnswersTheServicesErrors() {
    ObjectNode app = Json.object("name", "my-app", "description", "first");
    JsonNode created = api.postOk("/api/2.0/apps", app);
    assertThat(created.get("name").asText()).isEqualTo("my-app");
    assertThat(created.at("/compute_status/state").asText()).as("the waiter's success state").isEqualTo("ACTIVE");
    assertThat(created.get("creator").asText()).isEqualTo(ws.userName());
    Api.Response again = api.post("/api/2.0/apps", app);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    Api.Response unnamed = api.post("/api/2.0/apps", Json.object("description", "x"));
    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(unnamed.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    Api.Response missing = api.get("/api/2.0/apps/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    Api.Response orphan = api.post("/api/2.0/apps/nope/deployments", Json.object("source_code_path", "/x"));
    assertThat(orphan.status()).isEqualTo(404);
    assertThat(orphan.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    assertThat(api.postOk("/api/2.0/apps/my-app/stop", Json.object()).at("/compute_status/state").asText())
        .isEqualTo("STOPPED");
  }

  @Test
  void genericResourcesCheckWhatTheyNameInHandWrittenEmulations() {
    ObjectNode function = Json.object("function_info", Json.object("catalog_name", "main", "schema_name", "nope",
        "name", "f", "routine_body", "SQL", "routine_definition", "1"));
    Api.Response noSchema = api.post("/api/2.1/unity-catalog/functions", function);
    assertThat(noSchema.status()).isEqualTo(404);
    assertThat(noSchema.message()).isEqualTo("Schema 'main.nope' does not exist.");
    ((ObjectNode) function.get("function_info")).put("schema_name", "default");
    assertThat(api.postOk("/api/2.1/unity-catalog/functions", function).get("full_name").asText())
        .isEqualTo("main.default.f");
    assertThat(api.getOk("/api/2.1/unity-catalog/functions/main.default.f").get("name").asText()).isEqualTo("f");

    Api.Response noWarehouse = api.post("/api/2.0/genie/spaces", Json.object("warehouse_id", "0123456789abcdef",
        "serialized_space", "{}", "title", "g"));
    assertThat(noWarehouse.status()).isEqualTo(404);
    assertThat(noWarehouse.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    String warehouse = api.postOk("/api/2.0/sql/warehouses", Json.object("name", "w", "cluster_size", "2X-Small",
        "max_num_clusters", 1)).get("id").asText();
    assertThat(api.postOk("/api/2.0/genie/spaces", Json.object("warehouse_id", warehouse, "serialized_space", "{}",
        "title", "g")).get("space_id").asText()).isNotEmpty();

    Api.Response noTable = api.post("/api/2.1/unity-catalog/tables/main.default.nope/monitor",
        Json.object("assets_dir", "/Workspace/m", "output_schema_name", "main.default"));
    assertThat(noTable.status()).as("a monitor needs its table, which Unity Catalog keeps").isEqualTo(404);
  }

  @Test
  void unityCatalogGrantsAreKeptPerPrincipalAndInherited() {
    String uc = "/api/2.1/unity-catalog";
    api.postOk(uc + "/tables", Json.object("catalog_name", "main", "schema_name", "default", "name", "t",
        "table_type", "MANAGED", "data_source_format", "DELTA"));
    api.ok(api.patch(uc + "/permissions/catalog/main", Json.object("changes", Json.array(List.of(
        Json.object("principal", "analysts", "add", Json.strings(List.of("USE_CATALOG", "SELECT"))))))));
    JsonNode updated = api.ok(api.patch(uc + "/permissions/table/main.default.t", Json.object("changes",
        Json.array(List.of(Json.object("principal", "alice@example.com", "add", Json.strings(List.of("MODIFY"))))))));
    assertThat(updated.at("/privilege_assignments/0/privileges/0").asText()).isEqualTo("MODIFY");
    JsonNode direct = api.getOk(uc + "/permissions/table/main.default.t");
    assertThat(direct.get("privilege_assignments")).hasSize(1);
    JsonNode effective = api.getOk(uc + "/effective-permissions/table/main.default.t?principal=analysts");
    assertThat(effective.at("/privilege_assignments/0/privileges/0/inherited_from_type").asText()).isEqualTo("CATALOG");
    assertThat(effective.at("/privilege_assignments/0/privileges/0/inherited_from_name").asText()).isEqualTo("main");
    Api.Response missing = api.get(uc + "/permissions/table/main.default.nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    Api.Response bad = api.patch(uc + "/permissions/catalog/main", Json.object("changes", Json.array(List.of(
        Json.object("principal", "x", "add", Json.strings(List.of("FLY")))))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
  }

  @Test
  void aLongRunningCreateIsDoneAndItsOperationCanBeRead() {
    JsonNode op = api.postOk("/api/2.0/postgres/projects?project_id=p1", Json.object("display_name", "P1"));
    assertThat(op.get("done").asBoolean()).isTrue();
    assertThat(op.at("/response/name").asText()).isEqualTo("projects/p1");
    assertThat(api.getOk("/api/2.0/postgres/" + op.get("name").asText()).get("done").asBoolean()).isTrue();
    assertThat(api.getOk("/api/2.0/postgres/projects/p1").get("name").asText()).isEqualTo("projects/p1");
    Api.Response orphan = api.post("/api/2.0/postgres/projects/nope/branches?branch_id=b", Json.object());
    assertThat(orphan.status()).isEqualTo(404);
    assertThat(orphan.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  private HttpResponse<String> authorize(String clientId, String redirect, String challenge) throws Exception {
    String query = "response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirect)
        + "&code_challenge=" + enc(challenge) + "&code_challenge_method=S256&state=s1&scope=all-apis";
    return HTTP.send(HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/authorize?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String codeOf(HttpResponse<String> authorized) {
    String location = authorized.headers().firstValue("Location").orElseThrow();
    return java.net.URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf('&')),
        StandardCharsets.UTF_8);
  }

  private HttpResponse<String> token(Map<String, String> form, String basic) throws Exception {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (basic != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> form(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
