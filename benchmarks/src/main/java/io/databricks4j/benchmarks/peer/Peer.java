package io.databricks4j.benchmarks.peer;

import java.io.InputStream;

/**
 * One way of talking to the workspace: databricks4j, the official SDK, or the bare-HTTP floor. Every
 * peer sends the same requests and parses the same JSON into a model object.
 */
public interface Peer extends AutoCloseable {

  /** {@code GET /api/2.1/clusters/get}, parsed. */
  Object getCluster(String clusterId);

  /** Walks every page of {@code GET /api/2.1/clusters/list}; returns the number of clusters seen. */
  long listClusters();

  /** The first cluster of the listing, to show that only the first page is fetched for it. */
  Object firstListedCluster();

  /** {@code PUT /api/2.0/fs/files{path}} streaming {@code content}. */
  void upload(String path, InputStream content, long length);

  /** {@code GET /api/2.0/fs/files{path}}, read to its end and checked; returns the bytes read. */
  long download(String path);

  /** The same download over at most {@code streams} connections at once (ranged GETs); returns the bytes read. */
  default long download(String path, int streams) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no parallel download");
  }

  @Override
  void close();
}
