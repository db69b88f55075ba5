package io.databricks4j.mixin.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a source (what an upload sent) and reports them. */
final class CountingInputStream extends FilterInputStream {
  private final Progress progress;
  private long count;

  CountingInputStream(InputStream in, Progress progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
      progress.add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count += n;
      progress.add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("an upload source is read, not skipped");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }
}
