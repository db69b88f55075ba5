package io.databricks4j.mixin.dbutils;

import io.databricks4j.WorkspaceClient;
import java.util.Objects;

/**
 * {@code dbutils} for programs outside a notebook, from {@link WorkspaceClient#dbutils()}.
 * {@link #fs()} and {@link #secrets()} call the REST API directly and need no cluster; the other
 * utilities run on the cluster of {@code cluster_id} (or {@code DATABRICKS_CLUSTER_ID}), which is
 * started when it is not running.
 *
 * <pre>{@code
 * DbUtils dbutils = w.dbutils();
 * dbutils.fs().ls("dbfs:/tmp");
 * dbutils.secrets().get("scope", "key");
 * dbutils.widgets().get("name");           // on the cluster
 * }</pre>
 */
public final class DbUtils {
  private final FsUtils fs;
  private final SecretsUtils secrets;
  private final CommandRunner runner;

  /** The utilities of {@code w}; {@link WorkspaceClient#dbutils()} keeps one. */
  public DbUtils(WorkspaceClient w) {
    Objects.requireNonNull(w, "w");
    this.fs = new FsUtils(w.dbfs(), w.files());
    this.secrets = new SecretsUtils(w.secrets());
    this.runner = new CommandRunner(() -> w.config().clusterId(), w.clusters(), w.commandExecution(),
        w.apiClient().objectMapper());
  }

  /** {@code dbutils.fs}: DBFS, volumes and local files. */
  public FsUtils fs() {
    return fs;
  }

  /** {@code dbutils.secrets}. */
  public SecretsUtils secrets() {
    return secrets;
  }

  /** {@code dbutils.notebook}, on the cluster. */
  public NotebookUtils notebook() {
    return new NotebookUtils(runner);
  }

  /** {@code dbutils.widgets}, on the cluster. */
  public WidgetsUtils widgets() {
    return new WidgetsUtils(runner);
  }

  /** Any other utility ({@code credentials}, {@code library}, ...), on the cluster. */
  public RemoteUtility remote(String utility) {
    return new RemoteUtility(utility, runner);
  }

  @Override
  public String toString() {
    return "DbUtils";
  }
}
