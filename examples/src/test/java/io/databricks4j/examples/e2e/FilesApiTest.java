package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.error.AlreadyExists;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.NotFound;
import io.databricks4j.mixin.files.TransferInterruptedException;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.service.files.DirectoryEntry;
import io.databricks4j.service.files.DownloadResponse;
import io.databricks4j.testkit.FaultPlan;
import io.databricks4j.testkit.FaultRule;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Files API helpers end to end against the testkit, and against a server that breaks responses. */
class FilesApiTest {
  private static final String DIR = "/Volumes/main/default/files-api-test";
  private static final Pattern PART = Pattern.compile("bytes=(\\d+)-(\\d+)");
  private static LocalWorkspace ws;
  private static WorkspaceClient w;
  /** A client that waits 10 ms between attempts, for the tests that retry on purpose. */
  private static WorkspaceClient fast;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    w = ws.client();
    fast = new WorkspaceClient(ws.configBuilder()
        .httpOptions(HttpOptions.builder().retryBackoff((n, retryAfter) -> Duration.ofMillis(10)).build()).build());
    // the Files API serves paths in existing volumes only, as the service does
    w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default").name("files-api-test")
        .volumeType(VolumeType.MANAGED).build());
  }

  @AfterAll
  static void stop() {
    fast.close();
    w.close();
    ws.close();
  }

  @AfterEach
  void noFaults() {
    ws.faults().clear();
  }

  @Test
  void uploadsFromStreamPathAndBytesAndDownloadsWithHeadersAndProgress(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(300_000, 1);
    Path file = tmp.resolve("in.bin");
    Files.write(file, data);
    List<long[]> up = new CopyOnWriteArrayList<>();
    TransferOptions progress = TransferOptions.builder().progress((d, t) -> up.add(new long[] {d, t})).build();

    w.files().upload(DIR + "/stream.bin", new ByteArrayInputStream(data), true, progress);
    assertThat(up.get(up.size() - 1)).containsExactly(data.length, -1);
    up.clear();
    w.files().upload(DIR + "/path.bin", file, true, progress);
    assertThat(up.get(up.size() - 1)).containsExactly(data.length, data.length);
    w.files().upload(DIR + "/bytes.bin", data, true);

    for (String name : List.of("stream.bin", "path.bin", "bytes.bin")) {
      DownloadResponse r = w.files().download(DIR + "/" + name);
      assertThat(r.contentLength()).isEqualTo(data.length);
      assertThat(r.contentType()).isEqualTo("application/octet-stream");
      assertThat(r.lastModified()).isNotBlank();
      try (InputStream in = r.contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
  }

  @Test
  void largeDownloadsFetchRangesInParallelToAStreamAndToAFile(@TempDir Path tmp) {
    long size = 5L * 1024 * 1024 + 123;
    w.files().upload(DIR + "/large.bin", Payload.of(size, 2), true);
    List<long[]> down = new CopyOnWriteArrayList<>();
    TransferOptions parts = TransferOptions.builder().partSize(512 * 1024).parallelism(4)
        .parallelThreshold(Duration.ZERO).progress((d, t) -> down.add(new long[] {d, t})).build();

    assertThat(Payload.sha256(w.files().download(DIR + "/large.bin", parts).contents())).isEqualTo(Payload.sha256(size, 2));
    assertThat(down).extracting(p -> p[0]).isSorted();
    assertThat(down.get(down.size() - 1)).containsExactly(size, size);

    Path target = tmp.resolve("large.bin");
    w.files().download(DIR + "/large.bin", target, parts);
    assertThat(Payload.sha256(Payload.of(size, 2))).isEqualTo(sha256(target));
    try (var listing = Files.list(tmp)) {
      assertThat(listing).containsExactly(target);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anEmptyFileDownloadsAsNoBytes(@TempDir Path tmp) throws IOException {
    w.files().upload(DIR + "/empty.bin", new byte[0], true);
    try (InputStream in = w.files().download(DIR + "/empty.bin").contents()) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    w.files().download(DIR + "/empty.bin", tmp.resolve("empty.bin"));
    assertThat(Files.size(tmp.resolve("empty.bin"))).isZero();
  }

  @Test
  void aMissingFileIsNotFoundNeverNull(@TempDir Path tmp) {
    assertThatThrownBy(() -> w.files().getMetadata(DIR + "/missing.bin")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.files().download(DIR + "/missing.bin")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> w.files().download(DIR + "/missing.bin", tmp.resolve("x"))).isInstanceOf(NotFound.class);
    assertThat(tmp.resolve("x")).doesNotExist();
    assertThatThrownBy(() -> w.files().listDirectoryContents(DIR + "/missing-dir").iterator().hasNext())
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anExistingFileIsNotOverwrittenUnlessAsked() {
    w.files().upload(DIR + "/once.bin", new byte[] {1}, true);
    assertThatThrownBy(() -> w.files().upload(DIR + "/once.bin", new ByteArrayInputStream(new byte[] {2}), false))
        .isInstanceOf(DatabricksError.class).satisfies(e -> assertThat(((DatabricksError) e).statusCode()).isEqualTo(409));
    assertThatThrownBy(() -> w.files().upload(DIR + "/once.bin", new byte[] {2}, false)).isInstanceOf(AlreadyExists.class);
  }

  @Test
  void anInterruptedUploadOfAPathIsSentAgainAndCompletes(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(3 * 1024 * 1024, 3);
    Path file = tmp.resolve("retry.bin");
    Files.write(file, data);
    long resetsBefore = ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET);
    ws.faults().add(FaultRule.forPaths("/api/2\\.0/fs/files/.*").methods("PUT").connectionReset(100).limit(1).build());
    List<Long> progress = new CopyOnWriteArrayList<>();

    fast.files().upload(DIR + "/retry.bin", file, false, TransferOptions.builder().progress((d, t) -> progress.add(d)).build());

    assertThat(ws.faults().injected(FaultPlan.Fault.CONNECTION_RESET)).isEqualTo(resetsBefore + 1);
    try (InputStream in = w.files().download(DIR + "/retry.bin").contents()) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(progress).contains(0L).last().isEqualTo((long) data.length);
  }

  @Test
  void anUploadOfAPathAnswered503IsSentAgainAndMakesOneCompleteFile(@TempDir Path tmp) throws IOException {
    String dir = DIR + "/retry-503";
    w.files().createDirectory(dir);
    byte[] data = Payload.bytes(2 * 1024 * 1024 + 5, 14);
    Path file = tmp.resolve("in.bin");
    Files.write(file, data);
    long before = ws.faults().injected(FaultPlan.Fault.UNAVAILABLE);
    ws.faults().add(FaultRule.forPaths("/api/2\\.0/fs/files/.*").methods("PUT").unavailable(100).limit(1).build());
    List<Long> progress = new CopyOnWriteArrayList<>();

    fast.files().upload(dir + "/data.bin", file, false, TransferOptions.builder().progress((d, t) -> progress.add(d))
        .build());

    assertThat(ws.faults().injected(FaultPlan.Fault.UNAVAILABLE)).isEqualTo(before + 1);
    assertThat(w.files().list(dir, true).stream().map(e -> e.path() + " " + e.fileSize()))
        .containsExactly(dir + "/data.bin " + data.length);
    try (InputStream in = w.files().download(dir + "/data.bin").contents()) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(progress).last().isEqualTo((long) data.length);
  }

  @Test
  void anInterruptedUploadOfAStreamFailsSayingWhatWasSentAndWhatIsThere() {
    long size = 3L * 1024 * 1024;
    ws.faults().add(FaultRule.forPaths("/api/2\\.0/fs/files/.*").methods("PUT").connectionReset(100).limit(1).build());

    assertThatThrownBy(() -> w.files().upload(DIR + "/stream-reset.bin", Payload.of(size, 4), false))
        .isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("The upload of " + DIR + "/stream-reset.bin failed after")
        .hasMessageContaining("bytes had been sent")
        .hasMessageContaining("cannot be read a second time")
        .hasMessageContaining("Now " + DIR + "/stream-reset.bin does not exist")
        .satisfies(e -> {
          TransferInterruptedException t = (TransferInterruptedException) e;
          assertThat(t.bytesTransferred()).isPositive().isLessThanOrEqualTo(size);
          assertThat(t.remoteSize()).isEmpty();
        });
  }

  @Test
  void aDroppedDownloadResumesFromTheNextByte() throws IOException {
    byte[] data = Payload.bytes(2_000_000, 5);
    try (RangeServer server = new RangeServer(data, true, false, 700_000); WorkspaceClient c = server.client()) {
      TransferOptions single = TransferOptions.builder().parallelism(1).build();
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin", single).contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      assertThat(server.rangesAsked).containsExactly("", "bytes=700000-");
    }
  }

  @Test
  void aResetConnectionIsResumedFromWhatArrived() throws IOException {
    byte[] data = Payload.bytes(3_000_000, 9);
    try (RangeServer server = new RangeServer(data, true, true, 1_500_000, 1_000); WorkspaceClient c = server.client()) {
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin", TransferOptions.builder().parallelism(1).build())
          .contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      assertThat(server.rangesAsked).hasSize(3).first().isEqualTo("");
      assertThat(server.rangesAsked.subList(1, 3)).allMatch(r -> r.matches("bytes=[1-9]\\d*-"));
    }
  }

  @Test
  void aDownloadBrokenAtSeveralPointsArrivesWholeAsAStreamAndToAFile(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(3_000_000, 15);
    try (RangeServer server = new RangeServer(data, true, false, 100_000, 400_000, 7, 1);
        WorkspaceClient c = server.client()) {
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin", TransferOptions.builder().parallelism(1).build())
          .contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      assertThat(server.rangesAsked).containsExactly("", "bytes=100000-", "bytes=500000-", "bytes=500007-",
          "bytes=500008-");
    }
    // in parallel to a file: the first stream and two of the parts break, each is resumed within its range
    try (RangeServer server = new RangeServer(data, true, false).cut("bytes=0-", 300_000)
        .cut("bytes=2500000-2999999", 100_000).cut("bytes=2000000-2499999", 1);
        WorkspaceClient c = server.client()) {
      TransferOptions parts = TransferOptions.builder().partSize(500_000).parallelism(3)
          .parallelThreshold(Duration.ZERO).build();
      c.files().download("/Volumes/a/b/c.bin", tmp.resolve("c.bin"), parts);
      assertThat(Files.readAllBytes(tmp.resolve("c.bin"))).isEqualTo(data);
      assertThat(server.rangesAsked).startsWith("bytes=0-", "bytes=300000-")
          .contains("bytes=2600000-2999999", "bytes=2000001-2499999");
    }
  }

  @Test
  void aFileThatChangesWhileItIsDownloadedFailsSayingSo(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(2_000_000, 16);
    try (RangeServer server = new RangeServer(data, true, false, 700_000).modifiedFrom(1);
        WorkspaceClient c = server.client()) {
      InputStream in = c.files().download("/Volumes/a/b/c.bin", TransferOptions.builder().parallelism(1).build())
          .contents();
      assertThatThrownBy(() -> Payload.sha256(in)).isInstanceOf(TransferInterruptedException.class)
          .hasMessageContaining("the download of /Volumes/a/b/c.bin stopped at byte 700000")
          .hasMessageContaining("the file changed while it was downloaded (it was Wed, 21 Oct 2015 07:28:00 GMT, now"
              + " Thu, 22 Oct 2015 07:28:00 GMT); download it again");
      in.close();
    }
    // a ranged part of another version of the file is refused before a byte of it is written
    try (RangeServer server = new RangeServer(data, true, false).modifiedFrom(1); WorkspaceClient c = server.client()) {
      TransferOptions parts = TransferOptions.builder().partSize(64 * 1024).parallelThreshold(Duration.ZERO).build();
      assertThatThrownBy(() -> c.files().download("/Volumes/a/b/c.bin", tmp.resolve("c.bin"), parts))
          .isInstanceOf(TransferInterruptedException.class)
          .hasMessageContaining("the file /Volumes/a/b/c.bin changed while it was being downloaded (its Last-Modified"
              + " went from Wed, 21 Oct 2015 07:28:00 GMT to Thu, 22 Oct 2015 07:28:00 GMT); download it again");
      try (var listing = Files.list(tmp)) {
        assertThat(listing).isEmpty();
      }
    }
  }

  @Test
  void aDroppedPartOfAParallelDownloadResumesWithinItsRange(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(3_000_000, 6);
    try (RangeServer server = new RangeServer(data, true, false).cut("bytes=2500000-2999999", 100_000);
        WorkspaceClient c = server.client()) {
      TransferOptions parts = TransferOptions.builder().partSize(500_000).parallelism(2)
          .parallelThreshold(Duration.ZERO).build();
      c.files().download("/Volumes/a/b/c.bin", tmp.resolve("c.bin"), parts);
      assertThat(Files.readAllBytes(tmp.resolve("c.bin"))).isEqualTo(data);
      assertThat(server.rangesAsked).startsWith("bytes=0-")
          .contains("bytes=2500000-2999999", "bytes=2600000-2999999");
    }
  }

  @Test
  void aFastDownloadIsOneStreamingRequest(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(2_000_000, 10);
    try (RangeServer server = new RangeServer(data, true, false); WorkspaceClient c = server.client()) {
      TransferOptions neverSlow = TransferOptions.builder().partSize(64 * 1024).parallelThreshold(Duration.ofDays(1))
          .build();
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin", neverSlow).contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      c.files().download("/Volumes/a/b/c.bin", tmp.resolve("c.bin"), neverSlow);
      assertThat(Files.readAllBytes(tmp.resolve("c.bin"))).isEqualTo(data);
      assertThat(server.rangesAsked).containsExactly("bytes=0-", "bytes=0-");
    }
  }

  @Test
  @Timeout(60)
  void aSlowStreamIsJoinedByRangedPartsJustAheadAndDroppedWhereTheyBegin() throws IOException {
    byte[] data = Payload.bytes(2_000_000, 11);
    // the first response stops after 1 MB until the client drops it: one that read it to its end would wait here
    try (RangeServer server = new RangeServer(data, true, false).holdOpenEnded(1_000_000);
        WorkspaceClient c = server.client()) {
      List<Long> progress = new CopyOnWriteArrayList<>();
      TransferOptions slow = TransferOptions.builder().partSize(64 * 1024).parallelism(3)
          .parallelThreshold(Duration.ZERO).progress((d, t) -> progress.add(d)).build();
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin", slow).contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      assertThat(server.rangesAsked.get(0)).isEqualTo("bytes=0-");
      List<long[]> parts = parts(server.rangesAsked.subList(1, server.rangesAsked.size()));
      assertThat(parts).isNotEmpty().allSatisfy(p -> assertThat(p[1] - p[0]).isLessThanOrEqualTo(64 * 1024));
      assertThat(parts.get(0)[0]).isBetween(2 * 64 * 1024L, 1_000_000L);
      assertContiguousTo(parts, data.length);
      assertThat(server.awaitDropped(1)).isTrue();
      assertThat(progress).isSorted().last().isEqualTo((long) data.length);
    }
  }

  @Test
  void aSlowDownloadToAFileTakesPartsFromTheEndBackwards(@TempDir Path tmp) throws IOException {
    byte[] data = Payload.bytes(2_000_000, 12);
    try (RangeServer server = new RangeServer(data, true, false); WorkspaceClient c = server.client()) {
      TransferOptions slow = TransferOptions.builder().partSize(64 * 1024).parallelism(3)
          .parallelThreshold(Duration.ZERO).build();
      c.files().download("/Volumes/a/b/c.bin", tmp.resolve("c.bin"), slow);
      assertThat(Files.readAllBytes(tmp.resolve("c.bin"))).isEqualTo(data);
      assertThat(server.rangesAsked.get(0)).isEqualTo("bytes=0-");
      assertThat(server.rangesAsked).contains("bytes=1934464-1999999", "bytes=1868928-1934463");
      List<long[]> parts = parts(server.rangesAsked.subList(1, server.rangesAsked.size()));
      assertThat(parts).allSatisfy(p -> assertThat(p[1] - p[0]).isEqualTo(64 * 1024));
      assertContiguousTo(parts, data.length);
    }
  }

  @Test
  @Timeout(60)
  void closingADownloadPartWayDropsTheConnectionInsteadOfReadingTheRest() throws IOException {
    byte[] data = Payload.bytes(2_000_000, 13);
    try (RangeServer server = new RangeServer(data, true, false).holdOpenEnded(500_000);
        WorkspaceClient c = server.client()) {
      for (TransferOptions o : List.of(TransferOptions.defaults(), TransferOptions.builder().parallelism(1).build())) {
        try (InputStream in = c.files().download("/Volumes/a/b/c.bin", o).contents()) {
          assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOf(data, 1000));
        }
      }
      assertThat(server.rangesAsked).containsExactly("bytes=0-", "");
      assertThat(server.awaitDropped(2)).isTrue();
    }
  }

  /** {@code bytes=S-E} headers as {@code [S, E + 1)}, in file order. */
  private static List<long[]> parts(List<String> ranges) {
    return ranges.stream().map(r -> {
      Matcher m = PART.matcher(r);
      assertThat(m.matches()).as(r).isTrue();
      return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) + 1};
    }).sorted(Comparator.comparingLong(p -> p[0])).toList();
  }

  private static void assertContiguousTo(List<long[]> parts, long end) {
    for (int i = 1; i < parts.size(); i++) {
      assertThat(parts.get(i)[0]).as("part %d starts where part %d ends", i, i - 1).isEqualTo(parts.get(i - 1)[1]);
    }
    assertThat(parts.get(parts.size() - 1)[1]).isEqualTo(end);
  }

  @Test
  void aServerWithoutRangesIsReadAsOneStreamAndResumedBySkipping() throws IOException {
    byte[] data = Payload.bytes(1_500_000, 7);
    try (RangeServer server = new RangeServer(data, false, true, 600_000); WorkspaceClient c = server.client()) {
      try (InputStream in = c.files().download("/Volumes/a/b/c.bin").contents()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      assertThat(server.rangesAsked).hasSize(2);
    }
  }

  @Test
  void aDownloadThatKeepsDroppingFailsSayingWhereItStopped() {
    byte[] data = Payload.bytes(1_000_000, 8);
    try (RangeServer server = new RangeServer(data, true, false, 10_000, 0, 0, 0, 0, 0, 0, 0);
        WorkspaceClient c = server.client()) {
      TransferOptions single = TransferOptions.builder().parallelism(1).build();
      assertThatThrownBy(() -> Payload.sha256(c.files().download("/Volumes/a/b/c.bin", single).contents()))
          .isInstanceOf(TransferInterruptedException.class)
          .hasMessageContaining("the download of /Volumes/a/b/c.bin stopped at byte 10000")
          .hasMessageContaining("5 resumes in a row delivered nothing")
          .satisfies(e -> assertThat(((TransferInterruptedException) e).bytesTransferred()).isEqualTo(10_000L));
      assertThat(server.rangesAsked).hasSize(6);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void directoriesAreCreatedListedLazilyAndRecursivelyAndDeletedRecursively() {
    String root = DIR + "/tree";
    w.files().createDirectory(root + "/a/b");
    w.files().upload(root + "/top.txt", new byte[] {1}, true);
    w.files().upload(root + "/a/one.txt", new byte[] {1, 2}, true);
    w.files().upload(root + "/a/b/two.txt", new byte[] {1, 2, 3}, true);
    w.files().upload(root + "/a/b/three.txt", new byte[] {1, 2, 3}, true);
    w.files().upload(root + "/a/b/four.txt", new byte[] {1, 2, 3}, true);

    assertThat(w.files().list(root, false).stream().map(DirectoryEntry::path)).containsExactlyInAnyOrder(
        root + "/a", root + "/top.txt");
    assertThat(w.files().list(root, true).stream().map(DirectoryEntry::path)).containsExactlyInAnyOrder(
        root + "/a", root + "/a/b", root + "/a/b/two.txt", root + "/a/b/three.txt", root + "/a/b/four.txt",
        root + "/a/one.txt", root + "/top.txt");

    w.files().deleteDirectory(root, true);
    assertThatThrownBy(() -> w.files().getDirectoryMetadata(root)).isInstanceOf(NotFound.class);
  }

  private static String sha256(Path p) {
    try {
      return Payload.sha256(Files.newInputStream(p));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
