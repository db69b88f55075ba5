package io.databricks4j.examples.oauth;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.compute.ClusterDetails;

/**
 * A script on a workstation that signs in through the browser ({@code auth_type =
 * external-browser}: authorization code + PKCE with a loopback listener on port 8020). Tokens are
 * cached in {@code ~/.databricks/token-cache.json} (mode 0600) and refreshed, so the browser opens
 * only the first time. Needs {@code DATABRICKS_HOST}.
 */
public final class LocalScriptExample {
  private LocalScriptExample() {}

  public static void main(String[] args) {
    try (WorkspaceClient w = WorkspaceClient.builder().authType("external-browser").build()) {
      for (ClusterDetails c : w.clusters().list()) {
        System.out.println(c.clusterName() + " " + c.state());
      }
    }
  }
}
