package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.config.ConfigSource;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.Unauthenticated;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.NameResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which strategy authenticated is visible ({@code config().authType()}, the 401/403 message), and
 * resolving pat or basic touches no network: the host does not resolve in DNS, a name resolver of
 * the test's counts every look-up and sends any connection to a local socket that counts every
 * accept. A call afterwards shows both counters work.
 */
class ObservableResolutionTest {
  private static final String HOST = "workspace.does-not-resolve.invalid";
  private ServerSocket socket;
  private Thread acceptor;
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger accepts = new AtomicInteger();
  /** The status line the local socket answers with. */
  private final AtomicReference<String> status = new AtomicReference<>("200 OK");
  private final List<Socket> open = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "counting-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws Exception {
    socket.close();
    acceptor.join(5_000);
    for (Socket s : open) {
      s.close();
    }
  }

  /** Answers one request per connection, with a JSON error body when the status is not 200. */
  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        accepts.incrementAndGet();
        open.add(s);
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          head.append((char) b);
        }
        String st = status.get();
        String body = st.startsWith("200") ? "{}" : "{\"error_code\":\"X\",\"message\":\"no\"}";
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 " + st + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private DatabricksConfig.Builder config() {
    NameResolver counting = name -> {
      lookups.incrementAndGet();
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    };
    return DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://" + HOST + ":" + socket.getLocalPort())
        .disableRetries(true)
        .httpOptions(HttpOptions.builder().nameResolver(counting).build());
  }

  @Test
  void resolvingPatMakesNoConnectionAttempt() {
    try (ApiClient api = ApiClient.create(config().token("dapi-t").build())) {
      assertThat(api.config().authType()).isEmpty();
      assertThat(api.authType()).isEqualTo("pat");
      assertThat(api.config().authType()).contains("pat");
      assertThat(api.config().source(ConfigAttribute.AUTH_TYPE))
          .map(ConfigSource::kind).contains(ConfigSource.Kind.DERIVED);
      assertThat(lookups).hasValue(0);
      assertThat(accepts).hasValue(0);

      api.call(HttpRequest.builder("GET", "/api/2.0/ping").build());
      assertThat(lookups).as("the counters see a connection").hasValueGreaterThan(0);
      assertThat(accepts).hasValue(1);
    }
  }

  @Test
  void resolvingBasicMakesNoConnectionAttempt() {
    try (ApiClient api = ApiClient.create(config().username("u").password("p").build())) {
      assertThat(api.credentials().authType()).isEqualTo("basic");
      assertThat(api.config().authType()).contains("basic");
      assertThat(lookups).hasValue(0);
      assertThat(accepts).hasValue(0);
    }
  }

  @Test
  void a401NamesTheStrategyThatWasUsed() {
    status.set("401 Unauthorized");
    try (ApiClient api = ApiClient.create(config().token("dapi-t").build())) {
      Throwable e = catchThrowable(() -> api.call(HttpRequest.builder("GET", "/api/2.0/ping").build()));
      assertThat(e).isInstanceOf(Unauthenticated.class).hasMessageContaining("Credentials: pat");
      assertThat(e.getMessage()).doesNotContain("dapi-t");
    }
  }

  @Test
  void a403WithAuthTypeSetNamesItInTheConfiguration() {
    status.set("403 Forbidden");
    try (ApiClient api = ApiClient.create(config().username("u").password("p").authType("basic").build())) {
      Throwable e = catchThrowable(() -> api.call(HttpRequest.builder("GET", "/api/2.0/ping").build()));
      assertThat(e).isInstanceOf(PermissionDenied.class).hasMessageContaining("auth_type=basic")
          .hasMessageContaining("password=***");
    }
  }
}
