package io.databricks4j.testkit.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Makes at least one record of every emulation that keeps any, through the REST API, and
 * remembers what it made so that a test can read it back after a restart or a reset.
 */
public final class EveryKindOfRecord {
  /** Larger than the file store keeps in memory, so that its contents live in a file. */
  public static final int LARGE = 1024 * 1024 + 17;

  public String clusterId;
  public long jobId;
  public long runId;
  public String tokenValue;
  public String warehouseId;
  public String userId;
  public String appName = "state-app";
  public String servicePrincipalApp;
  public String servicePrincipalSecret;
  public byte[] largeFile;

  /** Creates everything; the cluster is created first so that a test can wait for it to run. */
  public static EveryKindOfRecord create(Api api, String accountId) {
    EveryKindOfRecord r = new EveryKindOfRecord();
    String account = "/api/2.0/accounts/" + accountId;
    r.clusterId = api.postOk("/api/2.1/clusters/create", Json.object("cluster_name", "kept", "spark_version",
        "15.4.x-scala2.12", "num_workers", 1)).get("cluster_id").asText();
    api.postOk("/api/2.0/libraries/install", Json.object("cluster_id", r.clusterId, "libraries",
        Json.array(List.of(Json.object("pypi", Json.object("package", "requests"))))));
    api.postOk("/api/2.0/instance-pools/create", Json.object("instance_pool_name", "pool", "node_type_id", "i3.xlarge"));
    api.postOk("/api/2.0/policies/clusters/create", Json.object("name", "small", "definition", "{}"));
    r.jobId = api.postOk("/api/2.2/jobs/create", Json.object("name", "nightly", "max_concurrent_runs", 1,
        "tasks", Json.array(List.of(Json.object("task_key", "etl", "existing_cluster_id", r.clusterId,
            "notebook_task", Json.object("notebook_path", "/Shared/etl")))))).get("job_id").asLong();
    r.runId = api.postOk("/api/2.2/jobs/run-now", Json.object("job_id", r.jobId)).get("run_id").asLong();
    api.postOk("/api/2.0/secrets/scopes/create", Json.object("scope", "app"));
    api.postOk("/api/2.0/secrets/put", Json.object("scope", "app", "key", "password", "string_value", "s3cr3t"));
    api.postOk("/api/2.0/dbfs/put", Json.object("path", "/tmp/small.txt", "contents", b64("hello")));
    api.volume("main.default.landing");
    r.largeFile = new byte[LARGE];
    for (int i = 0; i < r.largeFile.length; i++) {
      r.largeFile[i] = (byte) (i * 31);
    }
    Api.Response put = api.send("PUT", "/api/2.0/fs/files/Volumes/main/default/landing/large.bin", r.largeFile,
        java.util.Map.of("Content-Type", "application/octet-stream"));
    if (put.status() != 204 && put.status() != 200) {
      throw new AssertionError("upload failed: " + put);
    }
    api.postOk("/api/2.0/workspace/mkdirs", Json.object("path", "/Shared/etl-dir"));
    api.postOk("/api/2.0/workspace/import", Json.object("path", "/Shared/etl", "format", "SOURCE",
        "language", "PYTHON", "content", b64("# Databricks notebook source\nprint(1)\n# COMMAND ----------\nprint(2)\n")));
    api.postOk("/api/2.0/repos", Json.object("url", "https://github.com/acme/etl.git"));
    r.tokenValue = api.postOk("/api/2.0/token/create", Json.object("comment", "ci")).get("token_value").asText();
    r.userId = created(api.post("/api/2.0/preview/scim/v2/Users", Json.object("userName", "ada@example.com")))
        .get("id").asText();
    created(api.post(account + "/scim/v2/Groups", Json.object("displayName", "account-analysts")));
    r.warehouseId = api.postOk("/api/2.0/sql/warehouses", Json.object("name", "wh", "cluster_size", "2X-Small"))
        .get("id").asText();
    api.postOk("/api/2.1/unity-catalog/catalogs", Json.object("name", "sales"));
    api.postOk("/api/2.1/unity-catalog/schemas", Json.object("name", "raw", "catalog_name", "sales"));
    api.ok(api.patch("/api/2.1/unity-catalog/permissions/catalog/sales", Json.object("changes",
        Json.array(List.of(Json.object("principal", "analysts", "add", Json.strings(List.of("USE_CATALOG"))))))));
    api.postOk(account + "/workspaces", Json.object("workspace_name", "Analytics"));
    api.ok(api.patch("/api/2.0/workspace-conf", Json.object("enableTokensConfig", "true")));
    api.ok(api.put("/api/2.0/permissions/clusters/" + r.clusterId, Json.object("access_control_list",
        Json.array(List.of(Json.object("user_name", "ada@example.com", "permission_level", "CAN_RESTART"))))));
    api.postOk(account + "/oauth2/custom-app-integrations", Json.object("name", "ci", "confidential", true,
        "redirect_urls", Json.strings(List.of("http://localhost:8020"))));
    JsonNode sp = created(api.post(account + "/scim/v2/ServicePrincipals", Json.object("displayName", "deployer")));
    r.servicePrincipalApp = sp.get("applicationId").asText();
    r.servicePrincipalSecret = api.postOk(account + "/servicePrincipals/" + sp.get("id").asText()
        + "/credentials/secrets", Json.object("lifetime", "3600s")).get("secret").asText();
    JsonNode wsSp = created(api.post("/api/2.0/preview/scim/v2/ServicePrincipals",
        Json.object("displayName", "ws-deployer")));
    api.postOk("/api/2.0/accounts/servicePrincipals/" + wsSp.get("id").asText() + "/credentials/secrets",
        Json.object());
    api.postOk("/api/2.0/apps", Json.object("name", r.appName, "description", "kept"));
    return r;
  }

  /** The body of a 200 or 201 answer (SCIM creates answer 201). */
  private static JsonNode created(Api.Response r) {
    if (r.status() != 200 && r.status() != 201) {
      throw new AssertionError("expected 200 or 201: " + r);
    }
    return r.json();
  }

  public static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
