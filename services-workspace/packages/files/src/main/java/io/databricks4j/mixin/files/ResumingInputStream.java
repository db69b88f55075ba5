package io.databricks4j.mixin.files;

import io.databricks4j.error.DatabricksException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes {@code [position, end)} of a remote file. When the connection fails part-way, it reconnects
 * asking for the bytes from the next one it has not received, up to {@code maxAttempts} times in a
 * row without receiving anything; a successful read starts the count again.
 *
 * <p>The end can be brought forward while it is read ({@link #limit}): a response that goes on
 * past it is then abandoned, its connection closed rather than read to its end.
 */
final class ResumingInputStream extends ChunkedInputStream {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  /** Opens the remote bytes from {@code position} to {@code end} (exclusive; -1: to the end of the file). */
  @FunctionalInterface
  interface Opener {
    InputStream open(long position, long end);
  }

  private final String path;
  private final Opener opener;
  private final int maxAttempts;
  private final Progress progress;
  private volatile InputStream in;
  /** Where the response being read ends: past {@link #end} when the end was brought forward; -1 when unknown. */
  private long responseEnd;
  private boolean responseDone;
  private long end;
  private long position;

  /**
   * @param first the stream already open at {@code position} up to {@code end}, or null to open one
   *     on the first read
   * @param end the end of the range, exclusive, or -1 when the length is not known
   * @param progress told about every byte read; null for none
   */
  ResumingInputStream(String path, InputStream first, long position, long end, Opener opener, int maxAttempts,
      Progress progress) {
    super("the download of " + path);
    this.path = path;
    this.in = first;
    this.position = position;
    this.end = end;
    this.responseEnd = end;
    this.opener = Objects.requireNonNull(opener, "opener");
    this.maxAttempts = maxAttempts;
    this.progress = progress;
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    int failures = 0;
    while (true) {
      if (end >= 0 && position >= end) {
        release();
        return -1;
      }
      int want = end < 0 ? len : (int) Math.min(len, end - position);
      Throwable failure;
      try {
        if (in == null) {
          in = opener.open(position, end);
          responseEnd = end;
          responseDone = false;
        }
        checkOpen();
        int n = in.read(b, off, want);
        if (n > 0) {
          position += n;
          if (progress != null) {
            progress.add(n);
          }
          return n;
        }
        if (n < 0 && end < 0) {
          responseDone = true;
          release();
          return -1;
        }
        failure = new EOFException("the response ended at byte " + position + ", before byte " + end);
      } catch (IOException e) {
        checkOpen();
        failure = e;
      } catch (DatabricksException e) {
        if (!Retries.retryable(e)) {
          abandon();
          throw interrupted(e);
        }
        failure = e;
      }
      abandon();
      failures++;
      if (failures >= maxAttempts) {
        throw interrupted(failure);
      }
      LOG.debug("download of {} interrupted at byte {} ({}); resuming from there, attempt {} of {}", path, position,
          failure.toString(), failures + 1, maxAttempts);
      Retries.pause(failures, failure);
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      abandon();
      throw new IOException("the download of " + path + " was closed");
    }
  }

  private TransferInterruptedException interrupted(Throwable cause) {
    return new TransferInterruptedException("the download of " + path + " stopped at byte " + position
        + (end >= 0 ? " of the range ending at byte " + end : "") + " and could not be resumed after " + maxAttempts
        + " attempts: " + cause, path, position, null, cause);
  }

  /** The offset in the file of the next byte. */
  long position() {
    return position;
  }

  /**
   * Ends the stream at {@code newEnd} (not before the current position) instead of where it was to
   * end; only ever brought forward. Call it from the reading thread.
   */
  void limit(long newEnd) {
    if (newEnd < position) {
      throw new IllegalArgumentException("cannot end the download at byte " + newEnd + ", already at " + position);
    }
    if (end < 0 || newEnd < end) {
      end = newEnd;
    }
  }

  /** Whether a response can be left part-way without reading the rest of it (see {@link #limit}). */
  boolean canStopEarly() {
    return !(in instanceof FilesHttp.ResponseBody body) || body.abortable();
  }

  /** Done with the current response: closed when read to its end (its connection is reused), else abandoned. */
  private void release() {
    InputStream c = in;
    in = null;
    if (c == null) {
      return;
    }
    if (responseDone || (responseEnd >= 0 && position >= responseEnd)) {
      FilesHttp.closeQuietly(c);
    } else {
      abort(c);
    }
  }

  /** Drops the current response without reading the rest: it failed, or is not wanted any more. */
  private void abandon() {
    InputStream c = in;
    in = null;
    if (c != null) {
      abort(c);
    }
  }

  private static void abort(InputStream c) {
    if (c instanceof FilesHttp.ResponseBody body) {
      body.abort();
    } else {
      FilesHttp.closeQuietly(c);
    }
  }

  /**
   * Stops the stream from any thread, also while another one is blocked reading it: its connection
   * is dropped and that read fails.
   */
  void abort() {
    closed = true;
    abandon();
  }

  @Override
  public void close() {
    closed = true;
    release();
  }
}
