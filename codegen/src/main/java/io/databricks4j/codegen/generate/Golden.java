package io.databricks4j.codegen.generate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated sources kept under {@code codegen/src/test/resources/golden/}, so that a change to
 * the generator shows as a diff of real output: a service with pagination and waiters (compute
 * Clusters) and an open enum (compute State), a streaming service (files Files), and a
 * settings-style service (settings Settings with its sub-service DefaultNamespace).
 */
final class Golden {
  static final String DIR = "codegen/src/test/resources/golden";

  private static final Map<String, List<String>> CLASSES = Map.of(
      "compute", List.of("io.databricks4j.service.compute.ClustersApi",
          "io.databricks4j.service.compute.internal.ClustersWire", "io.databricks4j.service.compute.State"),
      "files", List.of("io.databricks4j.service.files.FilesApi", "io.databricks4j.service.files.internal.FilesWire"),
      "settings", List.of("io.databricks4j.service.settings.SettingsApi",
          "io.databricks4j.service.settings.DefaultNamespaceApi",
          "io.databricks4j.service.settings.internal.DefaultNamespaceWire"));

  private Golden() {}

  /** The golden sources by path under {@link #DIR} ({@code io/databricks4j/service/compute/ClustersApi.java}). */
  static Map<String, String> sources(Plan plan) {
    Map<String, String> out = new TreeMap<>();
    CLASSES.forEach((pkg, classes) -> {
      Generator g = new Generator(plan);
      g.generate("package", pkg);
      for (String c : classes) {
        String source = g.files().get(c);
        if (source == null) throw new IllegalStateException("the generator wrote no " + c);
        out.put(c.replace('.', '/') + ".java", source);
      }
    });
    return out;
  }
}
