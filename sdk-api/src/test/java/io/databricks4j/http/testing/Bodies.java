package io.databricks4j.http.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/** Large bodies made on the fly (never held in memory) and their checksums. */
public final class Bodies {
  private Bodies() {}

  /** {@code length} bytes of a fixed pattern, generated as they are read. */
  public static InputStream pattern(long length) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < length ? at(position++) : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) at(position++);
        }
        return n;
      }
    };
  }

  /** The CRC-32 of {@link #pattern(long) pattern(length)}. */
  public static long patternCrc(long length) {
    try {
      return crc(pattern(length));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code in} to its end in 16 KiB steps and returns its CRC-32; does not close it. */
  public static long crc(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      crc.update(buffer, 0, n);
    }
    return crc.getValue();
  }

  private static int at(long position) {
    return (int) ((position * 31 + (position >>> 13)) & 0xff);
  }
}
