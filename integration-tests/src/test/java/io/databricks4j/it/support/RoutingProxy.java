package io.databricks4j.it.support;

import io.databricks4j.http.testing.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CONNECT proxy on 127.0.0.1 that knows host names nobody else resolves: {@code CONNECT
 * name:port} opens a tunnel to the local port routed for {@code name}; an unknown name gets 502,
 * and a request in absolute form ({@code GET http://...}) 405, since the tests send only HTTPS
 * through it. Every request line is recorded, so a test sees which names went through.
 */
public final class RoutingProxy implements AutoCloseable {
  private final RawServer server = RawServer.start(this::serve);
  private final Map<String, Integer> routes = new ConcurrentHashMap<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  /** Tunnels {@code CONNECT host:*} to 127.0.0.1:{@code localPort}. */
  public RoutingProxy route(String host, int localPort) {
    routes.put(host.toLowerCase(Locale.ROOT), localPort);
    return this;
  }

  public int port() {
    return server.port();
  }

  /** The request lines received, in order ({@code CONNECT login.microsoftonline.com:443 HTTP/1.1}). */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  /** The {@code host:port} of every tunnel asked for. */
  public List<String> tunnels() {
    return requestLines.stream().filter(l -> l.startsWith("CONNECT ")).map(l -> l.split(" ")[1]).toList();
  }

  private void serve(Socket client) throws IOException {
    String head = RawServer.readHead(client.getInputStream());
    if (head == null) {
      return;
    }
    String line = head.substring(0, head.indexOf("\r\n"));
    requestLines.add(line);
    OutputStream out = client.getOutputStream();
    if (!line.startsWith("CONNECT ")) {
      answer(out, "405 Method Not Allowed");
      return;
    }
    String authority = line.split(" ")[1];
    Integer port = routes.get(authority.substring(0, authority.lastIndexOf(':')).toLowerCase(Locale.ROOT));
    if (port == null) {
      answer(out, "502 Bad Gateway");
      return;
    }
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread back = new Thread(() -> Tunnel.pump(upstream, client), "routing-proxy-back");
      back.setDaemon(true);
      back.start();
      Tunnel.pump(client, upstream);
      try {
        back.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void answer(OutputStream out, String status) throws IOException {
    out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    server.close();
  }
}
