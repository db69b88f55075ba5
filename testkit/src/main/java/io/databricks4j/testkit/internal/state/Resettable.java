package io.databricks4j.testkit.internal.state;

/**
 * What an emulation holds only while the process runs (an upload in progress, a statement's
 * result, an open SQL engine): a reset drops it, and a restart loses it like a dropped connection.
 */
public interface Resettable {
  void reset();
}
