package io.databricks4j.mixin.files;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.service.files.AddBlock;
import io.databricks4j.service.files.Create;
import io.databricks4j.service.files.DbfsApi;
import io.databricks4j.service.files.FileInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A DBFS file written through a handle in 1 MB blocks (create, add-block, close). An add-block is
 * not idempotent (appending twice would corrupt the file) so a failed one is not re-sent: the
 * stream fails with a {@link TransferInterruptedException} saying what was stored, and leaves the
 * handle unclosed so that the partial file is never completed.
 */
final class DbfsOutputStream extends OutputStream {
  static final int BLOCK = 1024 * 1024;

  private final DbfsApi dbfs;
  private final String path;
  private final Progress progress;
  private final long handle;
  private final byte[] buf = new byte[BLOCK];
  private int len;
  private long stored;
  private int blocks;
  private boolean closed;
  private boolean failed;

  DbfsOutputStream(DbfsApi dbfs, String path, boolean overwrite, Progress progress) {
    this.dbfs = dbfs;
    this.path = path;
    this.progress = progress;
    this.handle = dbfs.create(Create.builder().path(path).overwrite(overwrite).build()).handle();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int n) throws IOException {
    Objects.checkFromIndexSize(off, n, b.length);
    ensureOpen();
    while (n > 0) {
      int c = Math.min(n, BLOCK - len);
      System.arraycopy(b, off, buf, len, c);
      len += c;
      off += c;
      n -= c;
      if (len == BLOCK) {
        sendBlock();
      }
    }
  }

  /** Sends what is buffered as a (short) block. */
  @Override
  public void flush() throws IOException {
    ensureOpen();
    if (len > 0) {
      sendBlock();
    }
  }

  /** Sends the last block and closes the handle: the file is complete. A no-op after a failure. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      return;
    }
    if (len > 0) {
      sendBlock();
    }
    try {
      dbfs.close(handle);
    } catch (DatabricksException e) {
      failed = true;
      throw interrupted(e, "closing the handle failed after every block was added");
    }
  }

  private void ensureOpen() throws IOException {
    if (closed || failed) {
      throw new IOException("the DBFS stream of " + path + " is " + (failed ? "failed" : "closed"));
    }
  }

  private void sendBlock() {
    String data = Base64.getEncoder().encodeToString(len == buf.length ? buf : Arrays.copyOf(buf, len));
    try {
      dbfs.addBlock(AddBlock.builder().handle(handle).data(data).build());
    } catch (DatabricksException e) {
      failed = true;
      throw interrupted(e, "the block of " + len + " bytes at offset " + stored
          + " may or may not have been added, so it was not sent again");
    }
    stored += len;
    blocks++;
    progress.add(len);
    len = 0;
  }

  long stored() {
    return stored;
  }

  private TransferInterruptedException interrupted(DatabricksException cause, String what) {
    Long size = null;
    String now;
    try {
      FileInfo f = dbfs.getStatus(path);
      size = f.fileSize();
      now = "dbfs:" + path + " exists with " + size + " bytes";
    } catch (NotFound e) {
      now = "dbfs:" + path + " does not exist";
    } catch (RuntimeException e) {
      now = "the state of dbfs:" + path + " could not be read (" + e.getMessage() + ")";
    }
    return new TransferInterruptedException("Writing dbfs:" + path + " failed after " + stored + " bytes had been"
        + " added in " + blocks + " blocks of 1 MB; " + what + ": " + cause.getMessage() + ". The handle " + handle
        + " was left open so the partial file is not completed; now " + now + ". Write the file again from its"
        + " start, with overwrite.", path, stored, size, cause);
  }
}
