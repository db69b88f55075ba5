package io.databricks4j.testkit.bench;

import io.databricks4j.testkit.LocalWorkspace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many small requests a second the emulator serves, and how fast: keep-alive clients in this
 * JVM (raw sockets, so the client costs little; and java.net.http for comparison), a bounded number
 * of requests per level, printed as a table. A harness, not a test:
 * {@code java -cp <test classpath> io.databricks4j.testkit.bench.ThroughputHarness [requestsPerLevel]}.
 */
public final class ThroughputHarness {
  private ThroughputHarness() {
  }

  public static void main(String[] args) throws Exception {
    int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    try (LocalWorkspace ws = LocalWorkspace.builder().pageSize(100).start()) {
      String clusterId = createCluster(ws);
      String[] paths = {"/api/2.0/secrets/scopes/list", "/api/2.1/clusters/get?cluster_id=" + clusterId};
      System.out.printf("%-34s %-8s %6s %9s %12s %9s %9s %9s%n", "request", "client", "conc", "requests", "req/s",
          "p50 µs", "p99 µs", "max µs");
      for (String path : paths) {
        for (int concurrency : new int[] {1, 4, 16, 64}) {
          run(ws, path, "socket", concurrency, concurrency == 1 ? perLevel / 4 : perLevel);
        }
      }
      for (int concurrency : new int[] {1, 16}) {
        run(ws, paths[1], "jdk-http", concurrency, concurrency == 1 ? perLevel / 8 : perLevel / 2);
      }
    }
  }

  private static void run(LocalWorkspace ws, String path, String client, int concurrency, int total) throws Exception {
    int each = total / concurrency;
    warmup(ws, path, client);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      futures.add(pool.submit(() -> client.equals("socket") ? socketClient(ws, path, each) : jdkClient(ws, path, each)));
    }
    long[] all = new long[each * concurrency];
    int i = 0;
    for (Future<long[]> f : futures) {
      long[] part = f.get();
      System.arraycopy(part, 0, all, i, part.length);
      i += part.length;
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    Arrays.sort(all);
    System.out.printf("%-34s %-8s %6d %9d %12.0f %9.0f %9.0f %9.0f%n", path.replaceAll("\\?.*", "?cluster_id"), client,
        concurrency, all.length, all.length / (elapsed / 1e9), all[all.length / 2] / 1e3,
        all[(int) (all.length * 0.99)] / 1e3, all[all.length - 1] / 1e3);
  }

  private static void warmup(LocalWorkspace ws, String path, String client) throws Exception {
    if (client.equals("socket")) {
      socketClient(ws, path, 2000);
    } else {
      jdkClient(ws, path, 500);
    }
  }

  private static long[] socketClient(LocalWorkspace ws, String path, int n) throws IOException {
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ws.token()
        + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    long[] latencies = new long[n];
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), ws.port())) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        out.write(request);
        out.flush();
        int status = readResponse(in);
        latencies[i] = System.nanoTime() - t0;
        if (status != 200) {
          throw new IllegalStateException("HTTP " + status);
        }
      }
    }
    return latencies;
  }

  /** Reads one response with a Content-Length body; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    long length = 0;
    while (true) {
      line.setLength(0);
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      if (line.length() == 0) {
        break;
      }
      String l = line.toString();
      if (status < 0) {
        status = Integer.parseInt(l.substring(9, 12));
      } else if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Long.parseLong(l.substring(15).trim());
      }
    }
    in.skipNBytes(length);
    return status;
  }

  private static long[] jdkClient(LocalWorkspace ws, String path, int n) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(ws.host() + path))
        .header("Authorization", "Bearer " + ws.token()).GET().build();
    long[] latencies = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      latencies[i] = System.nanoTime() - t0;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
    }
    return latencies;
  }

  private static String createCluster(LocalWorkspace ws) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ws.host() + "/api/2.1/clusters/create"))
        .header("Authorization", "Bearer " + ws.token())
        .POST(HttpRequest.BodyPublishers.ofString("{\"cluster_name\":\"bench\",\"spark_version\":\"15.4.x-scala2.12\","
            + "\"num_workers\":2}")).build(), HttpResponse.BodyHandlers.ofString());
    String body = r.body();
    int i = body.indexOf("\"cluster_id\":\"") + 14;
    return body.substring(i, body.indexOf('"', i));
  }
}
