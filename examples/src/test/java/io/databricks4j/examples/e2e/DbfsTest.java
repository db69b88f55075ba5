package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.mixin.files.DbfsOpenOptions;
import io.databricks4j.mixin.files.TransferInterruptedException;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.files.FileInfo;
import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.FaultRule;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DBFS helpers end to end against the testkit. */
class DbfsTest {
  private static final int MB = 1024 * 1024;
  private static final FaultRule RESET_NEXT_BLOCK = FaultRule.forPaths("/api/2\\.0/dbfs/add-block").methods("POST")
      .connectionReset(100).limit(1).build();
  private static LocalWorkspace ws;
  private static WorkspaceClient w;
  /** Calls of {@link #counted} by verb and path, each counted once whatever its attempts. */
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  /** A client that counts its calls and waits 10 ms between attempts. */
  private static WorkspaceClient counted;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    w = ws.client();
    HttpPolicy count = new HttpPolicy() {
      @Override
      public Position position() {
        return Position.PER_CALL;
      }

      @Override
      public HttpResponse process(HttpRequest request, Chain chain) throws IOException {
        CALLS.computeIfAbsent(request.method() + " " + request.path(), k -> new AtomicInteger()).incrementAndGet();
        return chain.proceed(request);
      }
    };
    counted = new WorkspaceClient(ws.configBuilder().httpOptions(HttpOptions.builder().policy(count)
        .retryBackoff((n, retryAfter) -> Duration.ofMillis(10)).build()).build());
  }

  private static int calls(String endpoint) {
    AtomicInteger n = CALLS.get("POST /api/2.0/dbfs/" + endpoint);
    return n == null ? 0 : n.get();
  }

  @AfterAll
  static void stop() {
    counted.close();
    w.close();
    ws.close();
  }

  @AfterEach
  void noFaults() {
    ws.faults().clear();
    CALLS.clear();
  }

  @Test
  void openWritesInBlocksAndReadsInRangesWhateverThePathSpelling() throws IOException {
    byte[] data = Payload.bytes(2 * MB + 17, 10);
    List<Long> written = new CopyOnWriteArrayList<>();
    try (OutputStream out = w.dbfs().open("dbfs:///tmp/open/a.bin",
        DbfsOpenOptions.write().progress((d, t) -> written.add(d)))) {
      out.write(data, 0, 100);
      out.write(data, 100, data.length - 100);
    }
    assertThat(written).containsExactly((long) MB, 2L * MB, (long) data.length);
    try (InputStream in = w.dbfs().open("/tmp/open/a.bin", DbfsOpenOptions.read())) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    try (InputStream in = w.dbfs().open("dbfs:/tmp/open/a.bin", DbfsOpenOptions.read())) {
      assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOf(data, 10));
    }
    assertThat(w.dbfs().getStatus("dbfs:/tmp/open/a.bin").fileSize()).isEqualTo(data.length);
  }

  @Test
  void writingOverAFileNeedsOverwrite() throws IOException {
    w.dbfs().upload("/tmp/over.txt", "one".getBytes(), false);
    assertThatThrownBy(() -> w.dbfs().open("/tmp/over.txt", DbfsOpenOptions.write()))
        .isInstanceOf(ResourceAlreadyExists.class);
    try (OutputStream out = w.dbfs().open("/tmp/over.txt", DbfsOpenOptions.write().overwrite(true))) {
      out.write("two".getBytes());
    }
    try (InputStream in = w.dbfs().download("/tmp/over.txt")) {
      assertThat(new String(in.readAllBytes())).isEqualTo("two");
    }
  }

  @Test
  void uploadsAndDownloadsStreamsPathsAndBytes(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(MB + 5, 11);
    Path file = tmp.resolve("in.bin");
    Files.write(file, data);
    List<long[]> progress = new CopyOnWriteArrayList<>();
    TransferOptions p = TransferOptions.builder().progress((d, t) -> progress.add(new long[] {d, t})).build();

    w.dbfs().upload("/tmp/up/stream.bin", new ByteArrayInputStream(data), true, p);
    w.dbfs().upload("/tmp/up/path.bin", file, true, p);
    assertThat(progress.get(progress.size() - 1)).containsExactly(data.length, data.length);
    w.dbfs().upload("/tmp/up/bytes.bin", data, true);
    for (String name : List.of("stream.bin", "path.bin", "bytes.bin")) {
      w.dbfs().download("/tmp/up/" + name, tmp.resolve(name), p);
      assertThat(Files.readAllBytes(tmp.resolve(name))).isEqualTo(data);
    }
    assertThat(progress.get(progress.size() - 1)).containsExactly(data.length, data.length);
  }

  @Test
  void aMissingFileIsNotFoundNeverNull() {
    assertThatThrownBy(() -> w.dbfs().getStatus("/tmp/missing")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.dbfs().download("dbfs:/tmp/missing")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.dbfs().open("/tmp/missing", DbfsOpenOptions.read())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.dbfs().list("/tmp/missing", true).iterator().hasNext()).isInstanceOf(NotFound.class);
  }

  @Test
  void aDirectoryCannotBeReadAsAFile() {
    w.dbfs().mkdirs("/tmp/adir");
    assertThatThrownBy(() -> w.dbfs().download("/tmp/adir")).isInstanceOf(DatabricksException.class)
        .hasMessageContaining("dbfs:/tmp/adir is a directory");
  }

  @Test
  void listsRecursivelyCopiesMovesAndDeletesRecursively() {
    w.dbfs().upload("/tmp/tree/a.txt", "a".getBytes(), true);
    w.dbfs().upload("/tmp/tree/sub/b.txt", "bb".getBytes(), true);
    w.dbfs().upload("/tmp/tree/sub/deeper/c.txt", "ccc".getBytes(), true);

    assertThat(w.dbfs().list("dbfs:/tmp/tree", false).stream().map(FileInfo::path))
        .containsExactlyInAnyOrder("/tmp/tree/a.txt", "/tmp/tree/sub");
    assertThat(w.dbfs().list("dbfs:/tmp/tree", true).stream().map(FileInfo::path)).containsExactlyInAnyOrder(
        "/tmp/tree/a.txt", "/tmp/tree/sub", "/tmp/tree/sub/b.txt", "/tmp/tree/sub/deeper", "/tmp/tree/sub/deeper/c.txt");

    w.dbfs().copy("/tmp/tree/sub/b.txt", "dbfs:/tmp/tree/b-copy.txt", false);
    w.dbfs().move("dbfs:/tmp/tree/a.txt", "/tmp/tree/a-moved.txt");
    assertThat(w.dbfs().getStatus("/tmp/tree/b-copy.txt").fileSize()).isEqualTo(2);
    assertThatThrownBy(() -> w.dbfs().getStatus("/tmp/tree/a.txt")).isInstanceOf(NotFound.class);
    assertThat(w.dbfs().getStatus("/tmp/tree/a-moved.txt").fileSize()).isEqualTo(1);

    assertThatThrownBy(() -> w.dbfs().delete("/tmp/tree", false)).isInstanceOf(DatabricksException.class);
    w.dbfs().delete("dbfs:/tmp/tree", true);
    assertThatThrownBy(() -> w.dbfs().getStatus("/tmp/tree")).isInstanceOf(NotFound.class);
  }

  @Test
  void anInterruptedUploadOfBytesIsWrittenAgainFromTheStartAndCompletes() throws IOException {
    byte[] data = Payload.bytes(4 * MB + 3, 12);
    long resetsBefore = ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET);
    AtomicBoolean armed = new AtomicBoolean();
    List<Long> progress = new CopyOnWriteArrayList<>();
    // the third block's connection is reset: two blocks are stored, the third may or may not be
    TransferOptions p = TransferOptions.builder().progress((done, total) -> {
      progress.add(done);
      if (done == 2L * MB && armed.compareAndSet(false, true)) {
        ws.faults().add(RESET_NEXT_BLOCK);
      }
    }).build();

    w.dbfs().upload("/tmp/retry/bytes.bin", data, false, p);

    assertThat(ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET)).isEqualTo(resetsBefore + 1);
    try (InputStream in = w.dbfs().download("/tmp/retry/bytes.bin")) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(progress).containsSubsequence(2L * MB, 0L, (long) MB, 2L * MB, 3L * MB, 4L * MB, (long) data.length);
  }

  @Test
  void anInterruptedStreamFailsSayingWhatWasStoredAndNeverCompletesTheFile() throws IOException {
    OutputStream out = w.dbfs().open("/tmp/retry/stream.bin", DbfsOpenOptions.write());
    out.write(Payload.bytes(2 * MB, 13));
    ws.faults().add(RESET_NEXT_BLOCK);

    assertThatThrownBy(() -> out.write(Payload.bytes(MB, 14)))
        .isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("Writing dbfs:/tmp/retry/stream.bin failed after 2097152 bytes had been added in 2 blocks")
        .hasMessageContaining("the block of 1048576 bytes at offset 2097152 may or may not have been added")
        .hasMessageContaining("now dbfs:/tmp/retry/stream.bin does not exist")
        .satisfies(e -> assertThat(((TransferInterruptedException) e).bytesTransferred()).isEqualTo(2L * MB));
    out.close();
    assertThatThrownBy(() -> w.dbfs().getStatus("/tmp/retry/stream.bin")).isInstanceOf(NotFound.class);
  }

  @Test
  void anUploadOfAPathInterruptedMidSequenceIsWrittenAgainAsOneCompleteFile(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(4 * MB + 3, 15);
    Path file = tmp.resolve("in.bin");
    Files.write(file, data);
    long resetsBefore = ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET);
    long unavailableBefore = ws.faults().injected(FaultPlan.Fault.UNAVAILABLE);
    AtomicBoolean armed = new AtomicBoolean();
    // the third block of the first attempt is reset, and the close of the second answered 503 once
    TransferOptions p = TransferOptions.builder().progress((done, total) -> {
      if (done == 2L * MB && armed.compareAndSet(false, true)) {
        ws.faults().add(RESET_NEXT_BLOCK);
        ws.faults().add(FaultRule.forPaths("/api/2\\.0/dbfs/close").methods("POST").unavailable(100).limit(1).build());
      }
    }).build();

    counted.dbfs().upload("/tmp/retry-path/data.bin", file, false, p);

    assertThat(ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET)).isEqualTo(resetsBefore + 1);
    assertThat(ws.faults().injected(FaultPlan.Fault.UNAVAILABLE)).isEqualTo(unavailableBefore + 1);
    assertThat(calls("create")).isEqualTo(2);
    assertThat(calls("close")).isEqualTo(1);
    assertThat(w.dbfs().list("/tmp/retry-path", true).stream().map(f -> f.path() + " " + f.fileSize()))
        .containsExactly("/tmp/retry-path/data.bin " + data.length);
    try (InputStream in = w.dbfs().download("/tmp/retry-path/data.bin")) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void anUploadOfAnInputStreamIsNotRetried() {
    AtomicBoolean armed = new AtomicBoolean();
    TransferOptions p = TransferOptions.builder().progress((done, total) -> {
      if (done == 2L * MB && armed.compareAndSet(false, true)) {
        ws.faults().add(RESET_NEXT_BLOCK);
      }
    }).build();

    assertThatThrownBy(() -> counted.dbfs().upload("/tmp/retry/once.bin", Payload.of(4L * MB, 16), true, p))
        .isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("Writing dbfs:/tmp/retry/once.bin failed after 2097152 bytes had been added in 2 blocks")
        .satisfies(e -> assertThat(((TransferInterruptedException) e).bytesTransferred()).isEqualTo(2L * MB));
    assertThat(calls("create")).isEqualTo(1);
    assertThat(calls("add-block")).isEqualTo(3);
    assertThat(calls("close")).isZero();
    assertThatThrownBy(() -> w.dbfs().getStatus("/tmp/retry/once.bin")).isInstanceOf(NotFound.class);
  }
}
