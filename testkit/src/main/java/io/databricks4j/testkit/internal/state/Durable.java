package io.databricks4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records of an emulation that a state directory keeps across restarts and that a reset puts
 * back. A snapshot is plain JSON and complete: {@code restore(snapshot())} gives back exactly what
 * there was, and times in it are epoch milliseconds, so that states which move on with the clock
 * (a starting cluster, a running job) carry on where they were after a restart.
 */
public interface Durable {
  /** A name unique in one emulator, also the name of its file in a state directory ({@code clusters}). */
  String stateName();

  /** Everything it holds, taken under its own lock; contents of files go to {@code shelf}. */
  JsonNode snapshot(BlobShelf shelf);

  /** Replaces everything it holds with a {@link #snapshot} of the same class. */
  void restore(JsonNode state, BlobShelf shelf);
}
