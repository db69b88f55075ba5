package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.mixin.workspace.ImportOptions;
import io.databricks4j.service.workspace.ExportFormat;
import io.databricks4j.service.workspace.ImportFormat;
import io.databricks4j.service.workspace.Language;
import io.databricks4j.service.workspace.ObjectInfo;
import io.databricks4j.service.workspace.ObjectType;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notebook and file upload and download in every format, against the testkit. */
class WorkspaceObjectsTest {
  private static final String NOTEBOOK = "# Databricks notebook source\nprint('hello')\n\n# COMMAND ----------\n\nx = 1\n";
  private static LocalWorkspace ws;
  private static WorkspaceClient w;
  private static String home;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    w = ws.client();
    home = "/Users/" + ws.userName() + "/workspace-test";
    w.workspace().mkdirs(home);
  }

  @AfterAll
  static void stop() {
    w.close();
    ws.close();
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void sourceNotebooksGoUpAndComeDownInEveryFormat(@TempDir Path tmp) throws IOException {
    String path = home + "/source-nb";
    w.workspace().upload(path, NOTEBOOK.getBytes(StandardCharsets.UTF_8), ImportOptions.builder()
        .format(ImportFormat.SOURCE).language(Language.PYTHON).build());
    assertThat(w.workspace().getStatus(path).objectType()).isEqualTo(ObjectType.NOTEBOOK);

    assertThat(text(w.workspace().downloadBytes(path, ExportFormat.SOURCE))).contains("print('hello')").contains("x = 1");
    String jupyter = text(w.workspace().downloadBytes(path, ExportFormat.JUPYTER));
    assertThat(jupyter).contains("\"cells\"").contains("print('hello')");
    byte[] dbc = w.workspace().downloadBytes(path, ExportFormat.DBC);
    assertThat(dbc).startsWith('P', 'K');

    // each export imports back to the same notebook
    w.workspace().upload(home + "/from-jupyter", new ByteArrayInputStream(jupyter.getBytes(StandardCharsets.UTF_8)),
        ImportOptions.of(ImportFormat.JUPYTER));
    w.workspace().upload(home + "/from-dbc", dbc, ImportOptions.of(ImportFormat.DBC));
    for (String copy : List.of("/from-jupyter", "/from-dbc")) {
      assertThat(text(w.workspace().downloadBytes(home + copy, ExportFormat.SOURCE))).contains("print('hello')");
    }

    Path file = tmp.resolve("nb.py");
    w.workspace().download(path, ExportFormat.SOURCE, file);
    assertThat(Files.readString(file)).contains("x = 1");
  }

  @Test
  void autoMakesANotebookOfNotebookSourceAndAFileOfAnythingElse(@TempDir Path tmp) throws IOException {
    Path nb = tmp.resolve("auto.py");
    Files.writeString(nb, NOTEBOOK);
    w.workspace().upload(home + "/auto.py", nb, ImportOptions.defaults());
    assertThat(w.workspace().getStatus(home + "/auto").objectType()).isEqualTo(ObjectType.NOTEBOOK);

    byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    List<long[]> progress = new CopyOnWriteArrayList<>();
    w.workspace().upload(home + "/data.csv", csv, ImportOptions.builder().format(ImportFormat.AUTO)
        .progress((d, t) -> progress.add(new long[] {d, t})).build());
    assertThat(w.workspace().getStatus(home + "/data.csv").objectType()).isEqualTo(ObjectType.FILE);
    assertThat(progress.get(progress.size() - 1)).containsExactly(csv.length, csv.length);
    progress.clear();
    try (InputStream in = w.workspace().download(home + "/data.csv", ExportFormat.AUTO,
        (d, t) -> progress.add(new long[] {d, t}))) {
      assertThat(in.readAllBytes()).isEqualTo(csv);
    }
    assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(csv.length);
  }

  @Test
  void anExistingObjectIsReplacedOnlyWithOverwrite() {
    String path = home + "/twice";
    ImportOptions source = ImportOptions.builder().format(ImportFormat.SOURCE).language(Language.SQL).build();
    w.workspace().upload(path, "SELECT 1".getBytes(StandardCharsets.UTF_8), source);
    assertThatThrownBy(() -> w.workspace().upload(path, "SELECT 2".getBytes(StandardCharsets.UTF_8), source))
        .isInstanceOf(ResourceAlreadyExists.class);
    w.workspace().upload(path, "SELECT 2".getBytes(StandardCharsets.UTF_8), source.toBuilder().overwrite(true).build());
    assertThat(text(w.workspace().downloadBytes(path, ExportFormat.SOURCE))).contains("SELECT 2");
  }

  @Test
  void listsRecursivelyAndAMissingObjectIsNotFound() {
    String root = home + "/tree";
    w.workspace().mkdirs(root + "/a/b");
    ImportOptions py = ImportOptions.builder().format(ImportFormat.SOURCE).language(Language.PYTHON).build();
    w.workspace().upload(root + "/top", "1".getBytes(StandardCharsets.UTF_8), py);
    w.workspace().upload(root + "/a/b/deep", "2".getBytes(StandardCharsets.UTF_8), py);

    assertThat(w.workspace().list(root, true).stream().map(ObjectInfo::path))
        .containsExactlyInAnyOrder(root + "/a", root + "/a/b", root + "/a/b/deep", root + "/top");
    assertThatThrownBy(() -> w.workspace().getStatus(root + "/missing")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.workspace().download(root + "/missing", ExportFormat.SOURCE)).isInstanceOf(NotFound.class);
  }

  @Test
  void exportedBytesCutShortAreFetchedAgainInsideTheCall() throws IOException {
    byte[] export = Payload.bytes(300_000, 17);
    // a server that ends the first answer after 1000 bytes, then answers in full
    try (RangeServer server = new RangeServer(export, false, false, 1000); WorkspaceClient c = server.client()) {
      assertThat(c.workspace().downloadBytes("/Users/a/nb", ExportFormat.SOURCE)).isEqualTo(export);
      assertThat(server.rangesAsked).containsExactly("", "");
    }
  }
}
