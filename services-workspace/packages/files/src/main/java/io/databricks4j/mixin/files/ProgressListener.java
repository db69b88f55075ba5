package io.databricks4j.mixin.files;

/**
 * Told how far an upload or a download has got. Calls are serialized (never concurrent, even for
 * parallel downloads) and {@code bytesDone} only grows, except when a replayable upload is retried
 * from its start, when it goes back to 0 first. Keep it quick: it runs on the transferring thread.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every call. */
  ProgressListener NONE = (done, total) -> { };

  /**
   * @param bytesDone bytes sent or received so far
   * @param totalBytes the size of the transfer, or -1 when it is not known (an InputStream upload)
   */
  void onProgress(long bytesDone, long totalBytes);
}
