package io.databricks4j.mixin.dbutils;

/** {@code dbutils.widgets}, run on the configured cluster. */
public final class WidgetsUtils extends RemoteUtility {
  WidgetsUtils(CommandRunner runner) {
    super("widgets", runner);
  }

  /** The value of widget {@code name}. */
  public String get(String name) {
    Object r = call("get", name);
    return r == null ? null : r.toString();
  }
}
