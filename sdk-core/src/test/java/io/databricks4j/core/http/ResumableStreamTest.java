package io.databricks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.testing.RawServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HttpPipeline#stream(HttpRequest, boolean)} with {@code resumable}, against a raw loopback
 * server that breaks bodies part-way: resumed from the next byte, within the range asked, only
 * while the file is the same, and abortable whichever connection is current.
 */
@Timeout(60)
class ResumableStreamTest {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  /** How response {@code i} ends: after so many body bytes, with a FIN or a reset, or held open. */
  private record Cut(int bytes, boolean reset, boolean hold) {
    static Cut fin(int bytes) {
      return new Cut(bytes, false, false);
    }

    static Cut reset(int bytes) {
      return new Cut(bytes, true, false);
    }

    static Cut hold(int bytes) {
      return new Cut(bytes, false, true);
    }
  }

  /** The file served: bytes and validators, replaceable between responses. */
  private volatile byte[] data = bytes(1_000_000, 1);
  private volatile String etag = "\"v1\"";
  private volatile String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
  private final Queue<Cut> cuts = new ConcurrentLinkedQueue<>();
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final CountDownLatch dropped = new CountDownLatch(1);
  /** Run after a response was cut: the file may change before the next request. */
  private volatile Runnable afterCut = () -> { };
  private final RawServer server = RawServer.start(this::serve);
  private final HttpPipeline pipeline = HttpPipeline.builder().baseUrl(server.httpOrigin())
      .backoff((n, retryAfter) -> Duration.ofMillis(10)).retryTimeout(Duration.ofSeconds(20)).build();

