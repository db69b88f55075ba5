package io.databricks4j.testkit.internal.state;

import io.databricks4j.testkit.internal.Blob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A shelf on the heap, for the snapshot of a fresh workspace that a reset goes back to. */
public final class MemoryShelf implements BlobShelf {
  private final Map<String, byte[]> contents = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  @Override
  public String put(Blob blob) {
    String name = "m" + next.incrementAndGet();
    try (InputStream in = blob.open(0)) {
      contents.put(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contents of a file of the local workspace", e);
    }
    return name;
  }

  @Override
  public InputStream open(String name) throws IOException {
    byte[] bytes = contents.get(name);
    if (bytes == null) {
      throw new IOException("no contents named " + name);
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void restored(Blob blob, String name) {
    // the contents stay on the heap for the next reset
  }
}
