package io.databricks4j.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;

/**
 * Byte pumps between sockets, and a TLS front: an HTTPS port ({@link TestCertificate}) whose
 * connections go on, decrypted, to a plain HTTP port. The front lets the proxy test reach the
 * testkit's workspace, which speaks plain HTTP, by HTTPS under a made-up name.
 */
public final class Tunnel implements AutoCloseable {
  private final ServerSocket server;
  private final int target;

  private Tunnel(int target) throws IOException {
    this.target = target;
    this.server = TestCertificate.serverContext().getServerSocketFactory()
        .createServerSocket(0, 64, InetAddress.getLoopbackAddress());
    ((SSLServerSocket) server).setUseClientMode(false);
    Thread accept = new Thread(this::accept, "tls-front-" + server.getLocalPort());
    accept.setDaemon(true);
    accept.start();
  }

  /** An HTTPS front for the plain HTTP server on 127.0.0.1:{@code port}. */
  public static Tunnel tlsFront(int port) {
    try {
      return new Tunnel(port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread t = new Thread(() -> {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
          Thread back = new Thread(() -> pump(upstream, client), "tls-front-back");
          back.setDaemon(true);
          back.start();
          pump(client, upstream);
          back.join(10_000);
        } catch (IOException | InterruptedException e) {
          // either side went away
        }
      }, "tls-front-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Copies {@code from} to {@code to} until {@code from} ends, then ends {@code to}'s output. */
  static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      if (to instanceof javax.net.ssl.SSLSocket) {
        to.close(); // an SSLSocket has no half-close
      } else {
        to.shutdownOutput();
      }
    } catch (IOException closed) {
      // either side went away: the tunnel ends
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
