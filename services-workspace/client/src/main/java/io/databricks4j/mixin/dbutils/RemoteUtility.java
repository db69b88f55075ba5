package io.databricks4j.mixin.dbutils;

import java.util.Arrays;

/**
 * A {@code dbutils} utility that only exists on a cluster ({@code notebook}, {@code widgets},
 * {@code credentials}, ...): each call runs {@code dbutils.<utility>.<method>(*args)} there through
 * the Command Execution API, on the configured {@code cluster_id}.
 */
public class RemoteUtility {
  private final String utility;
  private final CommandRunner runner;

  RemoteUtility(String utility, CommandRunner runner) {
    this.utility = utility;
    this.runner = runner;
  }

  /**
   * Calls {@code dbutils.<utility>.<method>(*args)} on the cluster.
   *
   * @param args JSON values: strings, numbers, booleans, lists, maps or null
   * @return the JSON result: a String, Number, Boolean, List, Map or null
   * @throws io.databricks4j.error.ConfigException when no cluster is configured
   * @throws io.databricks4j.error.DatabricksException when the call fails there, with its Python error
   */
  public Object call(String method, Object... args) {
    return runner.call(utility, method, Arrays.asList(args));
  }

  /** The name of the utility ({@code notebook}). */
  public String utility() {
    return utility;
  }

  @Override
  public String toString() {
    return "dbutils." + utility;
  }
}
