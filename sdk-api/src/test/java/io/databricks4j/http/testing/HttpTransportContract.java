package io.databricks4j.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.databricks4j.error.ConfigException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.HttpTransportProvider;
import io.databricks4j.http.NameResolver;
import io.databricks4j.http.ProxySettings;
import io.databricks4j.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link HttpTransport} runs, over real loopback HTTP: extend it in the
 * transport module's tests and implement {@link #createTransport}. It checks the exchange (methods,
 * headers, query, bodies both ways, streaming in bounded memory), the failure classes the pipeline
 * relies on (see {@link HttpTransport}), the read time-out, abort, the pool limit, TLS and the
 * proxy.
 *
 * <p>The proxy tests send {@code Proxy-Authorization: Basic} inside a {@code CONNECT}; a transport
 * on {@code java.net.http} needs the JVM started with {@code -Djdk.http.auth.tunneling.disabledSchemes=}
 * for that, which its module's test configuration sets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class HttpTransportContract {
  /** Put into secrets; it must not show up in {@code toString} or exception messages. */
  protected static final String CANARY = "canary-5e1d0b";
  private static final int MIB = 1024 * 1024;

  private final List<AutoCloseable> resources = new ArrayList<>();

  /** A new transport of the module under test with these options. */
  protected abstract HttpTransport createTransport(HttpTransportOptions options);

  /** The name its provider is registered under ({@code http_transport}). */
  protected abstract String providerName();

  /**
   * Whether the transport connects where {@link HttpTransportOptions#nameResolver()} says; a
   * transport that cannot must refuse a resolver other than {@link NameResolver#system()} with a
   * {@link ConfigException} from {@code create} that says so.
   */
  protected boolean supportsCustomNameResolver() {
    return true;
  }

  /**
   * Whether an interrupt of the calling thread ends an exchange blocked on the network. A transport
   * on blocking sockets (Apache HttpClient's classic API) cannot; it must then at least refuse to
   * start an exchange on an interrupted thread, and the pipeline stops between attempts.
   */
  protected boolean interruptsBlockedIo() {
    return true;
  }

  /** Short time-outs, so that a test that fails, fails fast. */
  protected HttpTransportOptions.Builder options() {
    return HttpTransportOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3));
  }

  protected final HttpTransport transport(HttpTransportOptions.Builder options) {
    return closeLater(createTransport(options.build()));
  }

  protected final HttpTransport transport() {
    return transport(options());
  }

  protected final <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(resource);
    return resource;
  }

  @AfterEach
  void closeResources() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable r : resources) {
      r.close();
    }
    resources.clear();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.builder("GET", url).build();
  }

  // ---- discovery ----------------------------------------------------------------------------

  @Test
  void isRegisteredWithServiceLoaderUnderItsName() {
    List<HttpTransportProvider> found = ServiceLoader.load(HttpTransportProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(providerName())).collect(Collectors.toList());
    assertThat(found).hasSize(1);
    try (HttpTransport t = found.get(0).create(options().build())) {
      assertThat(t).isNotNull();
    }
  }

  // ---- the exchange -------------------------------------------------------------------------

  @Test
  void getSendsQueryAndHeadersAndReturnsStatusHeadersAndBody() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/api/2.0/hello", (ex, seen) -> {
      ex.getResponseHeaders().add("X-Multi", "a");
      ex.getResponseHeaders().add("X-Multi", "b");
      LocalHttpServer.reply(ex, 200, "{\"hello\":true}".getBytes(StandardCharsets.UTF_8));
    });
    HttpRequest request = HttpRequest.builder("GET", server.origin() + "/api/2.0/hello")
        .query("a", "1").query("b", "two words & more").query("a", "2")
        .header("X-Custom", "yes").header("Authorization", "Bearer " + CANARY).build();

    try (HttpResponse response = transport().send(request)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.reason()).isIn("OK", "");
      assertThat(response.headers().get("x-multi")).containsExactly("a", "b");
      assertThat(response.header("X-MULTI")).contains("a");
      assertThat(response.contentLength()).isEqualTo(14);
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":true}");
    }
    LocalHttpServer.Seen seen = server.seen().get(0);
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.rawQuery()).isEqualTo(request.rawQuery()).isEqualTo("a=1&a=2&b=two%20words%20%26%20more");
    assertThat(seen.header("X-Custom")).isEqualTo("yes");
    assertThat(seen.header("Authorization")).isEqualTo("Bearer " + CANARY);
    assertThat(seen.header("Host")).isEqualTo("127.0.0.1:" + server.port());
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void methodsWithABodySendItWithItsLengthAndContentType(String method) throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    String json = "{\"name\":\"é\",\"secret\":\"" + CANARY + "\"}";
    HttpRequest request = HttpRequest.builder(method, server.origin() + "/api/2.0/thing")
        .header("Content-Type", "text/plain").body(RequestBody.json(json)).build();

    try (HttpResponse response = transport().send(request)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("X-Method")).contains(method);
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
    }
    LocalHttpServer.Seen seen = server.seen().get(0);
    assertThat(seen.method()).isEqualTo(method);
    assertThat(seen.header("Content-Type")).as("the body's type wins").isEqualTo("application/json");
    assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(json.getBytes(StandardCharsets.UTF_8).length));
    assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void headersTheTransportOwnsAreNotTakenFromTheRequest() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    HttpRequest request = HttpRequest.builder("POST", server.origin() + "/echo")
        .header("Host", "evil.test").header("Content-Length", "999").body(RequestBody.json("{}")).build();

    try (HttpResponse response = transport().send(request)) {
      assertThat(response.status()).isEqualTo(200);
    }
    LocalHttpServer.Seen seen = server.seen().get(0);
    assertThat(seen.header("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(seen.header("Content-Length")).isEqualTo("2");
  }

  @Test
  void headHasHeadersButNoBody() throws IOException {
    RawServer server = closeLater(RawServer.start(socket -> {
      while (RawServer.readHead(socket.getInputStream()) != null) {
        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nX-Kind: head\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
      }
    }));
    try (HttpResponse response = transport().send(HttpRequest.builder("HEAD", server.httpOrigin() + "/f").build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("X-Kind")).contains("head");
      assertThat(response.header("Content-Length")).contains("1234");
      assertThat(response.body().readAllBytes()).isEmpty();
    }
  }

  @Test
  void noContentHasAnEmptyBody() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/none", (ex, seen) -> ex.sendResponseHeaders(204, -1));
    try (HttpResponse response = transport().send(HttpRequest.builder("DELETE", server.origin() + "/none").build())) {
      assertThat(response.status()).isEqualTo(204);
      assertThat(response.contentLength()).isIn(0L, -1L);
      assertThat(response.body().readAllBytes()).isEmpty();
    }
  }

  @Test
  void errorStatusesAndRedirectsAreAnswersNotFailures() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/busy", (ex, seen) -> {
      ex.getResponseHeaders().add("Retry-After", "3");
      LocalHttpServer.reply(ex, 503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
    });
    server.route("/moved", (ex, seen) -> {
      ex.getResponseHeaders().add("Location", "/elsewhere");
      LocalHttpServer.reply(ex, 302, new byte[0]);
    });
    HttpTransport transport = transport();
    try (HttpResponse response = transport.send(get(server.origin() + "/busy"))) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Retry-After")).contains("3");
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("TEMPORARILY_UNAVAILABLE");
    }
    try (HttpResponse response = transport.send(get(server.origin() + "/moved"))) {
      assertThat(response.status()).as("redirects are not followed").isEqualTo(302);
      assertThat(response.header("Location")).contains("/elsewhere");
    }
    assertThat(server.seen()).extracting(LocalHttpServer.Seen::path).containsExactly("/busy", "/moved");
  }

  @Test
  void aRequestWithoutOriginIsRefused() {
    HttpRequest relative = HttpRequest.builder("GET", "/api/2.0/x").build();
    assertThatThrownBy(() -> transport().send(relative)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendingAfterCloseFails() {
    HttpTransport transport = createTransport(options().build());
    transport.close();
    Throwable thrown = catchThrowable(() -> transport.send(get("http://127.0.0.1:9/")));
    assertThat(thrown).isInstanceOfAny(IOException.class, IllegalStateException.class);
  }

  // ---- bodies -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(longs = {8 * MIB, -1})
  void aStreamBodyIsSentWithItsLengthOrChunked(long declaredLength) throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/upload", (ex, seen) -> LocalHttpServer.reply(ex, 200, new byte[0]));
    HttpRequest request = HttpRequest.builder("PUT", server.origin() + "/upload")
        .body(RequestBody.of(Bodies.pattern(8 * MIB), declaredLength, RequestBody.OCTET_STREAM)).build();

    try (HttpResponse response = transport().send(request)) {
      assertThat(response.status()).isEqualTo(200);
    }
    LocalHttpServer.Seen seen = server.seen().get(0);
    assertThat(seen.bodyLength()).isEqualTo(8 * MIB);
    assertThat(seen.bodyCrc()).isEqualTo(Bodies.patternCrc(8 * MIB));
    if (declaredLength < 0) {
      assertThat(seen.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
      assertThat(seen.header("Content-Length")).isNull();
    } else {
      assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(8 * MIB));
    }
  }

  @Test
  void aFileBodyIsSentAndCanBeSentAgain(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("data.bin");
    try (InputStream in = Bodies.pattern(MIB)) {
      Files.copy(in, file);
    }
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/upload", (ex, seen) -> LocalHttpServer.reply(ex, 200, new byte[0]));
    HttpRequest request = HttpRequest.builder("POST", server.origin() + "/upload").body(RequestBody.ofFile(file)).build();
    HttpTransport transport = transport();
    for (int i = 0; i < 2; i++) {
      try (HttpResponse response = transport.send(request)) {
        assertThat(response.status()).isEqualTo(200);
      }
    }
    assertThat(server.seen()).hasSize(2).allSatisfy(seen -> {
      assertThat(seen.bodyCrc()).isEqualTo(Bodies.patternCrc(MIB));
      assertThat(seen.header("Content-Type")).isEqualTo(RequestBody.OCTET_STREAM);
    });
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aLargeResponseStreamsBeforeItHasArrived(boolean knownLength) throws Exception {
    CountDownLatch clientHasHeaders = new CountDownLatch(1);
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/big", (ex, seen) -> {
      ex.sendResponseHeaders(200, knownLength ? 8 * MIB : 0);
      try (OutputStream out = ex.getResponseBody(); InputStream in = Bodies.pattern(8 * MIB)) {
        out.write(in.readNBytes(64 * 1024));
        out.flush();
        await(clientHasHeaders);
        in.transferTo(out);
      }
    });

    try (HttpResponse response = transport().send(get(server.origin() + "/big"))) {
      clientHasHeaders.countDown();
      assertThat(response.contentLength()).isEqualTo(knownLength ? 8 * MIB : -1);
      assertThat(Bodies.crc(response.body())).isEqualTo(Bodies.patternCrc(8 * MIB));
    }
  }

  @Test
  void aSlowReaderHoldsTheServerBackInsteadOfBuffering() throws Exception {
    AtomicLong written = new AtomicLong();
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      while (written.get() < 1024L * MIB) {
        out.write(chunk);
        written.addAndGet(chunk.length);
      }
    }));
    try (HttpResponse response = transport(options().readTimeout(Duration.ofSeconds(10))).send(get(server.httpOrigin() + "/big"))) {
      assertThat(response.body().read()).isGreaterThanOrEqualTo(0);
      Thread.sleep(1_000);
      assertThat(written.get()).as("bytes the server could write while the client read one").isLessThan(64L * MIB);
      response.abort();
    }
  }

  // ---- failures -----------------------------------------------------------------------------

  @Test
  void aRefusedConnectionIsAConnectException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HttpRequest request = HttpRequest.builder("POST", "http://127.0.0.1:" + port + "/x").body(RequestBody.json("{}")).build();
    assertThatThrownBy(() -> transport().send(request)).isInstanceOf(ConnectException.class);
  }

  @Test
  void aConnectTimeOutIsAConnectException() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "a full backlog drops connections only on Linux");
    RawServer server = closeLater(RawServer.unresponsive());
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport(options().connectTimeout(Duration.ofMillis(500)))
        .send(get(server.httpOrigin() + "/")));
    assertThat(thrown).isInstanceOf(ConnectException.class).hasCauseInstanceOf(Exception.class);
    assertThat(elapsedMillis(start)).isBetween(400L, 5_000L);
  }

  @Test
  void aTlsHandshakeThatHangsIsAConnectExceptionWithinTheConnectTimeOut() {
    RawServer server = closeLater(RawServer.start(socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream())));
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport(options().connectTimeout(Duration.ofMillis(500))
        .readTimeout(Duration.ofSeconds(20))).send(get(server.httpsOrigin() + "/")));
    assertThat(thrown).isInstanceOf(ConnectException.class);
    assertThat(elapsedMillis(start)).isBetween(400L, 5_000L);
  }

  @Test
  void aResetDuringTheTlsHandshakeIsAConnectException() {
    RawServer server = closeLater(RawServer.start(socket -> {
      socket.getInputStream().read(new byte[16]);
      RawServer.reset(socket);
    }));
    Throwable thrown = catchThrowable(() -> transport(options().skipVerify(true)).send(get(server.httpsOrigin() + "/")));
    assertThat(thrown).isInstanceOf(ConnectException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void anUnknownHostIsAnUnknownHostException() {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport().send(get("https://nothing.invalid/api/2.0/x")));
    assertThat(thrown).isInstanceOf(UnknownHostException.class).hasMessageContaining("nothing.invalid");
    assertThat(elapsedMillis(start)).isLessThan(2_000L);
  }

  @Test
  void aResetBeforeTheStatusLineIsNotAConnectException() {
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      RawServer.reset(socket);
    }));
    HttpRequest request = HttpRequest.builder("POST", server.httpOrigin() + "/x").body(RequestBody.json("{}")).build();
    Throwable thrown = catchThrowable(() -> transport().send(request));
    assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(ConnectException.class)
        .isNotInstanceOf(UnknownHostException.class).isNotInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aBodyCutShortIsAnIOExceptionNotAnEnd() throws IOException {
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(new byte[1000]);
      socket.getOutputStream().flush();
    }));
    try (HttpResponse response = transport().send(get(server.httpOrigin() + "/x"))) {
      assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void silenceBeforeTheHeadersIsASocketTimeoutException() {
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport(options().readTimeout(Duration.ofMillis(500)))
        .send(get(server.httpOrigin() + "/slow")));
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    assertThat(elapsedMillis(start)).isBetween(400L, 2_500L);
  }

  @Test
  void silenceAfterARequestBodyIsASocketTimeoutException() {
    RawServer server = closeLater(RawServer.start(socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream())));
    HttpRequest request = HttpRequest.builder("POST", server.httpOrigin() + "/slow")
        .body(RequestBody.of(Bodies.pattern(256 * 1024), 256 * 1024, RequestBody.OCTET_STREAM)).build();
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> transport(options().readTimeout(Duration.ofMillis(500))).send(request));
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    assertThat(elapsedMillis(start)).isBetween(400L, 2_500L);
  }

  @Test
  void silenceInTheMiddleOfTheBodyIsASocketTimeoutExceptionWithinTheReadTimeOut() throws IOException {
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(new byte[1000]);
      socket.getOutputStream().flush();
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    try (HttpResponse response = transport(options().readTimeout(Duration.ofMillis(500))).send(get(server.httpOrigin() + "/x"))) {
      assertThat(response.body().readNBytes(1000)).hasSize(1000);
      long start = System.nanoTime();
      assertThatThrownBy(() -> response.body().read()).isInstanceOf(SocketTimeoutException.class);
      assertThat(elapsedMillis(start)).isBetween(400L, 2_500L);
    }
  }

  @Test
  void anInterruptIsAnInterruptedIOExceptionAndTheFlagStaysSet() {
    if (!interruptsBlockedIo()) {
      LocalHttpServer plain = closeLater(LocalHttpServer.http());
      Thread.currentThread().interrupt();
      Throwable refused = catchThrowable(() -> transport().send(get(plain.origin() + "/echo")));
      assertThat(Thread.interrupted()).as("interrupt flag").isTrue();
      assertThat(refused).isInstanceOf(InterruptedIOException.class).isNotInstanceOf(SocketTimeoutException.class);
      return;
    }
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    closeLater(timer::shutdownNow);
    Thread caller = Thread.currentThread();
    timer.schedule(caller::interrupt, 300, TimeUnit.MILLISECONDS);
    Throwable thrown = catchThrowable(() -> transport(options().readTimeout(Duration.ofSeconds(10)))
        .send(get(server.httpOrigin() + "/slow")));
    boolean interrupted = Thread.interrupted();
    assertThat(thrown).isInstanceOf(InterruptedIOException.class).isNotInstanceOf(SocketTimeoutException.class);
    assertThat(interrupted).as("interrupt flag").isTrue();
  }

  // ---- connections --------------------------------------------------------------------------

  @Test
  void abortDropsTheConnectionAndTheBodyFailsAfterwards() throws Exception {
    CompletableFuture<Throwable> serverSaw = new CompletableFuture<>();
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      try {
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[16 * 1024];
        while (true) {
          out.write(chunk);
        }
      } catch (IOException e) {
        serverSaw.complete(e);
      }
    }));
    HttpResponse response = transport().send(get(server.httpOrigin() + "/big"));
    assertThat(response.abortable()).isTrue();
    assertThat(response.body().readNBytes(100_000)).hasSize(100_000);
    response.abort();
    // the connection goes, not necessarily at once: java.net.http on Java 25 closes it up to 3 s later
    assertThat(serverSaw.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> response.body().read()).isInstanceOf(IOException.class);
    response.close();
  }

  @Test
  void abortFromAnotherThreadEndsABlockedRead() throws Exception {
    RawServer server = closeLater(RawServer.start(socket -> {
      RawServer.readHead(socket.getInputStream());
      socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }));
    HttpResponse response = transport(options().readTimeout(Duration.ofSeconds(20))).send(get(server.httpOrigin() + "/x"));
    assertThat(response.body().readNBytes(3)).hasSize(3);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    closeLater(reader::shutdownNow);
    Future<Throwable> read = reader.submit(() -> catchThrowable(() -> response.body().read()));
    Thread.sleep(200);
    response.abort();
    assertThat(read.get(3, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    response.close();
  }

  @Test
  void aResponseReadToTheEndGivesItsConnectionBack() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    HttpTransport transport = transport();
    for (int i = 0; i < 3; i++) {
      try (HttpResponse response = transport.send(HttpRequest.builder("POST", server.origin() + "/echo")
          .body(RequestBody.json("{\"i\":" + i + "}")).build())) {
        response.body().readAllBytes();
      }
    }
    assertThat(server.seen()).extracting(LocalHttpServer.Seen::remotePort).containsOnly(server.seen().get(0).remotePort());
  }

  @Test
  void noMoreThanMaxConnectionsAreOpenAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    Set<Integer> ports = ConcurrentHashMap.newKeySet();
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    server.route("/slow", (ex, seen) -> {
      ports.add(seen.remotePort());
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      LocalHttpServer.reply(ex, 200, "ok".getBytes(StandardCharsets.UTF_8));
    });
    HttpTransport transport = transport(options().maxConnections(2));
    ExecutorService callers = Executors.newFixedThreadPool(6);
    closeLater(callers::shutdownNow);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(callers.submit(() -> {
        try (HttpResponse response = transport.send(get(server.origin() + "/slow"))) {
          response.body().readAllBytes();
          return response.status();
        }
      }));
    }
    for (Future<Integer> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(mostInFlight.get()).isLessThanOrEqualTo(2);
    assertThat(ports).hasSizeLessThanOrEqualTo(2);
  }

  // ---- TLS ----------------------------------------------------------------------------------

  @Test
  void aSelfSignedCertificateFailsTheHandshakeWithACertificateCause() {
    LocalHttpServer server = closeLater(LocalHttpServer.https());
    Throwable thrown = catchThrowable(() -> transport().send(get(server.localhostOrigin() + "/echo")));
    assertThat(thrown).isInstanceOf(SSLHandshakeException.class).hasCauseInstanceOf(CertificateException.class);
    assertThat(server.seen()).isEmpty();
  }

  @Test
  void aHostNameTheCertificateDoesNotNameFails() {
    LocalHttpServer server = closeLater(LocalHttpServer.https());
    Throwable thrown = catchThrowable(() -> transport(options().sslContext(LocalTls.trustingClientContext()))
        .send(get(server.origin() + "/echo")));
    if (thrown instanceof SSLHandshakeException) {
      assertThat(thrown).hasCauseInstanceOf(CertificateException.class);
    } else {
      assertThat(thrown).isInstanceOf(SSLPeerUnverifiedException.class);
    }
    assertThat(server.seen()).isEmpty();
  }

  @Test
  void aCustomTlsContextTrustsItsCertificates() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.https());
    try (HttpResponse response = transport(options().sslContext(LocalTls.trustingClientContext()))
        .send(get(server.localhostOrigin() + "/echo"))) {
      assertThat(response.status()).isEqualTo(200);
    }
  }

  @Test
  void skipVerifyAcceptsAnyCertificateAndHostName() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.https());
    try (HttpResponse response = transport(options().skipVerify(true)).send(get(server.origin() + "/echo"))) {
      assertThat(response.status()).isEqualTo(200);
    }
  }

  // ---- proxy --------------------------------------------------------------------------------

  @Test
  void anHttpsRequestGoesThroughTheProxyTunnelWithBasicAuth() throws IOException {
    LocalHttpServer origin = closeLater(LocalHttpServer.https());
    ConnectProxy proxy = closeLater(ConnectProxy.startWithBasicAuth(origin.port(), "proxy-user", "pw-" + CANARY));
    HttpTransport transport = transport(options().sslContext(LocalTls.trustingClientContext())
        .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("proxy-user", "pw-" + CANARY).build()));

    try (HttpResponse response = transport.send(get("https://" + LocalTls.HOST + ":8443/api/2.0/echo"))) {
      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(proxy.heads()).hasSize(1);
    String connect = proxy.heads().get(0);
    assertThat(connect).startsWith("CONNECT " + LocalTls.HOST + ":8443 ");
    assertThat(RawServer.header(connect, "Proxy-Authorization")).startsWith("Basic ");
    LocalHttpServer.Seen seen = origin.seen().get(0);
    assertThat(seen.header("Host")).isEqualTo(LocalTls.HOST + ":8443");
    assertThat(seen.header("Proxy-Authorization")).as("proxy credentials stay with the proxy").isNull();
    assertThat(transport.toString()).doesNotContain(CANARY);
  }

  @Test
  void aPlainHttpRequestGoesToTheProxyInAbsoluteFormWithBasicAuth() throws IOException {
    ConnectProxy proxy = closeLater(ConnectProxy.startWithBasicAuth(1, "proxy-user", "pw-" + CANARY));
    HttpTransport transport = transport(options()
        .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("proxy-user", "pw-" + CANARY).build()));

    try (HttpResponse response = transport.send(get("http://" + LocalTls.HOST + ":8080/api/2.0/x?a=1"))) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("GET http://" + LocalTls.HOST + ":8080/api/2.0/x?a=1 HTTP/1.1");
    }
    assertThat(RawServer.header(proxy.heads().get(0), "Proxy-Authorization")).startsWith("Basic ");
  }

  @Test
  void aProxyThatRefusesTheCredentialsIsA407OrAnIOExceptionThatSaysSo() {
    LocalHttpServer origin = closeLater(LocalHttpServer.https());
    ConnectProxy proxy = closeLater(ConnectProxy.startWithBasicAuth(origin.port(), "proxy-user", "right"));
    HttpTransport transport = transport(options().sslContext(LocalTls.trustingClientContext())
        .proxy(ProxySettings.builder("127.0.0.1", proxy.port()).credentials("proxy-user", "wrong-" + CANARY).build()));
    try (HttpResponse response = transport.send(get("https://" + LocalTls.HOST + "/api/2.0/echo"))) {
      assertThat(response.status()).isEqualTo(407);
    } catch (IOException e) {
      assertThat(e).hasMessageContaining("407").hasMessageNotContaining(CANARY);
    }
    assertThat(origin.seen()).isEmpty();
  }

  @Test
  void loopbackAndNonProxyHostsBypassTheProxy() throws IOException {
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    ConnectProxy proxy = closeLater(ConnectProxy.start(server.port()));
    HttpTransport transport = transport(options().proxy(ProxySettings.builder("127.0.0.1", proxy.port())
        .nonProxyHosts(List.of("databricks4j.test")).build()));

    try (HttpResponse response = transport.send(get(server.origin() + "/echo"))) {
      assertThat(response.status()).isEqualTo(200);
    }
    assertThatThrownBy(() -> transport.send(get("http://" + LocalTls.HOST + ":" + server.port() + "/echo")))
        .as("sent directly, so resolved here").isInstanceOf(UnknownHostException.class);
    assertThat(proxy.heads()).isEmpty();
  }

  // ---- name resolution ----------------------------------------------------------------------

  @Test
  void aNameResolverMapsNamesToLoopbackOrIsRefusedAtCreation() throws IOException {
    NameResolver toLoopback = host -> host.equals(LocalTls.HOST)
        ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(host);
    HttpTransportOptions.Builder options = options().nameResolver(toLoopback);
    if (!supportsCustomNameResolver()) {
      assertThatThrownBy(() -> transport(options)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("NameResolver");
      return;
    }
    LocalHttpServer server = closeLater(LocalHttpServer.http());
    try (HttpResponse response = transport(options).send(get("http://" + LocalTls.HOST + ":" + server.port() + "/echo"))) {
      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(server.seen().get(0).header("Host")).isEqualTo(LocalTls.HOST + ":" + server.port());
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the client did not get the headers before the body was complete");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
