package io.databricks4j.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Immutable file contents: small ones on the heap, large ones in a temporary file. */
public interface Blob {
  Blob EMPTY = new Memory(new byte[0]);

  long size();

  /** The contents from {@code offset} on. */
  InputStream open(long offset) throws IOException;

  /** Frees the storage; readers that already opened the blob may finish. */
  void release();

  /** Contents held in memory. */
  record Memory(byte[] bytes) implements Blob {
    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public InputStream open(long offset) {
      int from = (int) Math.min(offset, bytes.length);
      return new ByteArrayInputStream(bytes, from, bytes.length - from);
    }

    @Override
    public void release() {
    }
  }

  /** Contents spilled to a temporary file. */
  record Spilled(Path file, long size) implements Blob {
    @Override
    public InputStream open(long offset) throws IOException {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      return Channels.newInputStream(channel);
    }

    @Override
    public void release() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
