package io.databricks4j.examples.modular;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ListClustersRequest;

/**
 * Lists the clusters of the workspace that {@code DATABRICKS_*} or {@code ~/.databrickscfg}
 * configure, then prints the auth type that was used and how the SDK was loaded.
 */
public final class ListClusters {
  private ListClusters() {}

  public static void main(String[] args) {
    try (WorkspaceClient w = WorkspaceClient.create()) {
      int count = 0;
      for (ClusterDetails c : w.clusters().list(ListClustersRequest.builder().build())) {
        System.out.println("cluster " + c.clusterId() + " " + c.clusterName() + " " + c.state());
        count++;
      }
      System.out.println("clusters: " + count);
      System.out.println("auth type: " + w.apiClient().authType());
    }
    // what the module system resolved: proof that the app ran on the module path with a subset of packages
    Module client = WorkspaceClient.class.getModule();
    System.out.println("client module: " + client.getName());
    System.out.println("app module: " + ListClusters.class.getModule().getName());
    System.out.println("modules resolved: " + ListClusters.class.getModule().getLayer().modules().stream()
        .map(Module::getName).filter(n -> n.startsWith("io.databricks4j.")).sorted().toList());
  }
}
