package io.databricks4j.benchmarks.jmh;

import io.databricks4j.benchmarks.server.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** Workloads 2 and 7: {@code clusters().get} from 16 threads sharing one client. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class GetThroughput {

  @Benchmark
  public Object get(PeerState s) {
    return s.client.getCluster(FixtureServer.CLUSTER_ID);
  }
}
