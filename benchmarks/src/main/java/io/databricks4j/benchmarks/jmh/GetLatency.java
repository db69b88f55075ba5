package io.databricks4j.benchmarks.jmh;

import io.databricks4j.benchmarks.server.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** Workload 1: {@code clusters().get} on one thread; every call is timed (p50, p99). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class GetLatency {

  @Benchmark
  public Object get(PeerState s) {
    return s.client.getCluster(FixtureServer.CLUSTER_ID);
  }
}
