package io.databricks4j.mixin.files;

/** Adds up transferred bytes from any thread and tells the listener, one call at a time. */
final class Progress {
  private final ProgressListener listener;
  private final long total;
  private long done;

  Progress(ProgressListener listener, long total) {
    this.listener = listener;
    this.total = total;
  }

  synchronized void add(long bytes) {
    if (bytes > 0) {
      done += bytes;
      listener.onProgress(done, total);
    }
  }

  /** A replayable upload starts over. */
  synchronized void restart() {
    if (done != 0) {
      done = 0;
      listener.onProgress(0, total);
    }
  }

  synchronized long done() {
    return done;
  }
}
