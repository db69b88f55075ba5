package io.databricks4j.mixin.files;

import java.io.IOException;
import java.io.InputStream;

/** The contents of an upload that can be read again from the start: a file or bytes. */
@FunctionalInterface
interface ReplayableSource {
  InputStream open() throws IOException;

  /**
   * Reading the source failed. Not a failure of the exchange, so the retry of the upload lets it
   * through (it retries only {@link io.databricks4j.error.DatabricksException}s).
   */
  final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
