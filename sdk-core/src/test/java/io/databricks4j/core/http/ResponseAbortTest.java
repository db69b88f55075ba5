package io.databricks4j.core.http;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A body abandoned part-way: abort() drops the connection, close() reads the rest. */
@Timeout(60)
class ResponseAbortTest {
  private static final long BODY = 256L << 20; // far more than the test reads
  private HttpServer server;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch writerDone = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/big", ex -> {
      ex.sendResponseHeaders(200, BODY);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = ex.getResponseBody()) {
        for (long sent = 0; sent < BODY; sent += chunk.length) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (IOException dropped) {
        // the client went away
      } finally {
        writerDone.countDown();
      }
    });
    server.createContext("/small", ex -> {
      byte[] ok = "{}".getBytes();
      ex.sendResponseHeaders(200, ok.length);
      ex.getResponseBody().write(ok);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void abortDropsTheConnectionWithoutReadingTheRest() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (HttpPipeline p = HttpPipeline.builder().baseUrl(base).build()) {
      HttpResponse r = p.execute(HttpRequest.builder("GET", "/big").build());
      assertThat(r.abortable()).isTrue();
      assertThat(r.body().readNBytes(1024)).hasSize(1024);
      r.abort();
      assertThat(writerDone.await(30, TimeUnit.SECONDS)).as("the server saw the connection drop").isTrue();
      assertThat(written.get()).isLessThan(BODY);
      // the pool is still usable: the next call opens a new connection
      assertThat(p.execute(HttpRequest.builder("GET", "/small").build()).bodyAsString()).isEqualTo("{}");
    }
  }

  @Test
  void aResponseWithoutAnAbortHookClosesInstead() {
    boolean[] closed = {false};
    HttpResponse r = HttpResponse.builder().body(new byte[] {1, 2}).onClose(() -> closed[0] = true).build();
    assertThat(r.abortable()).isFalse();
    r.abort();
    assertThat(closed[0]).isTrue();
  }
}
