package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.mixin.compute.NodeTypeQuery;
import io.databricks4j.mixin.compute.SparkVersionQuery;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses runtimes and node types the way a cluster definition would: the latest long-term
 * support runtime (plain, ML, Photon) and the smallest node types that fit a few requirements.
 * Read-only.
 */
public final class SelectClusterSettings {
  private SelectClusterSettings() {}

  public static void main(String[] args) {
    try (ExampleWorkspace ws = ExampleWorkspace.open()) {
      run(ws.client(), System.out);
    }
  }

  /** Prints and returns each choice (or why there is none). */
  public static Map<String, String> run(WorkspaceClient w, PrintStream out) {
    Map<String, Supplier<String>> choices = new LinkedHashMap<>();
    choices.put("latest LTS runtime", () -> w.clusters().selectSparkVersion(
        SparkVersionQuery.builder().longTermSupport(true).build()));
    choices.put("latest LTS ML runtime", () -> w.clusters().selectSparkVersion(
        SparkVersionQuery.builder().longTermSupport(true).ml(true).build()));
    choices.put("latest Photon runtime, Scala 2.13", () -> w.clusters().selectSparkVersion(
        SparkVersionQuery.builder().photon(true).scala("2.13").build()));
    choices.put("smallest node with a local disk", () -> w.clusters().selectNodeType(
        NodeTypeQuery.builder().localDisk(true).build()));
    choices.put("smallest node, 16 GB and 4 cores", () -> w.clusters().selectNodeType(
        NodeTypeQuery.builder().minMemoryGb(16).minCores(4).build()));
    choices.put("smallest GPU node", () -> w.clusters().selectNodeType(NodeTypeQuery.builder().minGpus(1).build()));
    Map<String, String> chosen = new LinkedHashMap<>();
    choices.forEach((what, choose) -> {
      String value;
      try {
        value = choose.get();
      } catch (DatabricksException e) {
        value = "none: " + e.getMessage();
      }
      chosen.put(what, value);
      out.printf("%-36s %s%n", what, value);
    });
    return chosen;
  }
}
