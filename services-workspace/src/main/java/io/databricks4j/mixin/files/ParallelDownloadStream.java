package io.databricks4j.mixin.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A download read in order while its later parts are fetched ahead by ranged requests: part 0
 * streams from the first response, up to {@code parallelism - 1} more are in flight or waiting in
 * memory.
 */
final class ParallelDownloadStream extends ChunkedInputStream {
  /** Fetches bytes {@code [start, end)} whole. */
  @FunctionalInterface
  interface PartFetcher {
    byte[] fetch(long start, long end);
  }

  private final long total;
  private final long partSize;
  private final int parts;
  private final PartFetcher fetcher;
  private final ExecutorService pool;
  private final Progress progress;
  private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
  private InputStream current;
  private int currentPart;
  private int nextToSchedule = 1;

  ParallelDownloadStream(InputStream first, long total, long partSize, int parallelism, PartFetcher fetcher,
      Progress progress) {
    super("the download");
    this.current = first;
    this.total = total;
    this.partSize = partSize;
    this.parts = (int) ((total + partSize - 1) / partSize);
    this.fetcher = fetcher;
    this.progress = progress;
    this.pool = Threads.pool(parallelism - 1);
    for (int i = 0; i < parallelism - 1 && nextToSchedule < parts; i++) {
      schedule();
    }
  }

  private void schedule() {
    long start = nextToSchedule * partSize;
    long end = Math.min(total, start + partSize);
    pending.add(pool.submit(() -> fetcher.fetch(start, end)));
    nextToSchedule++;
    if (nextToSchedule == parts) {
      pool.shutdown();
    }
  }

  @Override
  int readChunk(byte[] b, int off, int len) throws IOException {
    while (true) {
      int n = current.read(b, off, len);
      if (n >= 0) {
        progress.add(n);
        return n;
      }
      if (currentPart + 1 >= parts) {
        return -1;
      }
      byte[] next = await(pending.poll());
      current.close();
      current = new ByteArrayInputStream(next);
      currentPart++;
      if (nextToSchedule < parts) {
        schedule();
      }
    }
  }

  private static byte[] await(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a part of a download");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    pending.forEach(f -> f.cancel(true));
    pending.clear();
    pool.shutdownNow();
    current.close();
  }
}
