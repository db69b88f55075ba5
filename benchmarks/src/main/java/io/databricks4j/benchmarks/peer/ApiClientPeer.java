package io.databricks4j.benchmarks.peer;

import com.fasterxml.jackson.databind.ObjectReader;
import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.Json;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.service.compute.ClusterDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * databricks4j's pipeline without the generated service: {@code w.apiClient().execute(HttpRequest)} and a
 * cached Jackson reader over the response bytes. Context for workloads 1 and 2: the difference to
 * {@link Databricks4jPeer} is what the generated service and its wire invoker cost per call.
 */
final class ApiClientPeer implements Peer {
  private static final ObjectReader CLUSTER = Json.mapper().readerFor(ClusterDetails.class);
  private final WorkspaceClient w;

  ApiClientPeer(String url, String token) {
    this.w = new WorkspaceClient(DatabricksConfig.builder().host(url).token(token).build());
  }

  @Override
  public ClusterDetails getCluster(String clusterId) {
    HttpRequest request = HttpRequest.builder("GET", "/api/2.1/clusters/get").query("cluster_id", clusterId)
        .header("Accept", "application/json").build();
    try (HttpResponse r = w.apiClient().execute(request); InputStream in = r.body()) {
      return CLUSTER.readValue(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long listClusters() {
    throw new UnsupportedOperationException("only clusters/get");
  }

  @Override
  public Object firstListedCluster() {
    throw new UnsupportedOperationException("only clusters/get");
  }

  @Override
  public void upload(String path, InputStream content, long length) {
    throw new UnsupportedOperationException("only clusters/get");
  }

  @Override
  public long download(String path) {
    throw new UnsupportedOperationException("only clusters/get");
  }

  @Override
  public void close() {
    w.close();
  }
}
