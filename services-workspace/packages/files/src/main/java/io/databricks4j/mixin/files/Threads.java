package io.databricks4j.mixin.files;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools of one transfer: daemon threads that end once idle, so a stream that is never closed leaks none. */
final class Threads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private Threads() {}

  static ExecutorService pool(int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "databricks4j-transfer-" + COUNT.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
