package io.databricks4j.benchmarks.jmh;

import io.databricks4j.benchmarks.peer.Peer;
import io.databricks4j.benchmarks.peer.Peers;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One client of one peer, shared by every benchmark thread of the trial. */
@State(Scope.Benchmark)
public class PeerState {
  @Param({Peers.DATABRICKS4J, Peers.OFFICIAL, Peers.FLOOR})
  public String peer;

  Peer client;

  @Setup(Level.Trial)
  public void open() {
    client = Peers.create(peer, Fixture.url(), Fixture.token());
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }
}
