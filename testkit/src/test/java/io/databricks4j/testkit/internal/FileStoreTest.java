package io.databricks4j.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FileStoreTest {
  @Test
  void largeContentsSpillToATemporaryFileThatCloseRemoves() throws Exception {
    FileStore store = new FileStore(Clock.systemUTC());
    BlobWriter writer = store.newWriter();
    byte[] chunk = new byte[256 * 1024];
    for (int i = 0; i < 8; i++) {
      writer.write(chunk, 0, chunk.length);
    }
    Blob blob = writer.toBlob();
    assertThat(blob).isInstanceOf(Blob.Spilled.class);
    assertThat(blob.size()).isEqualTo(2L * 1024 * 1024);
    store.put("/big/file", blob, false);
    try (InputStream in = store.get("/big/file").blob().open(2L * 1024 * 1024 - 10)) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
    java.nio.file.Path file = ((Blob.Spilled) blob).file();
    assertThat(file).exists();
    store.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void treeOperationsKeepParentsAndRefuseConflicts() {
    FileStore store = new FileStore(Clock.systemUTC());
    store.put("/a/b/c.txt", new Blob.Memory(new byte[] {1}), false);
    assertThat(store.get("/a/b").directory()).isTrue();
    assertThat(store.children("/a")).extracting(FileStore.Entry::name).containsExactly("b");
    assertThatThrownBy(() -> store.put("/a/b/c.txt", Blob.EMPTY, false)).isInstanceOf(FileStore.FileStoreException.class);
    assertThatThrownBy(() -> store.mkdirs("/a/b/c.txt/d")).isInstanceOf(FileStore.FileStoreException.class);
    assertThatThrownBy(() -> store.delete("/a", false)).isInstanceOf(FileStore.FileStoreException.class);
    assertThatThrownBy(() -> store.move("/a", "/a/inside")).isInstanceOf(FileStore.FileStoreException.class);
    store.move("/a", "/z");
    assertThat(store.get("/z/b/c.txt").size()).isEqualTo(1);
    assertThat(store.get("/a")).isNull();
    assertThat(FileStore.normalize("//x///y/")).isEqualTo("/x/y");
    assertThatThrownBy(() -> FileStore.normalize("/x/../y")).isInstanceOf(FileStore.FileStoreException.class);
    assertThat(store.delete("/z", true)).isTrue();
    assertThat(store.delete("/z", true)).isFalse();
    store.close();
  }
}
