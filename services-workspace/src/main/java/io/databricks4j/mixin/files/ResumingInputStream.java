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
  private final long end;
  private final int maxAttempts;
  private final Progress progress;
  private InputStream in;
  private long position;

  /**
   * @param first the stream already open at {@code position}, or null to open one on the first read
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
    this.opener = Objects.requireNonNull(opener, "opener");
    this.maxAttempts = maxAttempts;
    this.progress = progress;
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    int failures = 0;
    while (true) {
      if (end >= 0 && position >= end) {
        return -1;
      }
      int want = end < 0 ? len : (int) Math.min(len, end - position);
      Throwable failure;
      try {
        if (in == null) {
          in = opener.open(position, end);
        }
        int n = in.read(b, off, want);
        if (n > 0) {
          position += n;
          if (progress != null) {
            progress.add(n);
          }
          return n;
        }
        if (n < 0 && end < 0) {
          return -1;
        }
        failure = new EOFException("the response ended at byte " + position + ", before byte " + end);
      } catch (IOException e) {
        failure = e;
      } catch (DatabricksException e) {
        if (!Retries.retryable(e)) {
          closeCurrent();
          throw interrupted(e);
        }
        failure = e;
      }
      closeCurrent();
      failures++;
      if (failures >= maxAttempts) {
        throw interrupted(failure);
      }
      LOG.debug("download of {} interrupted at byte {} ({}); resuming from there, attempt {} of {}", path, position,
          failure.toString(), failures + 1, maxAttempts);
      Retries.pause(failures, failure);
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

  private void closeCurrent() {
    InputStream c = in;
    in = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // the connection failed already; a new one is opened
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closeCurrent();
  }
}
