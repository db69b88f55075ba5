package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bodies stream through the pipeline in both directions; nothing is held in memory whole. */
class StreamingTest {
  private static final long SIZE = 64L * 1024 * 1024;
  /** How far the producer may run ahead of the server: socket buffers, never the whole body. */
  private static final long WINDOW = 16L * 1024 * 1024;

  private final LocalServer server = LocalServer.start().recordBodies(false);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void uploadsABodyLargerThanAnyBufferAsItIsProduced() {
    upload(SIZE);
  }

  @Test
  void uploadsAChunkedBodyOfUnknownLengthAsItIsProduced() {
    upload(-1);
  }

  private void upload(long declaredLength) {
    AtomicLong received = new AtomicLong();
    server.always((ex, req) -> {
      try (InputStream in = ex.getRequestBody()) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) >= 0; ) {
          received.addAndGet(n);
        }
      }
      LocalServer.Reply.of(200, "{}").send(ex, req);
    });
    AtomicBoolean ranAhead = new AtomicBoolean();
    InputStream producer = new InputStream() {
      private long produced;

      @Override
      public int read() {
        throw new UnsupportedOperationException("the pipeline reads in blocks");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (produced >= SIZE) {
          return -1;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (produced - received.get() > WINDOW) {
          if (System.nanoTime() > deadline) {
            ranAhead.set(true);
            throw new IOException("the pipeline read " + produced + " bytes while the server had "
                + received.get() + ": the body is being buffered");
          }
          LockSupport.parkNanos(100_000);
        }
        int n = (int) Math.min(len, SIZE - produced);
        produced += n;
        return n;
      }
    };
    try (HttpPipeline p = HttpPipeline.builder().baseUrl(server.baseUrl()).build();
        HttpResponse r = p.execute(HttpRequest.builder("PUT", "/api/2.0/fs/files/Volumes/c/s/v/big.bin")
            .body(RequestBody.of(producer, declaredLength, RequestBody.OCTET_STREAM)).build())) {
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(ranAhead).isFalse();
    assertThat(received.get()).isEqualTo(SIZE);
  }

  @Test
  void returnsTheResponseBeforeTheServerHasSentTheWholeBody() throws Exception {
    CountDownLatch clientHasResponse = new CountDownLatch(1);
    server.always((ex, req) -> {
      ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[1024]);
        out.flush();
        // the rest only once the caller holds the response: a buffering pipeline never returns
        if (!clientHasResponse.await(30, TimeUnit.SECONDS)) {
          throw new IOException("the pipeline did not return before the body was complete");
        }
        out.write(new byte[8 * 1024 * 1024]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (HttpPipeline p = HttpPipeline.builder().baseUrl(server.baseUrl()).build();
        HttpResponse r = p.execute(HttpRequest.builder("GET", "/api/2.0/fs/files/big.bin").build())) {
      clientHasResponse.countDown();
      long total = 0;
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = r.body()) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          total += n;
        }
      }
      assertThat(total).isEqualTo(1024 + 8 * 1024 * 1024);
    }
  }
}
