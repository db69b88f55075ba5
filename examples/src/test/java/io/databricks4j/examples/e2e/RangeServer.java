package io.databricks4j.examples.e2e;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.Environment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Files API download server on a raw socket, so that it can break a response part-way: it
 * serves {@code GET /api/2.0/fs/files/...} from given bytes, with or without Range support, and
 * response {@code i} sends only {@code cuts[i]} bytes of its body, then closes the connection (or
 * resets it). Records the Range header of every request ("" when none).
 *
 * <p>{@link #cut(String, int)} breaks the response to one Range header instead, whatever its turn.
 * {@link #holdOpenEnded(int)} stops a response that runs to the end of the file (no Range, or
 * {@code bytes=N-}) after so many bytes and waits for the client to drop the connection, counting
 * it in {@link #dropped}; a client that waits for the rest instead gets it after 10 s, uncounted.
 * {@link #modifiedFrom(int)} changes the file (its Last-Modified) from a response on.
 */
final class RangeServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final byte[] data;
  private final boolean ranges;
  private final boolean reset;
  private final int[] cuts;
  private final AtomicInteger responses = new AtomicInteger();
  private final Map<String, Integer> cutRanges = new ConcurrentHashMap<>();
  private volatile int hold = -1;
  private volatile int modifiedFrom = Integer.MAX_VALUE;
  final List<String> rangesAsked = new CopyOnWriteArrayList<>();
  final AtomicInteger dropped = new AtomicInteger();

  RangeServer(byte[] data, boolean ranges, boolean reset, int... cuts) {
    this.data = data;
    this.ranges = ranges;
    this.reset = reset;
    this.cuts = cuts;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool.submit(this::accept);
  }

  /** Breaks the response to {@code range} (a Range header value) after {@code bytes} bytes, once. */
  RangeServer cut(String range, int bytes) {
    cutRanges.put(range, bytes);
    return this;
  }

  /** Holds every response that runs to the end of the file after {@code bytes} bytes until the client drops it. */
  RangeServer holdOpenEnded(int bytes) {
    hold = bytes;
    return this;
  }

  /** Answers response {@code i} and every one after it with a later Last-Modified: the file changed. */
  RangeServer modifiedFrom(int i) {
    modifiedFrom = i;
    return this;
  }

  /** Waits up to 10 s for {@code n} responses held by {@link #holdOpenEnded} to have been dropped by the client. */
  boolean awaitDropped(int n) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (dropped.get() < n && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return dropped.get() >= n;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = s.getOutputStream();
      while (true) {
        String requestLine = in.readLine();
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        String range = "";
        for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
          if (h.toLowerCase().startsWith("range:")) {
            range = h.substring(6).trim();
          }
        }
        rangesAsked.add(range);
        int from = 0;
        int to = data.length - 1;
        boolean partial = false;
        Matcher m = RANGE.matcher(range);
        if (ranges && m.matches()) {
          from = Integer.parseInt(m.group(1));
          to = m.group(2).isEmpty() ? data.length - 1 : Math.min(data.length - 1, Integer.parseInt(m.group(2)));
          partial = true;
        }
        int length = to - from + 1;
        int i = responses.getAndIncrement();
        String modified = i >= modifiedFrom ? "Thu, 22 Oct 2015 07:28:00 GMT" : "Wed, 21 Oct 2015 07:28:00 GMT";
        String head = (partial ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + to + "/" + data.length
            : "HTTP/1.1 200 OK") + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
            + "\r\nLast-Modified: " + modified + (ranges ? "\r\nAccept-Ranges: bytes" : "") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        Integer cutHere = cutRanges.remove(range);
        int cut = cutHere != null ? cutHere : i < cuts.length ? cuts[i] : Integer.MAX_VALUE;
        boolean toTheEnd = !m.matches() || m.group(2).isEmpty();
        if (hold >= 0 && toTheEnd && length > hold) {
          try {
            out.write(data, from, hold);
            out.flush();
            s.setSoTimeout(10_000);
            if (in.read() < 0) {
              dropped.incrementAndGet();
            }
            return;
          } catch (SocketTimeoutException e) {
            s.setSoTimeout(0);
            out.write(data, from + hold, length - hold);
            out.flush();
            continue;
          } catch (IOException e) {
            dropped.incrementAndGet(); // the client closed with bytes unread (reset) or unsent
            return;
          }
        }
        if (length > cut) {
          out.write(data, from, cut);
          out.flush();
          if (reset) {
            s.setSoLinger(true, 0); // bytes still in flight are lost: the client resumes from what it got
          } else {
            s.shutdownOutput(); // the body ends early: exactly cut bytes arrive
          }
          return;
        }
        out.write(data, from, length);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  WorkspaceClient client() {
    return new WorkspaceClient(DatabricksConfig.builder().host("http://127.0.0.1:" + socket.getLocalPort())
        .token("fixture-token").authType("pat")
        .environment(Environment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "databricks4j-fixture-home")))
        .build());
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
