package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.mixin.dbutils.FsEntry;
import io.databricks4j.mixin.dbutils.FsUtils;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.workspace.CreateScope;
import io.databricks4j.service.workspace.PutSecret;
import io.databricks4j.service.workspace.SecretMetadata;
import io.databricks4j.service.workspace.SecretScope;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbutils.fs across DBFS, volumes and local files, and dbutils.secrets, against the testkit. */
class DbUtilsTest {
  private static LocalWorkspace ws;
  private static WorkspaceClient w;
  private static FsUtils fs;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    w = ws.client();
    // the Files API serves paths in existing volumes only, as the service does
    w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default").name("v")
        .volumeType(VolumeType.MANAGED).build());
    fs = w.dbutils().fs();
  }

  @AfterAll
  static void stop() {
    w.close();
    ws.close();
  }

  @Test
  void dbutilsIsMadeOnceAndKept() {
    assertThat(w.dbutils()).isSameAs(w.dbutils());
  }

  @Test
  void putHeadLsMkdirsAndRmOnDbfs() {
    assertThat(fs.mkdirs("dbfs:/tmp/dbutils/dir")).isTrue();
    assertThat(fs.put("dbfs:/tmp/dbutils/hello.txt", "héllo, world", false)).isTrue();
    assertThatThrownBy(() -> fs.put("dbfs:/tmp/dbutils/hello.txt", "again")).isInstanceOf(DatabricksException.class);
    fs.put("dbfs:/tmp/dbutils/hello.txt", "hello, world", true);

    assertThat(fs.head("dbfs:/tmp/dbutils/hello.txt")).isEqualTo("hello, world");
    assertThat(fs.head("/tmp/dbutils/hello.txt", 5)).isEqualTo("hello");
    assertThat(fs.ls("dbfs:/tmp/dbutils")).containsExactlyInAnyOrder(
        new FsEntry("dbfs:/tmp/dbutils/dir/", "dir/", 0, entry("dbfs:/tmp/dbutils", "dir/").modificationTime(), true),
        new FsEntry("dbfs:/tmp/dbutils/hello.txt", "hello.txt", 12,
            entry("dbfs:/tmp/dbutils", "hello.txt").modificationTime(), false));

    assertThatThrownBy(() -> fs.rm("dbfs:/tmp/dbutils")).isInstanceOf(DatabricksException.class);
    assertThat(fs.rm("dbfs:/tmp/dbutils", true)).isTrue();
    assertThat(fs.rm("dbfs:/tmp/dbutils", true)).isFalse();
    assertThatThrownBy(() -> fs.ls("dbfs:/tmp/dbutils")).isInstanceOf(NotFound.class);
  }

  private static FsEntry entry(String dir, String name) {
    return fs.ls(dir).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void cpAndMvAcrossDbfsVolumesAndLocalFilesRecursively(@TempDir Path tmp) throws IOException {
    fs.put("dbfs:/tmp/src/a.txt", "A", true);
    fs.put("dbfs:/tmp/src/sub/b.txt", "BB", true);

    assertThatThrownBy(() -> fs.cp("dbfs:/tmp/src", "/Volumes/main/default/v/dst"))
        .isInstanceOf(DatabricksException.class).hasMessageContaining("recurse");
    fs.cp("dbfs:/tmp/src", "/Volumes/main/default/v/dst", true);
    assertThat(fs.head("/Volumes/main/default/v/dst/sub/b.txt")).isEqualTo("BB");
    assertThat(fs.ls("dbfs:/Volumes/main/default/v/dst")).extracting(FsEntry::name)
        .containsExactlyInAnyOrder("a.txt", "sub/");
    assertThat(fs.ls("/Volumes/main/default/v/dst/a.txt")).singleElement()
        .satisfies(e -> assertThat(e.size()).isEqualTo(1)).satisfies(e -> assertThat(e.isFile()).isTrue());

    Path local = tmp.resolve("copy");
    fs.cp("/Volumes/main/default/v/dst", "file:" + local, true);
    assertThat(Files.readString(local.resolve("sub/b.txt"))).isEqualTo("BB");
    fs.cp("file:" + local.resolve("a.txt"), "dbfs:/tmp/from-local.txt");
    assertThat(fs.head("dbfs:/tmp/from-local.txt")).isEqualTo("A");

    fs.mv("dbfs:/tmp/src", "dbfs:/tmp/moved", true);
    assertThat(fs.head("dbfs:/tmp/moved/sub/b.txt")).isEqualTo("BB");
    assertThatThrownBy(() -> fs.ls("dbfs:/tmp/src")).isInstanceOf(NotFound.class);
    fs.mv("/Volumes/main/default/v/dst/a.txt", "dbfs:/tmp/from-volume.txt");
    assertThat(fs.head("dbfs:/tmp/from-volume.txt")).isEqualTo("A");
    assertThatThrownBy(() -> fs.head("/Volumes/main/default/v/dst/a.txt")).isInstanceOf(NotFound.class);

    assertThat(fs.rm("/Volumes/main/default/v/dst", true)).isTrue();
    assertThatThrownBy(() -> fs.ls("/Volumes/main/default/v/dst")).isInstanceOf(NotFound.class);
  }

  @Test
  void headReadsOnlyTheStartOfALargeVolumeFile() {
    w.files().upload("/Volumes/main/default/v/large.bin", Payload.of(3L * 1024 * 1024, 20), true);
    String head = fs.head("/Volumes/main/default/v/large.bin", 1000);
    assertThat(head.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(0);
    assertThat(fs.head("/Volumes/main/default/v/large.bin", 10).length()).isLessThanOrEqualTo(10);
  }

  @Test
  void secretsAreReadAsTextOrBytesAndListedWithoutValues() {
    w.secrets().createScope(CreateScope.builder().scope("dbutils-test").build());
    w.secrets().putSecret(PutSecret.builder().scope("dbutils-test").key("password").stringValue("s3cr3t ✓").build());
    byte[] raw = {0, 1, 2, (byte) 0xff};
    w.secrets().putSecret(PutSecret.builder().scope("dbutils-test").key("raw")
        .bytesValue(Base64.getEncoder().encodeToString(raw)).build());

    assertThat(w.dbutils().secrets().get("dbutils-test", "password")).isEqualTo("s3cr3t ✓");
    assertThat(w.dbutils().secrets().getBytes("dbutils-test", "raw")).isEqualTo(raw);
    assertThat(w.dbutils().secrets().list("dbutils-test")).extracting(SecretMetadata::key)
        .containsExactlyInAnyOrder("password", "raw");
    assertThat(w.dbutils().secrets().listScopes()).extracting(SecretScope::name).contains("dbutils-test");
    assertThatThrownBy(() -> w.dbutils().secrets().get("dbutils-test", "missing")).isInstanceOf(NotFound.class);
  }

  @Test
  void remoteUtilitiesWithoutAClusterSayHowToConfigureOne() {
    assertThatThrownBy(() -> w.dbutils().widgets().get("name"))
        .isInstanceOf(io.databricks4j.error.ConfigException.class)
        .hasMessageContaining("dbutils.widgets.get runs on a cluster")
        .hasMessageContaining("cluster_id")
        .hasMessageContaining("DATABRICKS_CLUSTER_ID");
  }
}
