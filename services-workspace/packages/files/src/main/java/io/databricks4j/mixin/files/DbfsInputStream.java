package io.databricks4j.mixin.files;

import io.databricks4j.service.files.DbfsApi;
import io.databricks4j.service.files.ReadDbfsRequest;
import io.databricks4j.service.files.ReadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * A DBFS file read by offset in 1 MB calls. Each call is an idempotent GET that the pipeline
 * retries, and the next one starts where the last ended, so a failure never restarts the file.
 */
final class DbfsInputStream extends ChunkedInputStream {
  static final int CHUNK = 1024 * 1024;

  private final DbfsApi dbfs;
  private final String path;
  private final long size;
  private final Progress progress;
  private byte[] buf = new byte[0];
  private int bufPos;
  private long offset;

  DbfsInputStream(DbfsApi dbfs, String path, long size, Progress progress) {
    super("the DBFS stream of " + path);
    this.dbfs = dbfs;
    this.path = path;
    this.size = size;
    this.progress = progress;
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    if (bufPos == buf.length && !fill()) {
      return -1;
    }
    int n = Math.min(len, buf.length - bufPos);
    System.arraycopy(buf, bufPos, b, off, n);
    bufPos += n;
    progress.add(n);
    return n;
  }

  private boolean fill() {
    if (offset >= size) {
      return false;
    }
    ReadResponse r = dbfs.read(ReadDbfsRequest.builder().path(path).offset(offset)
        .length(Math.min((long) CHUNK, size - offset)).build());
    long n = r.bytesRead() == null ? 0 : r.bytesRead();
    if (n == 0) {
      return false;
    }
    buf = Base64.getDecoder().decode(r.data() == null ? "" : r.data());
    bufPos = 0;
    offset += buf.length;
    return buf.length > 0;
  }

  @Override
  public int available() {
    return buf.length - bufPos;
  }

  @Override
  public void close() {
    closed = true;
    buf = new byte[0];
    bufPos = 0;
  }
}
