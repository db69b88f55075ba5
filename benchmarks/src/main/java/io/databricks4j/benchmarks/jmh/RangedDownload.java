package io.databricks4j.benchmarks.jmh;

import io.databricks4j.benchmarks.server.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 5b: the whole file from a server that adds latency, with {@code TransferOptions.parallelism(streams)}:
 * 1 is always one connection; 4 is the default, where ranged requests join the stream when it is slow.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RangedDownload {
  @Param({"1", "4"})
  public int streams;

  @Benchmark
  public long download(PeerState s) {
    long n = s.client.download(FixtureServer.FILE_PATH, streams);
    if (n != Fixture.fileSize()) {
      throw new IllegalStateException("downloaded " + n + " bytes, expected " + Fixture.fileSize());
    }
    return n;
  }
}
