package com.databricks.dbutils_v1;

/**
 * Stands in, in tests, for the Scala object of the Databricks Runtime that holds the dbutils of a
 * command's thread: the layout {@code NotebookContext} reads, and nothing more.
 */
public final class DBUtilsHolder$ {
  public static final DBUtilsHolder$ MODULE$ = new DBUtilsHolder$();

  private final InheritableThreadLocal<Object> dbutils0 = new InheritableThreadLocal<>();

  private DBUtilsHolder$() {}

  /** Installs {@code dbutils} for the calling thread (null removes it). */
  public static void install(Object dbutils) {
    MODULE$.dbutils0.set(dbutils);
  }
}
