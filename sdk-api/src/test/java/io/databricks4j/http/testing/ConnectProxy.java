package io.databricks4j.http.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on 127.0.0.1 for tests. A {@code CONNECT} request opens a tunnel to the local
 * port given at start, whatever host it names, so a client can ask for
 * {@code https://api.databricks4j.test} and reach a local server. A request in absolute form
 * ({@code GET http://host/path}) is answered by the proxy itself with 200 and the request line as
 * the body. With credentials, a request without the matching {@code Proxy-Authorization: Basic}
 * gets 407. Every request head is recorded.
 */
public final class ConnectProxy implements AutoCloseable {
  private final RawServer server;
  private final int tunnelPort;
  private final String expectedAuthorization;
  private final List<String> heads = new CopyOnWriteArrayList<>();

  private ConnectProxy(int tunnelPort, String username, String password) {
    this.tunnelPort = tunnelPort;
    this.expectedAuthorization = username == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.server = RawServer.start(this::serve);
  }

  /** A proxy without authentication that tunnels every CONNECT to 127.0.0.1:{@code tunnelPort}. */
  public static ConnectProxy start(int tunnelPort) {
    return new ConnectProxy(tunnelPort, null, null);
  }

  /** A proxy that requires Basic authentication with these credentials. */
  public static ConnectProxy startWithBasicAuth(int tunnelPort, String username, String password) {
    return new ConnectProxy(tunnelPort, username, password);
  }

  public int port() {
    return server.port();
  }

  /** The request heads received, in order, lines separated by CRLF. */
  public List<String> heads() {
    return List.copyOf(heads);
  }

  private void serve(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    String head = RawServer.readHead(in);
    if (head == null) {
      return;
    }
    heads.add(head);
    if (expectedAuthorization != null && !expectedAuthorization.equals(RawServer.header(head, "Proxy-Authorization"))) {
      out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
          + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return;
    }
    String requestLine = head.substring(0, head.indexOf("\r\n"));
    if (!requestLine.startsWith("CONNECT ")) {
      byte[] body = requestLine.getBytes(StandardCharsets.ISO_8859_1);
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return;
    }
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), tunnelPort)) {
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread back = new Thread(() -> pump(upstream, client), "connect-proxy-back");
      back.setDaemon(true);
      back.start();
      pump(client, upstream);
      try {
        back.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException closed) {
      // either side went away: the tunnel ends
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
