package io.databricks4j.mixin.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One ranged part of a download on its way from a worker to the reader: the worker
 * {@linkplain #fill fills} it from the connection while the reader reads what has arrived, so the
 * reader never waits for a whole part. Bytes are held in chunks of a shared {@link Chunks} pool,
 * small enough not to be humongous objects for G1 in a small heap, and given back as soon as they
 * are read; at most the part's length is held.
 */
final class PartBuffer {
  private final long start;
  private final int length;
  private final Chunks chunks;
  private final byte[][] held;
  private final RangeStream source;
  /** Guarded by this: bytes received, whether the fill stopped, and why when it failed. */
  private int received;
  private boolean cancelled;
  private Throwable failure;
  /** The reader's own. */
  private int read;

  /** @param source the stream of bytes {@code [start, end)}, not read yet */
  PartBuffer(long start, long end, RangeStream source, Chunks chunks) {
    this.start = start;
    this.source = source;
    this.length = Math.toIntExact(end - start);
    this.chunks = chunks;
    this.held = new byte[(length + chunks.size - 1) / chunks.size][];
  }

  long start() {
    return start;
  }

  long end() {
    return start + length;
  }

  /** Whether every byte arrived (the worker may still be closing its response). */
  synchronized boolean complete() {
    return received == length;
  }

  /** The worker's side: reads the part from its source to its end, then closes the source. */
  void fill() {
    RangeStream in = source;
    try (in) {
      int at = 0;
      while (at < length) {
        int i = at / chunks.size;
        int off = at % chunks.size;
        if (held[i] == null) {
          held[i] = chunks.take();
        }
        int n = in.read(held[i], off, Math.min(chunks.size - off, length - at));
        if (n < 0) {
          throw new EOFException("the part of the download at byte " + start + " ended after " + at + " of " + length
              + " bytes");
        }
        at += n;
        synchronized (this) {
          if (cancelled) {
            return;
          }
          received = at;
          notifyAll();
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      synchronized (this) {
        failure = e;
        notifyAll();
      }
    }
  }

  /** The reader's side: reads what has arrived, waiting for at least one byte; -1 at the end of the part. */
  int read(byte[] b, int off, int len) throws IOException {
    if (read >= length) {
      return -1;
    }
    int available;
    synchronized (this) {
      while (received <= read && failure == null && !cancelled) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the part of a download at byte " + start);
        }
      }
      if (received <= read) {
        throw failed();
      }
      available = received - read;
    }
    int i = read / chunks.size;
    int at = read % chunks.size;
    int n = Math.min(Math.min(len, available), chunks.size - at);
    System.arraycopy(held[i], at, b, off, n);
    read += n;
    if (at + n == chunks.size || read == length) {
      chunks.give(held[i]);
      held[i] = null;
    }
    return n;
  }

  private IOException failed() {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return failure instanceof IOException io ? io : new IOException("the download was closed");
  }

  /** Stops the worker, dropping its connection; any thread. */
  void cancel() {
    synchronized (this) {
      cancelled = true;
      notifyAll();
    }
    source.abort();
  }

  /**
   * Reusable byte arrays of one download: at most {@code max} are kept for reuse, so what a
   * download holds is bounded by what it has in flight.
   */
  static final class Chunks {
    /** 256 KiB: under half of G1's smallest region, so never a humongous object. */
    static final int MAX_SIZE = 256 * 1024;
    final int size;
    private final ArrayBlockingQueue<byte[]> free;

    Chunks(int size, int max) {
      this.size = size;
      this.free = new ArrayBlockingQueue<>(Math.max(1, max));
    }

    byte[] take() {
      byte[] c = free.poll();
      return c != null ? c : new byte[size];
    }

    void give(byte[] c) {
      free.offer(c);
    }
  }
}
