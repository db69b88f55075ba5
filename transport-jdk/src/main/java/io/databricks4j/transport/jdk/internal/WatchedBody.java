package io.databricks4j.transport.jdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A response body as it streams from java.net.http, with what the JDK's stream lacks: the read
 * time-out (through the {@link Watchdog}), {@link #abort()} from any thread, and an end that is
 * never mistaken for the end of the body. Closing java.net.http's stream before its end drops the
 * connection, so {@link #close()} first reads a short rest to let the connection be reused.
 */
final class WatchedBody extends InputStream implements Watchdog.Watched {
  /** Up to this many unread bytes are read on close to keep the connection; a longer rest drops it. */
  static final long DRAIN_LIMIT = 256 * 1024;

  private enum End { TIMED_OUT, ABORTED, CLOSED }

  private final InputStream in;
  private final long contentLength;
  private final String origin;
  private final Duration readTimeout;
  private final Consumer<WatchedBody> release;
  private final AtomicReference<End> end = new AtomicReference<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile long waitingSince = Watchdog.NOT_WAITING;
  private long received;
  private boolean eof;

  /**
   * @param release gives the connection permit back and forgets this body; called once, when the
   *     body ends, fails, is aborted or closed
   */
  WatchedBody(InputStream in, long contentLength, String origin, Duration readTimeout, Consumer<WatchedBody> release) {
    this.in = in;
    this.contentLength = contentLength;
    this.origin = origin;
    this.readTimeout = readTimeout;
    this.release = release;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    failIfEnded(null);
    if (eof) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n;
    waitingSince = now();
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      failIfEnded(e);
      throw readFailure(e);
    } finally {
      waitingSince = Watchdog.NOT_WAITING;
    }
    failIfEnded(null); // an abort or time-out during the read wins over what the read returned
    if (n < 0) {
      eof = true;
      finish();
    } else {
      received += n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return end.get() != null || eof ? 0 : in.available();
  }

  @Override
  public long waitingSince() {
    return waitingSince;
  }

  /** The watchdog's verdict: the peer has been silent longer than the read time-out. */
  @Override
  public void expire() {
    if (end.compareAndSet(null, End.TIMED_OUT)) {
      drop();
    }
  }

  /** Drops the connection without reading the rest; a read in progress or to come fails. */
  void abort() {
    end.compareAndSet(null, End.ABORTED);
    drop();
  }

  @Override
  public void close() {
    if (end.get() == null && !eof) {
      drain();
    }
    end.compareAndSet(null, End.CLOSED);
    closeQuietly();
    finish();
  }

  private void drain() {
    if (contentLength >= 0 && contentLength - received > DRAIN_LIMIT) {
      return;
    }
    byte[] buffer = new byte[8192];
    long budget = DRAIN_LIMIT;
    try {
      while (budget > 0) {
        int n = read(buffer, 0, (int) Math.min(buffer.length, budget));
        if (n < 0) {
          return;
        }
        budget -= n;
      }
    } catch (IOException dropped) {
      // the rest is not worth a connection: closing drops it
    }
  }

  private void drop() {
    closeQuietly();
    finish();
  }

  private void closeQuietly() {
    try {
      in.close(); // java.net.http closes the connection when the body is closed before its end
    } catch (IOException ignored) {
      // the connection is gone either way
    }
  }

  private void finish() {
    if (finished.compareAndSet(false, true)) {
      release.accept(this);
    }
  }

  private void failIfEnded(IOException cause) throws IOException {
    End e = end.get();
    if (e == null) {
      return;
    }
    IOException failure = switch (e) {
      case TIMED_OUT -> new SocketTimeoutException("read timed out: no response bytes from " + origin
          + " for longer than the read time-out of " + readTimeout.toMillis() + " ms");
      case ABORTED -> new IOException("the response from " + origin + " was aborted");
      case CLOSED -> new IOException("the response body is closed");
    };
    if (cause != null) {
      failure.initCause(cause);
    }
    throw failure;
  }

  private IOException readFailure(IOException e) {
    drop();
    if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while reading the response from " + origin);
      interrupted.initCause(e);
      return interrupted;
    }
    return e;
  }

  private static long now() {
    long t = System.nanoTime();
    return t == Watchdog.NOT_WAITING ? t + 1 : t;
  }
}
