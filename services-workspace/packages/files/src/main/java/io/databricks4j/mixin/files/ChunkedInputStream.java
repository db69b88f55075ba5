package io.databricks4j.mixin.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The part every download stream shares: single-byte reads through the array read, argument
 * checks, and a clear error after {@link #close()}. Subclasses read into the array.
 */
abstract class ChunkedInputStream extends InputStream {
  private final String what;
  /** Set by {@link #close()} of the subclass, possibly on another thread than the reader's. */
  volatile boolean closed;

  ChunkedInputStream(String what) {
    this.what = what;
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException(what + " was closed");
    }
    return len == 0 ? 0 : readChunk(b, off, len);
  }

  /** Reads at least one byte into {@code b}, or returns -1 at the end; {@code len > 0}. */
  abstract int readChunk(byte[] b, int off, int len) throws IOException;
}
