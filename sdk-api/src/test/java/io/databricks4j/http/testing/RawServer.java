package io.databricks4j.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP server on 127.0.0.1 that runs a script on every connection it accepts: the way to make the
 * faults a real HTTP server never makes (silence, a reset, a body cut short). Failures of the
 * script are recorded, not thrown.
 */
public final class RawServer implements AutoCloseable {
  /** What to do with one accepted connection. */
  @FunctionalInterface
  public interface Script {
    void run(Socket socket) throws Exception;
  }

  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  private RawServer(Script script, int backlog) throws IOException {
    serverSocket = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
    if (script != null) {
      threads.execute(() -> acceptLoop(script));
    }
  }

  /** A server that runs {@code script} on each connection. */
  public static RawServer start(Script script) {
    try {
      return new RawServer(script, 50);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A server that never accepts, whose backlog is full: a new connection neither succeeds nor fails
   * (on Linux the SYN is dropped), so a client waits for its connect time-out.
   */
  public static RawServer unresponsive() {
    try {
      RawServer server = new RawServer(null, 1);
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket();
        try {
          s.connect(server.serverSocket.getLocalSocketAddress(), 200);
          server.sockets.add(s);
        } catch (IOException full) {
          s.close();
          return server;
        }
      }
      throw new IllegalStateException("the backlog of the unresponsive server never filled");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>} */
  public String httpOrigin() {
    return "http://127.0.0.1:" + port();
  }

  /** {@code https://127.0.0.1:<port>} */
  public String httpsOrigin() {
    return "https://127.0.0.1:" + port();
  }

  /** What the scripts threw, other than the client going away. */
  public List<Throwable> failures() {
    return List.copyOf(failures);
  }

  private void acceptLoop(Script script) {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(socket);
      threads.execute(() -> {
        try (socket) {
          script.run(socket);
        } catch (Exception e) {
          failures.add(e);
        }
      });
    }
  }

  /** Reads a request head, through the empty line, as ISO-8859-1 text; null at end of stream. */
  public static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
  }

  /** The first value of header {@code name} (any case) in a request or response head; null if absent. */
  public static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** Closes {@code socket} with a TCP reset instead of an orderly FIN. */
  public static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
