package io.databricks4j.transport.jdk.internal;

import io.databricks4j.http.RequestBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body on its way out, and the exchange's wait for an answer once it is out. The JDK
 * pulls the body through {@link #publisher()} after it has connected, so the first read marks the
 * end of the connect phase (bounded by the connect time-out) and every read resets the silence the
 * {@link Watchdog} measures: the time-out starts once the server stops taking bytes or the last
 * byte has gone.
 */
final class Upload implements Watchdog.Watched {
  private final RequestBody body;
  private final InputStream first;
  private final AtomicBoolean firstTaken = new AtomicBoolean();
  private final List<InputStream> opened = new ArrayList<>();
  private volatile long lastActivity = Watchdog.NOT_WAITING;
  private volatile Future<?> exchange;
  private volatile boolean expired;

  /** Opens the body now, so that a file that cannot be read fails before anything is sent. */
  Upload(RequestBody body) {
    this.body = body;
    this.first = body.openStream();
    opened.add(first);
  }

  /** The body for java.net.http: with its length when known, chunked otherwise. */
  BodyPublisher publisher() {
    long length = body.contentLength();
    if (length == 0) {
      return BodyPublishers.noBody();
    }
    BodyPublisher stream = BodyPublishers.ofInputStream(this::nextStream);
    return length > 0 ? BodyPublishers.fromPublisher(stream, length) : stream;
  }

  /** The exchange to cancel if the server stays silent. */
  void exchange(Future<?> f) {
    exchange = f;
  }

  /** Whether the watchdog ended the exchange. */
  boolean expired() {
    return expired;
  }

  @Override
  public long waitingSince() {
    return lastActivity;
  }

  @Override
  public void expire() {
    expired = true;
    Future<?> f = exchange;
    if (f != null) {
      f.cancel(true);
    }
  }

  /** Closes the streams opened for replayable bodies; a stream body belongs to the caller. */
  void closeStreams() {
    if (!body.isReplayable()) {
      return;
    }
    synchronized (opened) {
      for (InputStream in : opened) {
        try {
          in.close();
        } catch (IOException ignored) {
          // only read from; nothing was lost
        }
      }
    }
  }

  private InputStream nextStream() {
    InputStream in;
    if (firstTaken.compareAndSet(false, true)) {
      in = first;
    } else {
      in = body.openStream(); // the JDK sends again after a stale pooled connection
      synchronized (opened) {
        opened.add(in);
      }
    }
    lastActivity = now();
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        lastActivity = now();
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        lastActivity = now();
        return n;
      }
    };
  }

  private static long now() {
    long t = System.nanoTime();
    return t == Watchdog.NOT_WAITING ? t + 1 : t;
  }
}
