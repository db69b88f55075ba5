package io.databricks4j.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.RequestBody;
import io.databricks4j.http.testing.LocalHttpServer;
import io.databricks4j.http.testing.RawServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the jdk transport adds to java.net.http, beyond the shared contract. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdkTransportTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeResources() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private <T extends AutoCloseable> T later(T resource) {
    resources.add(resource);
    return resource;
  }

  private JdkTransport transport(HttpTransportOptions.Builder options) {
    return later(new JdkTransport(options.build(), System::getProperty));
  }

  private static HttpTransportOptions.Builder options() {
    return HttpTransportOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3));
  }

  private static HttpRequest get(String url) {
    return HttpRequest.builder("GET", url).build();
  }

  /** A keep-alive server whose every answer has a body of {@code size} bytes; counts its connections. */
  private RawServer keepAliveServer(int size, AtomicInteger connections) {
    return later(RawServer.start(socket -> {
      connections.incrementAndGet();
      OutputStream out = socket.getOutputStream();
      while (RawServer.readHead(socket.getInputStream()) != null) {
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        for (int left = size; left > 0; left -= chunk.length) {
          out.write(chunk, 0, Math.min(left, chunk.length));
        }
        out.flush();
      }
    }));
  }

  @Test
  void closingAShortUnreadBodyReadsItSoTheConnectionIsReused() throws IOException {
    AtomicInteger connections = new AtomicInteger();
    RawServer server = keepAliveServer(10_000, connections);
    JdkTransport transport = transport(options());
    for (int i = 0; i < 3; i++) {
      transport.send(get(server.httpOrigin() + "/small")).close();
    }
    assertThat(connections).hasValue(1);
  }

  @Test
  void closingALongUnreadBodyDropsTheConnectionAtOnce() throws IOException {
    AtomicInteger connections = new AtomicInteger();
    RawServer server = keepAliveServer(64 * 1024 * 1024, connections);
    JdkTransport transport = transport(options());
    for (int i = 0; i < 2; i++) {
      HttpResponse response = transport.send(get(server.httpOrigin() + "/big"));
      long start = System.nanoTime();
      response.close();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }
    assertThat(connections).hasValue(2);
  }

  @Test
  void aResponseHoldsItsConnectionUntilItEnds() throws IOException {
    LocalHttpServer server = later(LocalHttpServer.http());
    JdkTransport transport = transport(options().maxConnections(1).connectTimeout(Duration.ofMillis(300)));

    HttpResponse held = transport.send(HttpRequest.builder("POST", server.origin() + "/echo").body(RequestBody.json("{}")).build());
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport.send(get(server.origin() + "/echo")));
    assertThat(thrown).isInstanceOf(ConnectException.class).hasMessageContaining("connections").hasMessageContaining("in use");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 2_000L);

    assertThat(held.body().readAllBytes()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(transport.freeConnections()).as("the end of the body frees the connection").isEqualTo(1);
    try (HttpResponse next = transport.send(get(server.origin() + "/echo"))) {
      assertThat(next.status()).isEqualTo(200);
    }
    held.close();
    assertThat(transport.freeConnections()).isEqualTo(1);
  }

  @Test
  void everyWayAnExchangeEndsFreesItsConnectionAndWatch() throws Exception {
    LocalHttpServer server = later(LocalHttpServer.http());
    RawServer silent = later(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    JdkTransport transport = transport(options().maxConnections(4).readTimeout(Duration.ofMillis(300)));

    transport.send(get(server.origin() + "/echo")).close();
    transport.send(HttpRequest.builder("PUT", server.origin() + "/echo").body(RequestBody.json("{}")).build()).bodyAsBytes();
    transport.send(get(silent.httpOrigin() + "/")).abort();
    HttpResponse timedOut = transport.send(get(silent.httpOrigin() + "/"));
    assertThatThrownBy(() -> timedOut.body().readAllBytes()).isInstanceOf(java.net.SocketTimeoutException.class);
    assertThatThrownBy(() -> transport.send(get("http://127.0.0.1:1/"))).isInstanceOf(ConnectException.class);

    assertThat(transport.freeConnections()).isEqualTo(4);
    assertThat(transport.watched()).isZero();
    timedOut.close();
  }

  @Test
  void closingTheTransportEndsExchangesInFlight() throws Exception {
    RawServer server = later(RawServer.start(socket -> {
      if (RawServer.readHead(socket.getInputStream()).startsWith("GET /body")) {
        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      }
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    JdkTransport transport = new JdkTransport(options().readTimeout(Duration.ofSeconds(20)).build(), System::getProperty);
    HttpResponse open = transport.send(get(server.httpOrigin() + "/body"));
    assertThat(open.body().read()).isEqualTo('x');
    ExecutorService threads = Executors.newFixedThreadPool(2);
    later(threads::shutdownNow);
    Future<Throwable> reading = threads.submit(() -> catchThrowable(() -> open.body().read()));
    Future<Throwable> waiting = threads.submit(() -> catchThrowable(() -> transport.send(get(server.httpOrigin() + "/headers"))));
    Thread.sleep(300);

    transport.close();

    assertThat(reading.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    assertThat(waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> transport.send(get(server.httpOrigin() + "/"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInterruptWhileReadingTheBodyIsAnInterruptedIOException() throws Exception {
    RawServer server = later(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    JdkTransport transport = transport(options().readTimeout(Duration.ofSeconds(20)));
    HttpResponse response = transport.send(get(server.httpOrigin() + "/"));
    assertThat(response.body().read()).isEqualTo('x');
    Thread caller = Thread.currentThread();
    CompletableFuture.runAsync(caller::interrupt, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    Throwable thrown = catchThrowable(() -> response.body().read());

    assertThat(Thread.interrupted()).isTrue();
    assertThat(thrown).isInstanceOf(InterruptedIOException.class);
    assertThat(transport.freeConnections()).isEqualTo(64);
  }

  @Test
  void connectionsAreNotReusedPastTheirTtl() throws Exception {
    LocalHttpServer server = later(LocalHttpServer.http());
    JdkTransport transport = transport(options().connectionTtl(Duration.ofMillis(300)));
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();
    Thread.sleep(400);
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();

    List<Integer> ports = server.seen().stream().map(LocalHttpServer.Seen::remotePort).toList();
    assertThat(ports.get(1)).isEqualTo(ports.get(0));
    assertThat(ports.get(2)).isNotEqualTo(ports.get(1));
  }

  @Test
  void connectionsIdleLongerThanTheIdleTimeOutAreNotReusedOnJava21AndLater() throws Exception {
    assumeTrue(Clients.canShutDownClients(), "java.net.http cannot shut a client down before Java 21");
    LocalHttpServer server = later(LocalHttpServer.http());
    JdkTransport transport = transport(options().idleTimeout(Duration.ofMillis(300)));
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();
    Thread.sleep(400);
    transport.send(get(server.origin() + "/echo")).bodyAsBytes();

    List<Integer> ports = server.seen().stream().map(LocalHttpServer.Seen::remotePort).toList();
    assertThat(ports.get(1)).isEqualTo(ports.get(0));
    assertThat(ports.get(2)).isNotEqualTo(ports.get(1));
  }

  @Test
  void anInvalidHeaderValueIsRefusedWithoutShowingIt() {
    HttpRequest request = HttpRequest.builder("GET", "http://127.0.0.1:1/").header("Authorization", "Bearer tok-7f3a\nx").build();
    assertThatThrownBy(() -> transport(options()).send(request)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization").hasMessageNotContaining("tok-7f3a");
  }
}
