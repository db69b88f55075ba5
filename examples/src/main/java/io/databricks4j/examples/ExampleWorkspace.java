package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.testkit.LocalWorkspace;
import java.time.Duration;

/**
 * The workspace an example runs against: the configured one ({@code DATABRICKS_HOST} or
 * {@code DATABRICKS_CONFIG_PROFILE}, {@code ~/.databrickscfg}), or, when none is configured, an
 * embedded {@link LocalWorkspace} that is stopped on {@link #close()}.
 */
public final class ExampleWorkspace implements AutoCloseable {
  private final LocalWorkspace local;
  private final WorkspaceClient client;

  private ExampleWorkspace(LocalWorkspace local, WorkspaceClient client) {
    this.local = local;
    this.client = client;
  }

  /** The configured workspace, or a local one (saying so) when {@code DATABRICKS_HOST} and {@code DATABRICKS_CONFIG_PROFILE} are unset. */
  public static ExampleWorkspace open() {
    if (System.getenv("DATABRICKS_HOST") == null && System.getenv("DATABRICKS_CONFIG_PROFILE") == null) {
      ExampleWorkspace ws = local();
      System.out.println("No workspace configured (DATABRICKS_HOST is unset): using an embedded local workspace at "
          + ws.local.host());
      return ws;
    }
    return new ExampleWorkspace(null, WorkspaceClient.create());
  }

  /** An embedded local workspace whose clusters and runs change state quickly. */
  public static ExampleWorkspace local() {
    LocalWorkspace ws = LocalWorkspace.builder().clusterStartDelay(Duration.ofMillis(500))
        .runDuration(Duration.ofMillis(1500)).start();
    return new ExampleWorkspace(ws, ws.client());
  }

  public WorkspaceClient client() {
    return client;
  }

  /** Whether this is the embedded workspace, where an example may create what it needs. */
  public boolean isLocal() {
    return local != null;
  }

  @Override
  public void close() {
    client.close();
    if (local != null) {
      local.close();
    }
  }
}
