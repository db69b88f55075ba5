package io.databricks4j.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Heap of the benchmark JVM per iteration: {@code heap.peak}, the sum of every heap pool's peak (an
 * upper bound of the heap in use at any instant), and {@code heap.live}, the heap left after the
 * latest collection (flat when nothing accumulates).
 */
public class HeapProfiler implements InternalProfiler {
  public static final String PEAK = "heap.peak";
  public static final String LIVE = "heap.live";
  private static final double MIB = 1024.0 * 1024.0;

  @Override
  public String getDescription() {
    return "heap peak and live set per iteration";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long peak = 0;
    long live = 0;
    for (MemoryPoolMXBean p : heapPools()) {
      peak += p.getPeakUsage().getUsed();
      MemoryUsage after = p.getCollectionUsage();
      live += after == null ? 0 : after.getUsed();
    }
    return List.of(new ScalarResult(PEAK, peak / MIB, "MiB", AggregationPolicy.MAX),
        new ScalarResult(LIVE, live / MIB, "MiB", AggregationPolicy.MAX));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
