package io.databricks4j.mixin.files;

import io.databricks4j.error.DatabricksException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download written into a file: one stream, read by the calling thread, which ranged requests
 * join when it is slow (see {@link SwitchPolicy}). The parts are taken from the tail end of the
 * file backwards, so the stream keeps its connection until it reaches the lowest part taken, where
 * it is dropped. Every byte is written at its offset as it arrives: nothing is held but a copy
 * buffer per connection.
 */
final class FileDownload {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");
  private static final int COPY_BUFFER = 64 * 1024;

  private record Part(RangeStream in, Future<?> done) {}

  private final String path;
  private final long total;
  private final long partSize;
  private final int parallelism;
  private final ParallelDownloadStream.PartOpener parts;
  private final Progress progress;
  private SwitchPolicy policy;

  /** @param policy when to go parallel; null: never */
  FileDownload(String path, long total, long partSize, int parallelism, SwitchPolicy policy,
      ParallelDownloadStream.PartOpener parts, Progress progress) {
    this.path = path;
    this.total = total;
    this.partSize = partSize;
    this.parallelism = parallelism;
    this.policy = policy;
    this.parts = parts;
    this.progress = progress;
  }

  /** Writes the file from {@code head}, which is at its start, into {@code out}. */
  void run(RangeStream head, FileChannel out) {
    List<Part> running = new ArrayList<>();
    List<Part> all = new ArrayList<>();
    ExecutorService pool = null;
    boolean done = false;
    byte[] buf = new byte[COPY_BUFFER];
    long position = head.position();
    long low = total;
    try (head) {
      while (true) {
        long t0 = policy == null ? 0 : System.nanoTime();
        int n = head.read(buf, 0, buf.length);
        if (n < 0) {
          break;
        }
        write(out, buf, n, position);
        position += n;
        progress.add(n);
        if (policy != null && policy.observe(n, System.nanoTime() - t0, low - position)) {
          policy = null;
          if (head.canStopEarly() && total > 0) {
            LOG.debug("download of {} is slow as one stream at byte {} of {}: fetching parts of {} bytes from the end,"
                + " {} at once", path, position, total, partSize, parallelism - 1);
            pool = Threads.pool(parallelism - 1);
          }
        }
        if (pool == null) {
          continue;
        }
        reap(running);
        while (low - partSize >= position + partSize && running.size() < parallelism - 1) {
          long start = low - partSize;
          long end = low;
          RangeStream in = parts.open(start, end);
          Part p = new Part(in, pool.submit(() -> copy(in, out, start)));
          running.add(p);
          all.add(p);
          low = start;
          head.limit(low);
        }
      }
      for (Part p : all) {
        await(p.done);
      }
      done = true;
    } catch (IOException e) {
      throw new DatabricksException("cannot download " + path + " at byte " + position + ": " + e, e);
    } finally {
      if (!done) {
        all.forEach(p -> p.in.abort());
      }
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Drops the parts that are done from {@code running}, throwing the failure of one that failed. */
  private void reap(List<Part> running) {
    for (Iterator<Part> it = running.iterator(); it.hasNext(); ) {
      Part p = it.next();
      if (p.done.isDone()) {
        await(p.done);
        it.remove();
      }
    }
  }

  private void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksException("interrupted while downloading " + path, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r
          : new DatabricksException("download of " + path + " failed: " + cause, cause);
    }
  }

  private Void copy(RangeStream in, FileChannel out, long offset) {
    byte[] buf = new byte[COPY_BUFFER];
    long at = offset;
    try (in) {
      int n;
      while ((n = in.read(buf, 0, buf.length)) >= 0) {
        write(out, buf, n, at);
        at += n;
        progress.add(n);
      }
    } catch (IOException e) {
      throw new DatabricksException("cannot download " + path + " at byte " + at + ": " + e, e);
    }
    return null;
  }

  private void write(FileChannel out, byte[] buf, int n, long at) {
    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
    long p = at;
    try {
      while (bb.hasRemaining()) {
        p += out.write(bb, p);
      }
    } catch (IOException e) {
      throw new DatabricksException("cannot write the download of " + path + " into the target file: " + e, e);
    }
  }
}
