package io.databricks4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package modules are optional dependencies of services-workspace-client: an application that
 * leaves one out gets a typed error naming the module when it calls one of its accessors, and every
 * other accessor keeps working.
 */
class MissingPackageModuleTest {

  @Test
  void anAccessorOfAMissingPackageNamesTheModuleToAdd() throws Exception {
    List<URL> urls = new ArrayList<>();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (e.contains("/packages/compute/") || e.contains("service-compute-")) {
        continue; // the application left service-compute out
      }
      urls.add(new File(entry).toURI().toURL());
    }
    assertThat(urls.size()).as("the test class path was read").isGreaterThan(5);
    try (URLClassLoader app = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThat(catchThrowable(() -> app.loadClass("io.databricks4j.service.compute.ClustersApi")))
          .isInstanceOf(ClassNotFoundException.class);
      // called the way an application calls it (reflection would load every accessor's type at once)
      Object outcome = app.loadClass(Probe.class.getName()).getMethod("run").invoke(null);
      assertThat(outcome.toString())
          .startsWith("io.databricks4j.error.ConfigException: clusters() needs the module io.databricks4j:service-compute")
          .contains("or depend on io.databricks4j:services-workspace")
          .doesNotContain("dapi-canary")
          .endsWith("| jobs: io.databricks4j.mixin.jobs.JobsExt");
    }
  }

  /** An application without service-compute: what clusters() and jobs() give. */
  public static final class Probe {
    public static String run() {
      io.databricks4j.WorkspaceClient w = new io.databricks4j.WorkspaceClient(io.databricks4j.core.DatabricksConfig.builder()
          .host("https://example.cloud.databricks.com").token("dapi-canary").build());
      String clusters;
      try {
        clusters = "no error: " + w.clusters();
      } catch (RuntimeException e) {
        clusters = e.getClass().getName() + ": " + e.getMessage();
      }
      return clusters + " | jobs: " + w.jobs().getClass().getName();
    }
  }
}
