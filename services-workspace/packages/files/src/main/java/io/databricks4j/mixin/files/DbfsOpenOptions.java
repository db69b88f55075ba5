package io.databricks4j.mixin.files;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * How {@link DbfsExt#open} opens a file: {@link #read()} gives an {@link InputStream},
 * {@link #write()} an {@link OutputStream}. Immutable: each method returns a new value.
 *
 * <pre>{@code
 * try (OutputStream out = w.dbfs().open("/tmp/x", DbfsOpenOptions.write().overwrite(true))) { ... }
 * try (InputStream in = w.dbfs().open("dbfs:/tmp/x", DbfsOpenOptions.read())) { ... }
 * }</pre>
 *
 * @param <S> the stream the options open
 */
public final class DbfsOpenOptions<S extends Closeable> {
  private final boolean write;
  private final boolean overwrite;
  private final ProgressListener progress;

  private DbfsOpenOptions(boolean write, boolean overwrite, ProgressListener progress) {
    this.write = write;
    this.overwrite = overwrite;
    this.progress = progress;
  }

  /** Open for reading, in 1 MB reads. */
  public static DbfsOpenOptions<InputStream> read() {
    return new DbfsOpenOptions<>(false, false, ProgressListener.NONE);
  }

  /** Open for writing a new file, in 1 MB blocks; the file is complete when the stream is closed. */
  public static DbfsOpenOptions<OutputStream> write() {
    return new DbfsOpenOptions<>(true, false, ProgressListener.NONE);
  }

  /** Replace an existing file (writing only). */
  public DbfsOpenOptions<S> overwrite(boolean v) {
    if (!write && v) {
      throw new IllegalStateException("overwrite applies to DbfsOpenOptions.write(), not read()");
    }
    return new DbfsOpenOptions<>(write, v, progress);
  }

  /** Told of the bytes read, or of the bytes written once each block is stored. */
  public DbfsOpenOptions<S> progress(ProgressListener v) {
    return new DbfsOpenOptions<>(write, overwrite, Objects.requireNonNull(v, "progress"));
  }

  public boolean isWrite() {
    return write;
  }

  public boolean overwrite() {
    return overwrite;
  }

  public ProgressListener progress() {
    return progress;
  }

  @Override
  public String toString() {
    return "DbfsOpenOptions{" + (write ? "write" + (overwrite ? ", overwrite" : "") : "read") + "}";
  }
}
