package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class WorkspaceObjectsTest {
  private static final String NOTEBOOK = "# Databricks notebook source\nprint(1)\n\n# COMMAND ----------\n\nprint(2)\n";
  private Api api;
  private String home;

  @BeforeEach
  void client(LocalWorkspace ws) {
    api = new Api(ws);
    home = "/Users/" + ws.userName();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode export) {
    return new String(Base64.getDecoder().decode(export.get("content").asText()), StandardCharsets.UTF_8);
  }

  @Test
  void sourceNotebooksRoundTripThroughEveryFormat() throws Exception {
    String dir = home + "/roundtrip";
    api.postOk("/api/2.0/workspace/mkdirs", Json.object("path", dir));
    api.postOk("/api/2.0/workspace/import", Json.object("path", dir + "/nb", "format", "SOURCE",
        "language", "PYTHON", "content", b64(NOTEBOOK)));
    JsonNode status = api.getOk(Api.query("/api/2.0/workspace/get-status", "path", dir + "/nb"));
    assertThat(status.get("object_type").asText()).isEqualTo("NOTEBOOK");
    assertThat(status.get("language").asText()).isEqualTo("PYTHON");

    JsonNode source = api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/nb", "format", "SOURCE"));
    assertThat(text(source)).isEqualTo(NOTEBOOK);
    assertThat(source.get("file_type").asText()).isEqualTo("py");

    JsonNode jupyter = api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/nb", "format", "JUPYTER"));
    JsonNode ipynb = Json.parse(text(jupyter));
    assertThat(ipynb.get("cells")).hasSize(2);
    assertThat(ipynb.at("/cells/1/source/0").asText()).isEqualTo("print(2)");

    api.postOk("/api/2.0/workspace/import", Json.object("path", dir + "/from-jupyter", "format", "JUPYTER",
        "content", jupyter.get("content").asText()));
    assertThat(text(api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/from-jupyter"))))
        .isEqualTo(NOTEBOOK);
    assertThat(api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/from-jupyter", "format", "AUTO"))
        .get("file_type").asText()).isEqualTo("ipynb");

    JsonNode dbc = api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/nb", "format", "DBC"));
    api.postOk("/api/2.0/workspace/import", Json.object("path", dir + "/from-dbc", "format", "DBC",
        "content", dbc.get("content").asText()));
    assertThat(text(api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/from-dbc")))).isEqualTo(NOTEBOOK);

    JsonNode folder = api.getOk(Api.query("/api/2.0/workspace/export", "path", dir, "format", "SOURCE"));
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(
        folder.get("content").asText())))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries.add(e.getName());
      }
    }
    assertThat(entries).containsExactlyInAnyOrder("nb.py", "from-jupyter.py", "from-dbc.py");

    Api.Response raw = api.get(Api.query("/api/2.0/workspace/export", "path", dir + "/nb", "direct_download", "true"));
    assertThat(raw.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(raw.text()).isEqualTo(NOTEBOOK);
  }

  @Test
  void autoImportsNotebooksByHeaderAndEverythingElseAsFiles() {
    api.postOk("/api/2.0/workspace/import", Json.object("path", home + "/job.py", "format", "AUTO", "content", b64(NOTEBOOK)));
    assertThat(api.getOk(Api.query("/api/2.0/workspace/get-status", "path", home + "/job")).get("object_type").asText())
        .isEqualTo("NOTEBOOK");
    api.postOk("/api/2.0/workspace/import", Json.object("path", home + "/data.csv", "format", "AUTO", "content", b64("a,b\n1,2\n")));
    JsonNode file = api.getOk(Api.query("/api/2.0/workspace/get-status", "path", home + "/data.csv"));
    assertThat(file.get("object_type").asText()).isEqualTo("FILE");
    assertThat(file.get("size").asInt()).isEqualTo(8);
    assertThat(text(api.getOk(Api.query("/api/2.0/workspace/export", "path", home + "/data.csv")))).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void listMkdirsDeleteAndErrors() {
    String dir = home + "/tree";
    api.postOk("/api/2.0/workspace/mkdirs", Json.object("path", dir + "/a/b"));
    api.postOk("/api/2.0/workspace/import", Json.object("path", dir + "/nb", "language", "SQL",
        "content", b64("SELECT 1")));
    JsonNode list = api.getOk(Api.query("/api/2.0/workspace/list", "path", dir));
    assertThat(list.get("objects").findValuesAsText("path")).containsExactly(dir + "/a", dir + "/nb");
    assertThat(api.getOk(Api.query("/api/2.0/workspace/list", "path", "/Workspace" + dir)).get("objects")).hasSize(2);

    Api.Response exists = api.post("/api/2.0/workspace/import", Json.object("path", dir + "/nb", "language", "SQL",
        "content", b64("SELECT 2")));
    assertThat(exists.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    api.postOk("/api/2.0/workspace/import", Json.object("path", dir + "/nb", "language", "SQL", "overwrite", true,
        "content", b64("SELECT 2")));
    assertThat(text(api.getOk(Api.query("/api/2.0/workspace/export", "path", dir + "/nb"))))
        .isEqualTo("-- Databricks notebook source\nSELECT 2\n");

    Api.Response orphan = api.post("/api/2.0/workspace/import", Json.object("path", dir + "/missing/nb",
        "language", "PYTHON", "content", b64("1")));
    assertThat(orphan.status()).isEqualTo(404);
    assertThat(api.post("/api/2.0/workspace/import", Json.object("path", dir + "/nolang", "content", b64("1")))
        .message()).contains("language");
    assertThat(api.post("/api/2.0/workspace/import", Json.object("path", dir + "/h", "format", "HTML",
        "content", b64("<html/>"))).status()).isEqualTo(501);

    Api.Response notEmpty = api.post("/api/2.0/workspace/delete", Json.object("path", dir));
    assertThat(notEmpty.status()).isEqualTo(400);
    api.postOk("/api/2.0/workspace/delete", Json.object("path", dir, "recursive", true));
    Api.Response gone = api.get(Api.query("/api/2.0/workspace/get-status", "path", dir));
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void notebookPermissionsAreAddressedByObjectId() {
    api.postOk("/api/2.0/workspace/import", Json.object("path", home + "/secured", "language", "PYTHON",
        "content", b64("1")));
    long id = api.getOk(Api.query("/api/2.0/workspace/get-status", "path", home + "/secured")).get("object_id").asLong();
    JsonNode acl = api.getOk("/api/2.0/permissions/notebooks/" + id);
    assertThat(acl.get("object_type").asText()).isEqualTo("notebook");
    assertThat(api.get("/api/2.0/permissions/notebooks/999999999").status()).isEqualTo(404);
    assertThat(api.get("/api/2.0/permissions/pipelines/p1").errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }
}
