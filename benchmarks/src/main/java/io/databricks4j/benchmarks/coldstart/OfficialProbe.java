package io.databricks4j.benchmarks.coldstart;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;

final class OfficialProbe {
  private OfficialProbe() {}

  /** Returns the nano times when the client was built and when the first call was answered. */
  static long[] run(String url, String token, String clusterId, boolean call) {
    WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(url).setToken(token));
    long built = System.nanoTime();
    if (call && !clusterId.equals(w.clusters().get(clusterId).getClusterId())) {
      throw new IllegalStateException("wrong cluster");
    }
    return new long[] {built, System.nanoTime()};
  }
}
