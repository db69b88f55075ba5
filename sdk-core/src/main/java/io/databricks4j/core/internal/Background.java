package io.databricks4j.core.internal;

/** One-off work on a daemon thread of its own, started now (warm-ups of a cold start). */
public final class Background {
  private Background() {}

  /**
   * Runs {@code work} on a new daemon thread. A thread of its own rather than the common pool,
   * whose single worker on a two-core machine would run the warm-ups one after the other.
   */
  public static void run(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
  }
}
