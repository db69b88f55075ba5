package io.databricks4j.examples.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic pseudo-random bytes made as they are read, and SHA-256 of streams: big data, no memory. */
final class Payload extends InputStream {
  private final long size;
  private long state;
  private long position;
  private long word;

  private Payload(long size, long seed) {
    this.size = size;
    this.state = seed * 0x9E3779B97F4A7C15L + 1;
  }

  /** {@code size} bytes from {@code seed}; the same arguments always give the same bytes. */
  static Payload of(long size, long seed) {
    return new Payload(size, seed);
  }

  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    of(size, seed).read(b, 0, size);
    return b;
  }

  /** SHA-256 of {@code of(size, seed)}, computed by reading it. */
  static String sha256(long size, long seed) {
    return sha256(of(size, seed));
  }

  /** Reads {@code in} to its end (and closes it) and returns its SHA-256 in hex. */
  static String sha256(InputStream in) {
    MessageDigest md = digest();
    byte[] buf = new byte[64 * 1024];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte next() {
    if ((position & 7) == 0) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      word = state;
    }
    byte b = (byte) (word >>> ((position & 7) * 8));
    position++;
    return b;
  }

  @Override
  public int read() {
    return position >= size ? -1 : next() & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(len, size - position);
    for (int i = 0; i < n; i++) {
      b[off + i] = next();
    }
    return n;
  }

  @Override
  public void close() {
    // nothing held
  }
}
