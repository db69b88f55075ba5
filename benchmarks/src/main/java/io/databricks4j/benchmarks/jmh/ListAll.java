package io.databricks4j.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Workload 4: every cluster of a paged listing, one walk per iteration, in a 64 MiB heap. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListAll {

  @Benchmark
  public long list(PeerState s) {
    long n = s.client.listClusters();
    if (n != Fixture.listItems()) {
      throw new IllegalStateException("listed " + n + " clusters, expected " + Fixture.listItems());
    }
    return n;
  }
}
