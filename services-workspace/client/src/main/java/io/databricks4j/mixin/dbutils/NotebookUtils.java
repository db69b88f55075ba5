package io.databricks4j.mixin.dbutils;

import java.util.Map;

/** {@code dbutils.notebook}, run on the configured cluster. */
public final class NotebookUtils extends RemoteUtility {
  NotebookUtils(CommandRunner runner) {
    super("notebook", runner);
  }

  /** Runs the notebook at {@code path} with {@code arguments} (widget values) and returns its exit value. */
  public String run(String path, int timeoutSeconds, Map<String, String> arguments) {
    Object r = call("run", path, timeoutSeconds, arguments);
    return r == null ? null : r.toString();
  }
}
