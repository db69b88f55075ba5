package io.databricks4j.benchmarks.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of every benchmark file: byte {@code p} of a file is {@code at(p)}, so any range can be
 * produced and checked without holding the file. The period is prime, so 64 KiB buffers never line up
 * with it and a misplaced range is caught.
 */
public final class Pattern {
  public static final int PERIOD = 65_521;
  /** Longest slice {@link #slice} hands out in one piece. */
  public static final int MAX_SLICE = 64 * 1024;
  private static final byte[] BYTES = new byte[PERIOD + MAX_SLICE];

  static {
    for (int i = 0; i < BYTES.length; i++) {
      int p = i % PERIOD;
      BYTES[i] = (byte) (p * 31 + (p >>> 8));
    }
  }

  private Pattern() {}

  public static byte at(long position) {
    return BYTES[(int) (position % PERIOD)];
  }

  /** The array to read {@code at(position)} onwards from, {@link #offset} bytes in; up to {@link #MAX_SLICE} bytes. */
  public static byte[] bytes() {
    return BYTES;
  }

  public static int offset(long position) {
    return (int) (position % PERIOD);
  }

  /** A stream of bytes {@code [0, length)} of the pattern; allocation-free. */
  public static InputStream stream(long length) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position >= length ? -1 : at(position++) & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, MAX_SLICE), length - position);
        System.arraycopy(BYTES, offset(position), b, off, n);
        position += n;
        return n;
      }

      @Override
      public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
      }
    };
  }

  /**
   * Reads {@code in} to its end through one 64 KiB buffer, checking the first and last byte of each
   * read against the pattern from {@code start}.
   *
   * @return the number of bytes read
   * @throws IOException when a byte is not the expected one
   */
  public static long drain(InputStream in, long start) throws IOException {
    byte[] buf = new byte[MAX_SLICE];
    long position = start;
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n > 0 && (buf[0] != at(position) || buf[n - 1] != at(position + n - 1))) {
          throw new IOException("unexpected content near byte " + position);
        }
        position += n;
      }
    }
    return position - start;
  }
}
