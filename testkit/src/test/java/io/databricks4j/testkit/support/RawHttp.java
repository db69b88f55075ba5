package io.databricks4j.testkit.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange on a socket of its own, read byte by byte as it arrives: what a fault
 * does to an answer (a cut, a pause, a close) is visible here, where an HTTP client would hide it.
 */
public final class RawHttp {
  /**
   * What came back: the head (status line and headers, empty when the connection closed first),
   * the body bytes after it, when the first byte of the head and the first and last bytes of the
   * body arrived (milliseconds after the request was sent, -1 when none), and whether the server
   * closed the connection within the wait.
   */
  public record Answer(String head, byte[] body, long headAtMillis, long bodyStartMillis, long bodyEndMillis,
                       boolean closed) {
    public int status() {
      return head.isEmpty() ? -1 : Integer.parseInt(head.substring(9, 12));
    }

    /** A header of the head, matched without case; null when absent. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean chunked() {
      String te = header("Transfer-Encoding");
      return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code method path} with a bearer token and an optional JSON body, then reads until the
   * server closes the connection, {@code waitMillis} of silence pass, or a complete
   * {@code Content-Length} body arrived and {@code untilClose} is false.
   */
  public static Answer exchange(int port, String method, String path, String token, String json, long waitMillis,
      boolean untilClose) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) waitMillis);
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
          + (json == null ? "" : "Content-Type: application/json\r\n")
          + "Content-Length: " + body.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      long headAt = -1;
      long bodyStart = -1;
      long bodyEnd = -1;
      boolean closed = false;
      int state = 0;
      long expected = -1;
      try {
        int c;
        while ((c = in.read()) >= 0) {
          long now = (System.nanoTime() - start) / 1_000_000;
          if (state < 4) {
            headAt = headAt < 0 ? now : headAt;
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
              String cl = new Answer(head.toString(StandardCharsets.ISO_8859_1), new byte[0], 0, 0, 0, false)
                  .header("Content-Length");
              expected = cl == null ? -1 : Long.parseLong(cl);
              if (expected == 0 && !untilClose) {
                break;
              }
            }
            continue;
          }
          bodyStart = bodyStart < 0 ? now : bodyStart;
          bodyEnd = now;
          rest.write(c);
          if (!untilClose && expected >= 0 && rest.size() >= expected) {
            break;
          }
        }
        closed = c < 0;
      } catch (SocketTimeoutException silent) {
        closed = false;
      } catch (java.net.SocketException reset) {
        closed = true;
      }
      return new Answer(head.toString(StandardCharsets.ISO_8859_1), rest.toByteArray(), headAt, bodyStart, bodyEnd,
          closed);
    }
  }
}
