package io.databricks4j.benchmarks.coldstart;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.DatabricksConfig;

final class Databricks4jProbe {
  private Databricks4jProbe() {}

  /** Returns the nano times when the client was built and when the first call was answered. */
  static long[] run(String url, String token, String clusterId, boolean call) {
    WorkspaceClient w = new WorkspaceClient(DatabricksConfig.builder().host(url).token(token).build());
    long built = System.nanoTime();
    if (call && !clusterId.equals(w.clusters().get(clusterId).clusterId())) {
      throw new IllegalStateException("wrong cluster");
    }
    long answered = System.nanoTime();
    w.close();
    return new long[] {built, answered};
  }
}
