package io.databricks4j.mixin.files;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download read in order: one stream, which ranged requests join when it is slow (see
 * {@link SwitchPolicy}). Until then the reader reads the first response as it arrives. On the
 * switch the first stream reads one more part while the first ranged parts are requested, and is
 * dropped where they begin; from then on a part is requested whenever a connection is free and it
 * fits in the window of {@code parallelism * partSize} bytes ahead of the reader, which bounds what
 * is held in memory. Parts are read as they arrive ({@link PartBuffer}), never waited for whole.
 */
final class ParallelDownloadStream extends ChunkedInputStream {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  /** Makes the stream of bytes {@code [start, end)} of the file; it connects on its first read. */
  @FunctionalInterface
  interface PartOpener {
    RangeStream open(long start, long end);
  }

  private final String path;
  private final long total;
  private final long partSize;
  private final int parallelism;
  private final long window;
  private final PartOpener parts;
  private final Progress progress;
  private final PartBuffer.Chunks chunks;
  /** Parts requested and not yet read, in file order. */
  private final ArrayDeque<PartBuffer> ahead = new ArrayDeque<>();
  private SwitchPolicy policy;
  private RangeStream head;
  private PartBuffer current;
  private ExecutorService pool;
  private long position;
  /** The start of the next part to request; -1 while the download is one stream. */
  private long nextPart = -1;

  /**
   * @param head the first stream, from its position to {@code total}
   * @param policy when to go parallel; null: never
   */
  ParallelDownloadStream(String path, RangeStream head, long total, long partSize, int parallelism,
      SwitchPolicy policy, PartOpener parts, Progress progress) {
    super("the download of " + path);
    this.path = path;
    this.head = head;
    this.position = head.position();
    this.total = total;
    this.partSize = partSize;
    this.parallelism = parallelism;
    this.window = partSize * parallelism;
    this.policy = policy;
    this.parts = parts;
    this.progress = progress;
    int chunk = (int) Math.min(PartBuffer.Chunks.MAX_SIZE, partSize);
    this.chunks = new PartBuffer.Chunks(chunk, (int) (window / chunk) + parallelism);
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    if (head != null) {
      long t0 = policy == null ? 0 : System.nanoTime();
      int n = head.read(b, off, len);
      if (n > 0) {
        position += n;
        progress.add(n);
        if (policy != null && policy.observe(n, System.nanoTime() - t0, total - position)) {
          policy = null;
          goParallel();
        } else if (nextPart >= 0) {
          schedule();
        }
        return n;
      }
      head.close();
      head = null;
      if (nextPart < 0) {
        return -1;
      }
    }
    while (true) {
      if (current == null) {
        schedule();
        current = ahead.poll();
        if (current == null) {
          return -1;
        }
      }
      int n = current.read(b, off, len);
      if (n > 0) {
        position += n;
        progress.add(n);
        schedule();
        return n;
      }
      current = null;
    }
  }

  private void goParallel() {
    long first = position + partSize;
    if (total - first < partSize || !head.canStopEarly()) {
      return;
    }
    LOG.debug("download of {} is slow as one stream at byte {} of {}: fetching the rest in parts of {} bytes,"
        + " {} at once", path, position, total, partSize, parallelism);
    head.limit(first);
    nextPart = first;
    pool = Threads.pool(parallelism);
    schedule();
  }

  /** Requests parts while a connection is free and the window ahead of the reader has room. */
  private void schedule() {
    int connections = head == null ? parallelism : parallelism - 1;
    while (nextPart < total && nextPart + partSize <= position + window && fetching() < connections) {
      long start = nextPart;
      long end = Math.min(total, start + partSize);
      PartBuffer part = new PartBuffer(start, end, parts.open(start, end), chunks);
      ahead.add(part);
      nextPart = end;
      pool.execute(part::fill);
      if (nextPart == total) {
        pool.shutdown();
      }
    }
  }

  private int fetching() {
    int n = current != null && !current.complete() ? 1 : 0;
    for (PartBuffer p : ahead) {
      if (!p.complete()) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (head != null) {
      head.close();
    }
    if (current != null) {
      current.cancel();
    }
    ahead.forEach(PartBuffer::cancel);
    ahead.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
