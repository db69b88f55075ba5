package io.databricks4j.testkit.internal.state;

import io.databricks4j.testkit.internal.Blob;
import java.io.IOException;
import java.io.InputStream;

/** Where the contents of files go when a snapshot is taken, apart from the JSON that names them. */
public interface BlobShelf {
  /** The name under which the contents of {@code blob} can be read back; a blob already shelved keeps its name. */
  String put(Blob blob);

  /** The contents shelved under {@code name}. */
  InputStream open(String name) throws IOException;

  /** Tells the shelf that {@code blob}, made from {@link #open}, holds the contents of {@code name}. */
  void restored(Blob blob, String name);
}
