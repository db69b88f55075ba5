package io.databricks4j.benchmarks.peer;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.benchmarks.data.Pattern;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ListClustersRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * databricks4j as an application uses it; files through the {@code w.files()} helpers
 * ({@code io.databricks4j.mixin.files.FilesExt}) with their default transfer options.
 */
final class Databricks4jPeer implements Peer {
  private final WorkspaceClient w;

  Databricks4jPeer(String url, String token) {
    this.w = new WorkspaceClient(DatabricksConfig.builder().host(url).token(token).build());
  }

  @Override
  public ClusterDetails getCluster(String clusterId) {
    return w.clusters().get(clusterId);
  }

  @Override
  public long listClusters() {
    long n = 0;
    for (ClusterDetails c : w.clusters().list(ListClustersRequest.builder().build())) {
      if (c.clusterId() == null) {
        throw new IllegalStateException("a cluster without an id");
      }
      n++;
    }
    return n;
  }

  @Override
  public Object firstListedCluster() {
    return w.clusters().list(ListClustersRequest.builder().build()).iterator().next();
  }

  @Override
  public void upload(String path, InputStream content, long length) {
    w.files().upload(path, content, true);
  }

  @Override
  public long download(String path) {
    return drain(w.files().download(path).contents());
  }

  @Override
  public long download(String path, int streams) {
    return drain(w.files().download(path, TransferOptions.builder().parallelism(streams).build()).contents());
  }

  private static long drain(InputStream in) {
    try {
      return Pattern.drain(in, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    w.close();
  }
}
