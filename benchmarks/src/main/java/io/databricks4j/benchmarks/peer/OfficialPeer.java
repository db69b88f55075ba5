package io.databricks4j.benchmarks.peer;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.files.UploadRequest;
import io.databricks4j.benchmarks.data.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The official {@code com.databricks:databricks-sdk-java}, through its public API. */
final class OfficialPeer implements Peer {
  private final WorkspaceClient w;

  OfficialPeer(String url, String token) {
    this.w = new WorkspaceClient(new DatabricksConfig().setHost(url).setToken(token));
  }

  @Override
  public ClusterDetails getCluster(String clusterId) {
    return w.clusters().get(clusterId);
  }

  @Override
  public long listClusters() {
    long n = 0;
    for (ClusterDetails c : w.clusters().list(new ListClustersRequest())) {
      if (c.getClusterId() == null) {
        throw new IllegalStateException("a cluster without an id");
      }
      n++;
    }
    return n;
  }

  @Override
  public Object firstListedCluster() {
    return w.clusters().list(new ListClustersRequest()).iterator().next();
  }

  @Override
  public void upload(String path, InputStream content, long length) {
    w.files().upload(new UploadRequest().setFilePath(path).setContents(content).setOverwrite(true));
  }

  @Override
  public long download(String path) {
    try {
      return Pattern.drain(w.files().download(path).getContents(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    // the official client holds its pool until the JVM exits; it has no close()
  }
}
