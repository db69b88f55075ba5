package io.databricks4j.benchmarks.jmh;

import io.databricks4j.benchmarks.data.Pattern;
import io.databricks4j.benchmarks.server.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Workload 5: one streaming upload or download of the whole file per iteration, in a 64 MiB heap. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FileTransfer {

  @Benchmark
  public void upload(PeerState s) {
    long size = Fixture.fileSize();
    s.client.upload(FixtureServer.FILE_PATH, Pattern.stream(size), size);
  }

  @Benchmark
  public long download(PeerState s) {
    long n = s.client.download(FixtureServer.FILE_PATH);
    if (n != Fixture.fileSize()) {
      throw new IllegalStateException("downloaded " + n + " bytes, expected " + Fixture.fileSize());
    }
    return n;
  }
}
