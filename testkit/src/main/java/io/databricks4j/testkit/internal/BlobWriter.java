package io.databricks4j.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Accumulates file contents, in memory up to a threshold and in a temporary file beyond it, so
 * that a large upload costs the emulator's JVM no more heap than one buffer.
 *
 * <p>The file is written {@link #SLICE} bytes at a time: the JDK copies an array written to a
 * channel through a temporary direct buffer as large as the write and keeps it for the thread, so
 * whole 1 MB blocks would pin 1 MB of direct memory in each request thread (64 MB with 64 threads,
 * the default direct memory limit of a 64 MB heap).
 */
public final class BlobWriter extends OutputStream {
  /** The most written to the file at once. */
  public static final int SLICE = 64 * 1024;

  private final int threshold;
  private final Supplier<Path> spillDirectory;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private OutputStream file;
  private Path path;
  private long size;
  private boolean done;

  public BlobWriter(int threshold, Supplier<Path> spillDirectory) {
    this.threshold = threshold;
    this.spillDirectory = spillDirectory;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("the blob is already complete");
    }
    if (file == null && memory.size() + (long) len > threshold) {
      path = Files.createTempFile(spillDirectory.get(), "blob-", ".bin");
      file = new SlicingOutputStream(Files.newOutputStream(path));
      memory.writeTo(file);
      memory = null;
    }
    if (file != null) {
      file.write(b, off, len);
    } else {
      memory.write(b, off, len);
    }
    size += len;
  }

  /** Copies {@code in} to its end. */
  public long transferFrom(InputStream in) throws IOException {
    byte[] buffer = new byte[SLICE];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  public long size() {
    return size;
  }

  /** The contents written so far, as an immutable blob; the writer is done. */
  public Blob toBlob() {
    done = true;
    if (file == null) {
      return new Blob.Memory(memory.toByteArray());
    }
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Blob.Spilled(path, size);
  }

  /** Abandons the contents. */
  public void discard() {
    done = true;
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // the file is deleted below either way
      }
      new Blob.Spilled(path, size).release();
    }
    memory = null;
  }

  @Override
  public void close() {
    // the blob is taken with toBlob() or discard(); closing the stream changes nothing
  }

  /** Passes writes on in slices of at most {@link #SLICE} bytes. */
  private static final class SlicingOutputStream extends FilterOutputStream {
    SlicingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int done = 0; done < len; done += SLICE) {
        out.write(b, off + done, Math.min(SLICE, len - done));
      }
    }
  }
}
