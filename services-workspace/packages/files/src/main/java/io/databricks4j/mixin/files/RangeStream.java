package io.databricks4j.mixin.files;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes {@code [position, end)} of a remote file, read from one response of the pipeline. The
 * response resumes by itself after a dropped connection ({@code ApiClient.stream(request, true)});
 * a failure that reaches this stream is final and fails it with a {@link TransferInterruptedException}
 * saying where it stopped.
 *
 * <p>The end can be brought forward while it is read ({@link #limit}): a response that goes on
 * past it is then abandoned, its connection closed rather than read to its end.
 */
final class RangeStream extends ChunkedInputStream {
  /** Sends the request for bytes {@code [start, end)} of the file (-1: to its end). */
  @FunctionalInterface
  interface Opener {
    HttpResponse open(long start, long end);
  }

  private final String path;
  private final Opener opener;
  private final Progress progress;
  /** Where the response ends: past {@link #end} once the end was brought forward; -1 when unknown. */
  private final long responseEnd;
  private volatile HttpResponse response;
  private InputStream body;
  private boolean responseDone;
  private long end;
  private long position;

  /**
   * @param first the response already open at {@code position} up to {@code end}, or null to send
   *     the request on the first read
   * @param end the end of the range, exclusive, or -1 when the length is not known
   * @param progress told about every byte read; null for none
   */
  RangeStream(String path, HttpResponse first, long position, long end, Opener opener, Progress progress) {
    super("the download of " + path);
    this.path = path;
    this.response = first;
    this.body = first == null ? null : first.body();
    this.position = position;
    this.end = end;
    this.responseEnd = end;
    this.opener = Objects.requireNonNull(opener, "opener");
    this.progress = progress;
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    if (end >= 0 && position >= end) {
      release();
      return -1;
    }
    if (body == null) {
      open();
    }
    int want = end < 0 ? len : (int) Math.min(len, end - position);
    int n;
    try {
      n = body.read(b, off, want);
    } catch (IOException e) {
      abandon();
      if (closed) {
        throw new IOException("the download of " + path + " was closed", e);
      }
      throw interrupted(e);
    }
    if (n < 0) {
      responseDone = true;
      release();
      if (end >= 0) {
        throw interrupted(new EOFException("the response ended at byte " + position + ", before byte " + end));
      }
      return -1;
    }
    position += n;
    if (progress != null) {
      progress.add(n);
    }
    return n;
  }

  private void open() throws IOException {
    HttpResponse r;
    try {
      r = opener.open(position, end);
    } catch (TransferInterruptedException e) {
      throw e;
    } catch (DatabricksException e) {
      throw interrupted(e);
    }
    response = r;
    if (closed) {
      abandon(); // stopped by another thread while the request was on its way
      throw new IOException("the download of " + path + " was closed");
    }
    body = r.body();
  }

  private TransferInterruptedException interrupted(Throwable cause) {
    return new TransferInterruptedException("the download of " + path + " stopped at byte " + position
        + (end >= 0 ? " of the range ending at byte " + end : "") + ": " + cause.getMessage(), path, position, null,
        cause);
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
    HttpResponse r = response;
    return r == null || r.abortable();
  }

  /** Done with the response: closed when read to its end (its connection is reused), else abandoned. */
  private void release() {
    HttpResponse r = response;
    if (r == null || body == null) {
      return;
    }
    body = null;
    if (responseDone || (responseEnd >= 0 && position >= responseEnd)) {
      FilesHttp.closeQuietly(r);
    } else {
      FilesHttp.abortQuietly(r);
    }
  }

  /** Drops the response without reading the rest: it failed, or is not wanted any more. */
  private void abandon() {
    body = null;
    HttpResponse r = response;
    if (r != null) {
      FilesHttp.abortQuietly(r);
    }
  }

  /**
   * Stops the stream from any thread, also while another one is blocked reading it: its connection
   * is dropped and that read fails.
   */
  void abort() {
    closed = true;
    HttpResponse r = response;
    if (r != null) {
      FilesHttp.abortQuietly(r);
    }
  }

  @Override
  public void close() {
    closed = true;
    release();
  }
}
