package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumingInputStreamTest {
  private static final byte[] DATA = new byte[10_000];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) (i * 31 + 7);
    }
  }

  /** Serves DATA from a position and drops the connection after {@code cut} bytes, {@code drops} times. */
  private static final class FlakyServer implements ResumingInputStream.Opener {
    final List<Long> opened = new ArrayList<>();
    int drops;
    final int cut;

    FlakyServer(int drops, int cut) {
      this.drops = drops;
      this.cut = cut;
    }

    @Override
    public InputStream open(long position, long end) {
      opened.add(position);
      int from = (int) position;
      int to = end < 0 ? DATA.length : (int) end;
      ByteArrayInputStream body = new ByteArrayInputStream(DATA, from, to - from);
      return drops-- > 0 ? dropping(body, cut) : body;
    }
  }

  private static InputStream dropping(InputStream in, int cut) {
    return new InputStream() {
      int served;

      @Override
      public int read() throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served >= cut) {
          throw new SocketException("Connection reset");
        }
        int n = in.read(b, off, Math.min(len, cut - served));
        served += Math.max(n, 0);
        return n;
      }
    };
  }

  @Test
  void resumesFromTheNextByteAfterADroppedConnection() throws IOException {
    List<Long> opened = new ArrayList<>();
    ResumingInputStream.Opener opener = (pos, end) -> {
      opened.add(pos);
      return new ByteArrayInputStream(DATA, (int) pos, DATA.length - (int) pos);
    };
    InputStream first = dropping(new ByteArrayInputStream(DATA), 4321);
    List<long[]> progress = new ArrayList<>();
    try (ResumingInputStream in = new ResumingInputStream("/f", first, 0, DATA.length, opener, 3,
        new Progress((d, t) -> progress.add(new long[] {d, t}), DATA.length))) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
    assertThat(opened).containsExactly(4321L);
    assertThat(progress.get(progress.size() - 1)).containsExactly(DATA.length, DATA.length);
  }

  @Test
  void aResponseThatEndsEarlyIsResumedToo() throws IOException {
    List<Long> opened = new ArrayList<>();
    ResumingInputStream.Opener opener = (pos, end) -> {
      opened.add(pos);
      return new ByteArrayInputStream(DATA, (int) pos, (int) (end - pos));
    };
    InputStream shortFirst = new ByteArrayInputStream(DATA, 0, 1000);
    try (ResumingInputStream in = new ResumingInputStream("/f", shortFirst, 0, 5000, opener, 3, null)) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(DATA, 5000));
    }
    assertThat(opened).containsExactly(1000L);
  }

  @Test
  void givesUpAfterMaxAttemptsInARowSayingWhereItStopped() {
    ResumingInputStream.Opener opener = (pos, end) -> dropping(new ByteArrayInputStream(DATA), 0);
    ResumingInputStream in = new ResumingInputStream("/Volumes/a/f", dropping(new ByteArrayInputStream(DATA), 100), 0,
        DATA.length, opener, 2, null);
    assertThatThrownBy(in::readAllBytes).isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("/Volumes/a/f").hasMessageContaining("stopped at byte 100")
        .satisfies(e -> assertThat(((TransferInterruptedException) e).bytesTransferred()).isEqualTo(100));
  }

  @Test
  void aFlakyServerIsReadToTheEndAsLongAsEachAttemptMakesProgress() throws IOException {
    FlakyServer server = new FlakyServer(5, 777);
    try (ResumingInputStream in = new ResumingInputStream("/f", null, 0, DATA.length, server, 2, null)) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
    assertThat(server.opened).startsWith(0L, 777L, 1554L);
  }
}
