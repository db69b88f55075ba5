package io.databricks4j.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * services-workspace-client is an optional dependency: an account-only application, which leaves
 * it out, uses its account services as before, and {@code workspaceClient} says which module to add.
 */
class WithoutWorkspaceClientTest {

  @Test
  void anAccountOnlyApplicationWorksAndWorkspaceClientNamesTheModuleToAdd() throws Exception {
    List<URL> urls = new ArrayList<>();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (e.contains("/services-workspace/client/") || e.contains("services-workspace-client-")) {
        continue; // the application left services-workspace-client out
      }
      urls.add(new File(entry).toURI().toURL());
    }
    assertThat(urls.size()).as("the test class path was read").isGreaterThan(5);
    try (URLClassLoader app = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThat(catchThrowable(() -> app.loadClass("io.databricks4j.WorkspaceClient"))).isInstanceOf(ClassNotFoundException.class);
      Object outcome = app.loadClass(Probe.class.getName()).getMethod("run").invoke(null);
      assertThat(outcome.toString())
          .startsWith("workspaces: io.databricks4j.account.provisioning.WorkspacesApi | host: https://dbc-1.cloud.databricks.com | ")
          .contains("io.databricks4j.error.ConfigException: workspaceClient needs the module io.databricks4j:services-workspace-client")
          .contains("databricks4j-bom");
    }
  }

  /** An application with services-account alone. */
  public static final class Probe {
    public static String run() {
      try (AccountClient a = new AccountClient(io.databricks4j.core.DatabricksConfig.builder()
          .environment(io.databricks4j.core.config.Environment.of(java.util.Map.of(), java.nio.file.Path.of("/nonexistent")))
          .host("https://accounts.cloud.databricks.com").accountId("acc-1").token("t").build())) {
        io.databricks4j.service.provisioning.Workspace w = io.databricks4j.service.provisioning.Workspace.builder()
            .workspaceId(1L).deploymentName("dbc-1").build();
        String result = "workspaces: " + a.workspaces().getClass().getName() + " | host: " + a.workspaceConfig(w).host().orElse("") + " | ";
        try {
          return result + "no error: " + a.workspaceClient(w);
        } catch (RuntimeException e) {
          return result + e.getClass().getName() + ": " + e.getMessage();
        }
      }
    }
  }
}