  @AfterEach
  void stop() {
    pipeline.close();
    server.close();
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed + (i >>> 9));
    }
    return b;
  }

  private void serve(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String head = RawServer.readHead(in);
    if (head == null) {
      return;
    }
    String range = RawServer.header(head, "Range");
    ranges.add(range == null ? "" : range);
    byte[] file = data;
    int from = 0;
    int to = file.length - 1;
    StringBuilder h = new StringBuilder();
    Matcher m = RANGE.matcher(range == null ? "" : range);
    if (m.matches()) {
      from = Integer.parseInt(m.group(1));
      to = m.group(2).isEmpty() ? file.length - 1 : Math.min(file.length - 1, Integer.parseInt(m.group(2)));
      h.append("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes ").append(from).append('-').append(to).append('/')
          .append(file.length);
    } else {
      h.append("HTTP/1.1 200 OK");
    }
    int length = to - from + 1;
    h.append("\r\nContent-Type: application/octet-stream\r\nContent-Length: ").append(length);
    if (etag != null) {
      h.append("\r\nETag: ").append(etag);
    }
    if (lastModified != null) {
      h.append("\r\nLast-Modified: ").append(lastModified);
    }
    h.append("\r\nConnection: close\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    Cut cut = cuts.poll();
    if (cut == null || cut.bytes >= length) {
      out.write(file, from, length);
      out.flush();
      return;
    }
    out.write(file, from, cut.bytes);
    out.flush();
    if (cut.hold) {
      socket.setSoTimeout(20_000);
      try {
        if (in.read() < 0) {
          dropped.countDown();
        }
      } catch (IOException e) {
        dropped.countDown();
      }
      return;
    }
    afterCut.run();
    if (cut.reset) {
      pause(); // lets the client read the head, so the reset breaks the body rather than the status line
      RawServer.reset(socket);
    } else {
      socket.shutdownOutput();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse download(String range) {
    HttpRequest.Builder b = HttpRequest.builder("GET", "/api/2.0/fs/files/Volumes/a/b/c.bin");
    if (range != null) {
      b.header("Range", range);
    }
    return pipeline.stream(b.build(), true);
  }

  private static byte[] readAll(HttpResponse r) throws IOException {
    try (r) {
      return r.body().readAllBytes();
    }
  }

  @Test
  void aBodyBrokenAtSeveralPointsIsResumedFromTheNextByteAndArrivesWhole() throws IOException {
    cuts.addAll(List.of(Cut.fin(100_000), Cut.reset(250_000), Cut.fin(7), Cut.reset(1)));

    assertThat(readAll(download(null))).isEqualTo(data);

    assertThat(ranges).hasSize(5);
    assertThat(ranges.get(0)).isEmpty();
    assertThat(ranges.get(1)).isEqualTo("bytes=100000-");
    // bytes in flight when a connection is reset may be lost: the client asks from what it got
    long previous = 100_000;
    for (String r : ranges.subList(2, 5)) {
      Matcher m = RANGE.matcher(r);
      assertThat(m.matches()).as(r).isTrue();
      assertThat(m.group(2)).isEmpty();
      assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(previous);
      previous = Long.parseLong(m.group(1));
    }
  }

  @Test
  void aRangeAskedForIsResumedWithinThatRange() throws IOException {
    cuts.add(Cut.fin(100_000));

    HttpResponse r = download("bytes=1000-500999");
    assertThat(r.status()).isEqualTo(206);
    assertThat(readAll(r)).isEqualTo(Arrays.copyOfRange(data, 1000, 501_000));

    assertThat(ranges).containsExactly("bytes=1000-500999", "bytes=101000-500999");
  }

  @Test
  void aFileWhoseEtagChangesMidDownloadFailsSayingSo() {
    cuts.add(Cut.fin(300_000));
    afterCut = () -> {
      data = bytes(1_000_000, 2);
      etag = "\"v2\"";
    };

    HttpResponse r = download(null);
    assertThatThrownBy(() -> readAll(r)).isInstanceOf(IOException.class)
        .hasMessageContaining("GET /api/2.0/fs/files/Volumes/a/b/c.bin: the file changed while it was downloaded")
        .hasMessageContaining("it was \"v1\", now \"v2\"")
        .hasMessageContaining("download it again");
    assertThat(ranges).containsExactly("", "bytes=300000-");
  }

  @Test
  void aFileWhoseSizeChangesUnderTheSameLastModifiedFailsSayingSo() {
    etag = null;
    cuts.add(Cut.fin(300_000));
    afterCut = () -> data = bytes(1_200_000, 1);

    HttpResponse r = download("bytes=0-");
    assertThatThrownBy(() -> readAll(r)).isInstanceOf(IOException.class)
        .hasMessageContaining("the file changed while it was downloaded (its size went from 1000000 to 1200000 bytes)");
  }

  @Test
  void aBodyWithoutValidatorIsNotResumed() {
    etag = null;
    lastModified = null;
    cuts.add(Cut.fin(300_000));

    HttpResponse r = download(null);
    assertThatThrownBy(() -> readAll(r)).isInstanceOf(IOException.class);
    assertThat(ranges).containsExactly("");
  }

  @Test
  void givesUpAfterFiveResumesInARowThatDeliverNothing() {
    cuts.add(Cut.fin(1000));
    for (int i = 0; i < 10; i++) {
      cuts.add(Cut.fin(0));
    }

    HttpResponse r = download(null);
    assertThatThrownBy(() -> readAll(r)).isInstanceOf(IOException.class)
        .hasMessageContaining("GET /api/2.0/fs/files/Volumes/a/b/c.bin: the download broke at byte 1000 and 5 resumes in"
            + " a row delivered nothing");
    assertThat(ranges).hasSize(6).last().isEqualTo("bytes=1000-");
  }

  @Test
  void abortDropsTheConnectionOfTheContinuationAndIsNotResumed() throws Exception {
    cuts.add(Cut.fin(1000));
    cuts.add(Cut.hold(100_000));

    HttpResponse r = download(null);
    byte[] got = r.body().readNBytes(2000);
    assertThat(got).isEqualTo(Arrays.copyOf(data, 2000));
    assertThat(ranges).containsExactly("", "bytes=1000-");

    r.abort();

    assertThat(dropped.await(10, TimeUnit.SECONDS)).as("the continuation's connection was closed").isTrue();
    assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class);
    assertThat(ranges).hasSize(2);
  }

  @Test
  void abortFromAnotherThreadStopsAReadWaitingOnTheContinuation() throws Exception {
    cuts.add(Cut.fin(1000));
    cuts.add(Cut.hold(0));

    HttpResponse r = download(null);
    assertThat(r.body().readNBytes(1000)).hasSize(1000);
    Thread aborter = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      r.abort();
    });
    aborter.start();

    assertThatThrownBy(() -> r.body().read(new byte[100])).isInstanceOf(IOException.class);
    aborter.join();
    assertThat(dropped.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ranges).containsExactly("", "bytes=1000-");
  }
}
