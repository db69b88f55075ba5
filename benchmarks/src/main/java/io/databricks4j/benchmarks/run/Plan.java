package io.databricks4j.benchmarks.run;

/**
 * How much of everything to run. {@link #full()} is the documented run (about 12 minutes on 2
 * cores); {@link #quick()} is the smoke test's: in-process, a few short iterations, small sizes.
 *
 * @param forks JMH forks per peer and round (0: in this JVM)
 * @param rounds rounds of the timed workloads; each round runs every peer once, so that load from
 *     outside the benchmark falls on all peers alike
 * @param warmups JMH warm-up iterations of the one-thread latency workload
 * @param throughputWarmups JMH warm-up iterations of the 16-thread workload: with 16 busy threads on 2
 *     cores the JIT compilers get little CPU, and throughput keeps rising for about 30 s
 * @param iterations JMH measured iterations of the timed workloads
 * @param iterationMillis length of one timed iteration
 * @param bulkWarmups warm-up walks/transfers of the single-shot workloads (listing, files)
 * @param bulkIterations measured walks/transfers
 * @param faultIterationMillis length of one iteration under injected 503s (each retry waits 1 s)
 * @param faultIterations measured iterations under injected 503s
 * @param listItems clusters behind the listing
 * @param fileSize bytes of the file
 * @param coldRuns measured launches per peer (plus one discarded, to warm the file cache)
 */
public record Plan(String name, int forks, int rounds, int warmups, int throughputWarmups, int iterations, int iterationMillis, int bulkWarmups,
    int bulkIterations, int faultIterationMillis, int faultIterations, int listItems, long fileSize, int coldRuns) {

  public static final int PAGE_SIZE = 100;
  public static final int THREADS = 16;
  /** The heap of the listing and files JVMs. */
  public static final String SMALL_HEAP = "-Xmx64m";
  /** The heap of the other benchmark JVMs. */
  public static final String HEAP = "-Xmx1g";

  public static Plan full() {
    return new Plan("full", 1, 2, 5, 15, 4, 2000, 1, 4, 8000, 3, 100_000, 1L << 30, 11);
  }

  public static Plan quick() {
    return new Plan("quick", 0, 1, 1, 1, 2, 100, 1, 2, 1100, 1, 2_000, 16L << 20, 1);
  }
}
