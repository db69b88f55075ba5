package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ParallelDownloadStreamTest {
  private static final int PART = 1024;
  private static final byte[] DATA = new byte[20_000];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) (i ^ (i >>> 8));
    }
  }

  /** The first response: all of DATA, counting what was read of it and whether it was closed. */
  private static final class FirstResponse extends ByteArrayInputStream {
    boolean closed;

    FirstResponse() {
      super(DATA);
    }

    int served() {
      return pos;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A response whose connection can be dropped part-way: abort() closes the body without reading it. */
  private static HttpResponse response(InputStream body) {
    return HttpResponse.builder().status(206).body(body).onAbort(() -> {
      try {
        body.close();
      } catch (java.io.IOException ignored) {
        // the test bodies close without failing
      }
    }).build();
  }

  private static HttpResponse range(long start, long end) {
    return response(new ByteArrayInputStream(DATA, (int) start, (int) (end - start)));
  }

  private static ParallelDownloadStream download(InputStream first, Duration threshold, int parallelism,
      ParallelDownloadStream.PartOpener parts, Progress progress) {
    RangeStream head = new RangeStream("/f", response(first), 0, DATA.length, ParallelDownloadStreamTest::range, null);
    return new ParallelDownloadStream("/f", head, DATA.length, PART, parallelism, new SwitchPolicy(PART, threshold),
        parts, progress);
  }

  private static RangeStream part(long start, long end) {
    return new RangeStream("/f", null, start, end, ParallelDownloadStreamTest::range, null);
  }

  /** Reads {@code in} to its end 100 bytes at a time, so that where it goes parallel is known. */
  private static byte[] readBy100(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[100];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void staysOneStreamWhileItIsFastForTheSizeOfTheFile() throws IOException {
    List<Long> opened = new CopyOnWriteArrayList<>();
    FirstResponse first = new FirstResponse();
    try (ParallelDownloadStream in = download(first, Duration.ofDays(365), 4, (s, e) -> {
      opened.add(s);
      return part(s, e);
    }, new Progress(ProgressListener.NONE, DATA.length))) {
      assertThat(readBy100(in)).isEqualTo(DATA);
    }
    assertThat(opened).isEmpty();
    assertThat(first.served()).isEqualTo(DATA.length);
  }

  @Test
  void aSlowStreamIsJoinedByPartsJustAheadAndStopsWhereTheyBegin() throws IOException {
    List<long[]> opened = new CopyOnWriteArrayList<>();
    List<Long> done = new CopyOnWriteArrayList<>();
    FirstResponse first = new FirstResponse();
    try (ParallelDownloadStream in = download(first, Duration.ZERO, 3, (s, e) -> {
      opened.add(new long[] {s, e});
      return part(s, e);
    }, new Progress((d, t) -> done.add(d), DATA.length))) {
      assertThat(readBy100(in)).isEqualTo(DATA);
    }
    // the warm-up of one part ends at byte 1100 (reads of 100); the first stream reads one part more
    assertThat(first.served()).isEqualTo(1100 + PART);
    assertThat(first.closed).isTrue();
    List<Long> starts = new ArrayList<>();
    long expected = 1100 + PART;
    for (long[] p : opened.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList()) {
      assertThat(p[0]).isEqualTo(expected);
      assertThat(p[1] - p[0]).isEqualTo(Math.min(PART, DATA.length - p[0]));
      starts.add(p[0]);
      expected = p[1];
    }
    assertThat(expected).isEqualTo(DATA.length);
    assertThat(opened).extracting(p -> p[0]).containsExactlyElementsOf(starts);
    assertThat(done).isSorted().last().isEqualTo((long) DATA.length);
  }

  @Test
  void aFailedPartFailsTheRead() {
    ParallelDownloadStream in = download(new FirstResponse(), Duration.ZERO, 3,
        (s, e) -> new RangeStream("/f", null, s, e, (p, x) -> {
          throw new DatabricksException("part at " + p + " failed");
        }, null), new Progress(ProgressListener.NONE, DATA.length));
    assertThatThrownBy(() -> readBy100(in)).isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("part at " + (1100 + PART) + " failed");
    in.close();
  }

  @Test
  void aClosedDownloadCannotBeReadAndItsPartsAreStopped() throws IOException {
    List<RangeStream> parts = new CopyOnWriteArrayList<>();
    ParallelDownloadStream in = download(new FirstResponse(), Duration.ZERO, 3, (s, e) -> {
      RangeStream p = part(s, e);
      parts.add(p);
      return p;
    }, new Progress(ProgressListener.NONE, DATA.length));
    byte[] buf = new byte[100];
    for (int i = 0; i < 40; i++) {
      assertThat(in.readNBytes(buf, 0, 100)).isEqualTo(100);
    }
    in.close();
    assertThatThrownBy(() -> in.read(buf)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    for (RangeStream p : parts) {
      assertThatThrownBy(() -> p.read(buf)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
  }
}
