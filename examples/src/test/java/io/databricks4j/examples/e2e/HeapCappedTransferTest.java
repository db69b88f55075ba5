package io.databricks4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.catalog.CreateVolumeRequestContent;
import io.databricks4j.service.catalog.VolumeType;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 256 MiB up and down through DBFS and through the Files API in a JVM whose heap is capped at
 * 64 MiB (the {@code heap-capped} surefire execution), the local workspace included: the data is
 * made as it is read and compared by SHA-256, so nothing holds it whole. Prints the time and the
 * heap still in use half-way through each transfer, after a collection.
 */
class HeapCappedTransferTest {
  private static final long SIZE = 256L * 1024 * 1024;
  private static final long MIB = 1024 * 1024;
  private static LocalWorkspace ws;
  private static WorkspaceClient w;

  @BeforeAll
  static void start() {
    assertThat(Runtime.getRuntime().maxMemory()).as("this test runs with -Xmx64m").isLessThanOrEqualTo(64 * MIB);
    // the emulator moves DBFS blocks in 64 KiB slices, so its default thread count fits the direct
    // memory limit (= -Xmx) of this JVM too
    ws = LocalWorkspace.builder().start();
    w = ws.client();
    w.volumes().create(CreateVolumeRequestContent.builder().catalogName("main").schemaName("default").name("big")
        .volumeType(VolumeType.MANAGED).build());
    w.clusters().sparkVersions(); // client and workspace warmed up: what is in use now is not the transfers'
    System.gc();
    System.out.printf(Locale.ROOT, "heap in use before any transfer (local workspace, client): %d MiB%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB);
  }

  @AfterAll
  static void stop() {
    w.close();
    ws.close();
  }

  @Test
  void dbfsStreams256MiBBothWaysInA64MiBHeap() {
    String expected = roundTrip("DBFS",
        digest -> w.dbfs().upload("dbfs:/big/data.bin", digest, true),
        () -> w.dbfs().download("dbfs:/big/data.bin"));
    assertThat(w.dbfs().getStatus("/big/data.bin").fileSize()).isEqualTo(SIZE);
    assertThat(expected).isNotEmpty();
  }

  @Test
  void filesApiStreams256MiBBothWaysInParallelRangesInA64MiBHeap() {
    roundTrip("Files API",
        digest -> w.files().upload("/Volumes/main/default/big/data.bin", digest, true),
        // parallel from the first part on (loopback is never slow enough to switch by itself): the
        // parts in flight are what a parallel download holds, 4 x 4 MiB by default
        () -> w.files().download("/Volumes/main/default/big/data.bin",
            TransferOptions.builder().parallelThreshold(Duration.ZERO).build()).contents());
    assertThat(w.files().getMetadata("/Volumes/main/default/big/data.bin").contentLength()).isEqualTo(SIZE);
  }

  private static String roundTrip(String what, Consumer<InputStream> upload, Supplier<InputStream> download) {
    MessageDigest sent = Payload.digest();
    Midpoint up = new Midpoint(new DigestInputStream(Payload.of(SIZE, 42), sent));
    long t0 = System.nanoTime();
    upload.accept(up);
    long t1 = System.nanoTime();
    String sentSha = HexFormat.of().formatHex(sent.digest());
    Midpoint down = new Midpoint(download.get());
    String receivedSha = Payload.sha256(down);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%-9s 256 MiB, -Xmx%d MiB: upload %.1f s (%.0f MiB/s, live heap at half-way %d MiB),"
            + " download %.1f s (%.0f MiB/s, live heap at half-way %d MiB)%n",
        what, Runtime.getRuntime().maxMemory() / MIB, (t1 - t0) / 1e9, 256 / ((t1 - t0) / 1e9), up.liveHeap / MIB,
        (t2 - t1) / 1e9, 256 / ((t2 - t1) / 1e9), down.liveHeap / MIB);
    assertThat(receivedSha).isEqualTo(sentSha).isEqualTo(Payload.sha256(SIZE, 42));
    assertThat(up.liveHeap).isPositive();
    assertThat(down.liveHeap).isPositive();
    return receivedSha;
  }

  /**
   * Passes a stream through and, once half of it has gone by, collects garbage and notes the heap
   * still in use: whatever the transfer holds (client and local workspace alike) is in it.
   */
  private static final class Midpoint extends FilterInputStream {
    private long seen;
    long liveHeap;

    Midpoint(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && seen < SIZE / 2 && (seen += n) >= SIZE / 2) {
        System.gc();
        liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      }
      return n;
    }
  }
}
