package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RangeStreamTest {
  private static final byte[] DATA = new byte[10_000];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) (i * 31 + 7);
    }
  }

  private final AtomicBoolean aborted = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A response whose connection records whether it was closed (reused) or aborted (dropped). */
  private HttpResponse response(InputStream body) {
    return HttpResponse.builder().status(206).body(body).onClose(() -> closed.set(true))
        .onAbort(() -> aborted.set(true)).build();
  }

  private static RangeStream.Opener never() {
    return (start, end) -> {
      throw new AssertionError("no second request");
    };
  }

  @Test
  void aResponseReadToItsEndIsClosedSoItsConnectionIsReused() throws IOException {
    try (RangeStream in = new RangeStream("/f", response(new ByteArrayInputStream(DATA)), 0, DATA.length, never(),
        null)) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
    assertThat(closed).isTrue();
    assertThat(aborted).isFalse();
  }

  @Test
  void anEndBroughtForwardDropsTheResponseInsteadOfReadingTheRest() throws IOException {
    ByteArrayInputStream body = new ByteArrayInputStream(DATA);
    try (RangeStream in = new RangeStream("/f", response(body), 0, DATA.length, never(), null)) {
      assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOf(DATA, 1000));
      in.limit(4000);
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 1000, 4000));
      assertThat(in.position()).isEqualTo(4000);
    }
    assertThat(aborted).isTrue();
    assertThat(body.available()).isEqualTo(DATA.length - 4000);
  }

  @Test
  void aFailedBodyFailsTheStreamSayingWhereItStoppedAndDropsTheConnection() {
    InputStream breaking = new InputStream() {
      private int served;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served >= 100) {
          throw new SocketException("Connection reset");
        }
        int n = Math.min(len, 100 - served);
        served += n;
        return n;
      }
    };
    RangeStream in = new RangeStream("/Volumes/a/f", response(breaking), 500, 2000, never(), null);

    assertThatThrownBy(in::readAllBytes).isInstanceOf(TransferInterruptedException.class)
        .hasMessage("the download of /Volumes/a/f stopped at byte 600 of the range ending at byte 2000: Connection reset")
        .satisfies(e -> assertThat(((TransferInterruptedException) e).bytesTransferred()).isEqualTo(600));
    assertThat(aborted).isTrue();
  }

  @Test
  void aBodyThatEndsBeforeItsRangeFails() {
    RangeStream in = new RangeStream("/f", response(new ByteArrayInputStream(DATA, 0, 300)), 0, 1000, never(), null);

    assertThatThrownBy(in::readAllBytes).isInstanceOf(TransferInterruptedException.class)
        .hasMessageContaining("the response ended at byte 300, before byte 1000");
  }

  @Test
  void aPartIsRequestedOnItsFirstReadAndNeverOnceAborted() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    RangeStream.Opener opener = (start, end) -> {
      requests.incrementAndGet();
      return response(new ByteArrayInputStream(DATA, (int) start, (int) (end - start)));
    };
    RangeStream part = new RangeStream("/f", null, 2000, 3000, opener, null);
    assertThat(requests).hasValue(0);
    assertThat(part.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 2000, 3000));
    assertThat(requests).hasValue(1);

    RangeStream stopped = new RangeStream("/f", null, 2000, 3000, opener, null);
    stopped.abort();
    assertThatThrownBy(stopped::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    assertThat(requests).hasValue(1);
  }
}
