package io.databricks4j.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An exchange whose answer meets a fault of the plan after the request was served: the handler
 * writes its answer as usual, and this exchange holds it back, cuts it or drops the connection.
 * After {@link #dropped()} the dispatcher must not finish the exchange but make the server close
 * the connection (a handler that throws does that), so that the client sees a cut where it
 * expected more.
 */
final class FaultedExchange extends ForwardingExchange {
  private final FaultEngine.Kind kind;
  private final long stallMillis;
  private Body body;
  /** The body bytes after which the fault strikes; -1 when it does not strike in the body. */
  private long cut = -1;
  private boolean chunked;
  private boolean dropped;

  FaultedExchange(HttpExchange exchange, FaultEngine.Decision fault) {
    super(exchange);
    this.kind = fault.kind();
    this.stallMillis = fault.stallMillis();
  }

  /** Whether the connection is to be closed instead of finishing the exchange. */
  boolean dropped() {
    return dropped;
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws IOException {
    switch (kind) {
      case DROPPED_AFTER_PROCESSING -> drop();
      case STALLED_HEADERS -> stall();
      case TRUNCATED_BODY, TRUNCATED_CHUNKED_BODY -> {
        if (length < 0) {
          drop(); // no body to cut: the answer goes missing altogether
        }
        cut = length / 2;
        length = kind == FaultEngine.Kind.TRUNCATED_CHUNKED_BODY ? 0 : length;
      }
      case STALLED_BODY -> {
        if (length < 0) {
          stall();
        } else {
          cut = length / 2;
        }
      }
      default -> {
      }
    }
    chunked = length == 0;
    exchange.sendResponseHeaders(status, length);
  }

  @Override
  public OutputStream getResponseBody() {
    if (body == null) {
      body = new Body(exchange.getResponseBody());
    }
    return body;
  }

  @Override
  public void close() {
    if (kind == FaultEngine.Kind.CLOSED_AFTER_ANSWER && !dropped) {
      try {
        // the answer is complete (a chunked one once its last chunk is out); the exchange is not
        // finished, so the server does not keep the connection
        if (body != null && chunked) {
          body.out.close();
        } else if (body != null) {
          body.out.flush();
        }
      } catch (IOException ignored) {
        // the client went away; the connection is closed either way
      }
      dropped = true;
    }
    if (!dropped) {
      exchange.close();
    }
  }

  private void drop() throws IOException {
    dropped = true;
    throw new IOException("the fault plan dropped the connection (" + kind + ")");
  }

  private void stall() throws IOException {
    try {
      Thread.sleep(stallMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the fault plan held the answer back", e);
    }
  }

  /** The body: written through up to the cut, where the fault strikes. */
  private final class Body extends OutputStream {
    private final OutputStream out;
    private long written;

    Body(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (dropped) {
        throw new IOException("the fault plan dropped the connection (" + kind + ")");
      }
      if (cut >= 0 && written + len > cut) {
        int head = (int) (cut - written);
        out.write(b, off, head);
        out.flush();
        written += head;
        cut = -1;
        if (kind == FaultEngine.Kind.STALLED_BODY) {
          stall();
        } else {
          drop();
        }
        off += head;
        len -= head;
      }
      out.write(b, off, len);
      written += len;
    }

    @Override
    public void flush() throws IOException {
      if (!dropped) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (kind == FaultEngine.Kind.CLOSED_AFTER_ANSWER) {
        FaultedExchange.this.close();
      } else if (!dropped) {
        out.close();
      }
    }
  }
}
