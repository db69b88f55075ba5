package io.databricks4j.benchmarks.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.databricks4j.benchmarks.data.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one server every peer talks to: a JDK {@link HttpServer} on 127.0.0.1 answering fixed bodies,
 * generated list pages and pattern files, so that its own cost stays small and equal for all. Knobs
 * (injected 503s, latency, per-connection pacing) change between runs, never during one.
 */
public final class FixtureServer implements AutoCloseable {
  public static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
  public static final String CLUSTER_ID = "0123-456789-benchmrk";
  /** The file of the Files API workload, under {@code /api/2.0/fs/files}. */
  public static final String FILE_PATH = "/Volumes/main/bench/files/blob.bin";

  static {
    // without it every response waits for the client's delayed ACK (Nagle): +40 ms a request
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String FILES = "/api/2.0/fs/files";

  private final HttpServer http;
  private final ExecutorService workers;
  private final byte[] clusterBody = Bodies.cluster(CLUSTER_ID);
  private final byte[] wellKnown;
  private final int listItems;
  private final int pageSize;
  private final AtomicReferenceArray<byte[]> pages;
  private final long fileSize;

  private volatile int failEvery;
  private volatile int latencyMillis;
  private volatile long paceBytes;

  private final AtomicLong getSequence = new AtomicLong();
  private final LongAdder requests = new LongAdder();
  private final LongAdder gets = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder listPages = new LongAdder();
  private final LongAdder fileRequests = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder wellKnownHits = new LongAdder();
  private final LongAdder connections = new LongAdder();
  private final java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private FixtureServer(int listItems, int pageSize, long fileSize) throws IOException {
    this.listItems = listItems;
    this.pageSize = pageSize;
    this.pages = new AtomicReferenceArray<>(Math.max(1, (listItems + pageSize - 1) / pageSize));
    this.fileSize = fileSize;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "fixture-server-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(workers);
    http.createContext("/", this::handle);
    this.wellKnown = ("{\"oidc_endpoint\":\"" + url() + "/oidc\"}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts a server on an ephemeral port of 127.0.0.1.
   *
   * @param listItems clusters behind {@code clusters/list}
   * @param pageSize clusters per page
   * @param fileSize bytes of the file behind {@code fs/files}
   */
  public static FixtureServer start(int listItems, int pageSize, long fileSize) {
    try {
      FixtureServer s = new FixtureServer(listItems, pageSize, fileSize);
      s.http.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fixture server on 127.0.0.1", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public int listItems() {
    return listItems;
  }

  public long fileSize() {
    return fileSize;
  }

  /** Answers every {@code n}th {@code clusters/get} with 503 and {@code Retry-After: 1}; 0 turns it off. */
  public void failEvery(int n) {
    failEvery = n;
  }

  /**
   * Waits {@code millis} before each answer and, when {@code paceBytes > 0}, sends at most that many
   * body bytes per {@code millis} on a connection: a window-limited TCP stream on a link of that
   * round-trip time.
   */
  public void latency(int millis, long paceBytes) {
    this.latencyMillis = millis;
    this.paceBytes = paceBytes;
  }

  /** What the server did so far, and the CPU time of the process it runs in. */
  public Counters counters() {
    return new Counters(requests.sum(), gets.sum(), failures.sum(), listPages.sum(), fileRequests.sum(),
        bytesIn.sum(), bytesOut.sum(), wellKnownHits.sum(), connections.sum(), processCpuNanos());
  }

  /**
   * A snapshot of the server's counters; {@code connections} counts client ports not seen before (a
   * port the system hands out again is not counted twice).
   */
  public record Counters(long requests, long gets, long failures, long listPages, long fileRequests, long bytesIn,
      long bytesOut, long wellKnown, long connections, long cpuNanos) {
    public Counters minus(Counters o) {
      return new Counters(requests - o.requests, gets - o.gets, failures - o.failures, listPages - o.listPages,
          fileRequests - o.fileRequests, bytesIn - o.bytesIn, bytesOut - o.bytesOut, wellKnown - o.wellKnown,
          connections - o.connections, cpuNanos - o.cpuNanos);
    }

    public Counters plus(Counters o) {
      return new Counters(requests + o.requests, gets + o.gets, failures + o.failures, listPages + o.listPages,
          fileRequests + o.fileRequests, bytesIn + o.bytesIn, bytesOut + o.bytesOut, wellKnown + o.wellKnown,
          connections + o.connections, cpuNanos + o.cpuNanos);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.increment();
    if (clientPorts.add(ex.getRemoteAddress().getPort())) {
      connections.increment();
    }
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      if (path.equals("/.well-known/databricks-config")) {
        wellKnownHits.increment();
        send(ex, 200, "application/json", wellKnown);
        return;
      }
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "application/json", Bodies.error("UNAUTHENTICATED", "missing or wrong bearer token"));
        return;
      }
      int wait = latencyMillis;
      if (wait > 0) {
        sleep(wait);
      }
      if (path.equals("/api/2.1/clusters/get")) {
        gets.increment();
        int every = failEvery;
        if (every > 0 && getSequence.incrementAndGet() % every == 0) {
          failures.increment();
          ex.getResponseHeaders().set("Retry-After", "1");
          send(ex, 503, "application/json", Bodies.error("TEMPORARILY_UNAVAILABLE", "injected by the benchmark server"));
          return;
        }
        send(ex, 200, "application/json", clusterBody);
      } else if (path.equals("/api/2.1/clusters/list")) {
        listPages.increment();
        send(ex, 200, "application/json", page(pageIndex(ex.getRequestURI().getRawQuery())));
      } else if (path.startsWith(FILES + "/")) {
        fileRequests.increment();
        file(ex);
      } else {
        send(ex, 404, "application/json", Bodies.error("ENDPOINT_NOT_FOUND", "no such endpoint: " + path));
      }
    }
  }

  private static int pageIndex(String rawQuery) {
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.startsWith("page_token=") && pair.length() > "page_token=".length()) {
          return Integer.parseInt(pair.substring("page_token=".length()));
        }
      }
    }
    return 0;
  }

  private byte[] page(int index) {
    byte[] p = pages.get(index);
    if (p == null) {
      int from = index * pageSize;
      int to = Math.min(listItems, from + pageSize);
      p = Bodies.clusterPage(from, to, to < listItems ? Integer.toString(index + 1) : null);
      pages.set(index, p);
    }
    return p;
  }

  private void file(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (method.equals("PUT")) {
      long n = 0;
      byte[] buf = new byte[Pattern.MAX_SLICE];
      try (InputStream in = ex.getRequestBody()) {
        int r;
        while ((r = in.read(buf)) >= 0) {
          n += r;
        }
      }
      bytesIn.add(n);
      ex.sendResponseHeaders(204, -1);
      return;
    }
    if (!method.equals("GET")) {
      send(ex, 405, "application/json", Bodies.error("BAD_REQUEST", "method not allowed: " + method));
      return;
    }
    long from = 0;
    long to = fileSize - 1;
    int status = 200;
    String range = ex.getRequestHeaders().getFirst("Range");
    if (range != null && range.startsWith("bytes=")) {
      String[] fromTo = range.substring("bytes=".length()).split("-", 2);
      from = Long.parseLong(fromTo[0]);
      if (fromTo.length > 1 && !fromTo[1].isEmpty()) {
        to = Math.min(to, Long.parseLong(fromTo[1]));
      }
      status = 206;
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + fileSize);
    }
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    ex.getResponseHeaders().set("Last-Modified", "Mon, 25 Nov 2024 10:00:00 GMT");
    long length = to - from + 1;
    ex.sendResponseHeaders(status, length);
    long pace = paceBytes;
    long window = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
    long windowStart = System.nanoTime();
    long inWindow = 0;
    long position = from;
    try (OutputStream out = ex.getResponseBody()) {
      while (position <= to) {
        int n = (int) Math.min(Pattern.MAX_SLICE, to - position + 1);
        out.write(Pattern.bytes(), Pattern.offset(position), n);
        position += n;
        inWindow += n;
        if (pace > 0 && inWindow >= pace) {
          long left = windowStart + window - System.nanoTime();
          if (left > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
          }
          windowStart = System.nanoTime();
          inWindow = 0;
        }
      }
    }
    bytesOut.add(length);
  }

  private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    bytesOut.add(body.length);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.stop(0);
    workers.shutdownNow();
  }
}
