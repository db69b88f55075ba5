package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlParameter;
import java.util.List;
import java.util.Map;

/** What the engine does for one statement, as the rewriter planned it. */
sealed interface Plan {
  /** How the result of a statement DuckDB runs is shaped. */
  enum Shape {
    /** The rows DuckDB answers. */
    ROWS,
    /** {@code num_affected_rows} and {@code num_inserted_rows}. */
    INSERTED,
    /** {@code num_affected_rows}. */
    AFFECTED,
    /** No result set (DDL). */
    NONE
  }

  /**
   * DuckDB SQL to run, with {@code binds} for its markers.
   *
   * @param table for CREATE TABLE and CREATE VIEW: the name as written and the comments and
   *     properties that DuckDB has no clause for; null otherwise
   * @param overwrite for INSERT OVERWRITE: the target, whose rows {@code sql} (the source query,
   *     read before the target is emptied) replaces; null otherwise
   */
  record Native(String sql, List<SqlParameter> binds, Shape shape, TableMeta table, Overwrite overwrite)
      implements Plan {
  }

  /**
   * The target of INSERT OVERWRITE.
   *
   * @param table the table, as DuckDB names it
   * @param columns the column list with its parentheses, or empty
   */
  record Overwrite(String table, String columns) {
  }

  /** A CREATE or DROP of a catalog, which DuckDB does by ATTACH and DETACH. */
  record CatalogDdl(boolean create, String name, boolean ifExistsOrNot, boolean cascade) implements Plan {
  }

  /** {@code SHOW ...} or {@code DESCRIBE ...}, answered from the catalog. */
  record Show(String what, List<String> name, String pattern) implements Plan {
  }

  /** {@code ALTER TABLE ... SET TBLPROPERTIES}, kept beside DuckDB. */
  record SetProperties(List<String> name, Map<String, String> properties) implements Plan {
  }

  /** A statement that changes nothing here (USE, GRANT, OPTIMIZE, ...): it succeeds with no result. */
  record NoOp() implements Plan {
  }

  /**
   * What CREATE TABLE or VIEW said that DuckDB does not keep.
   *
   * @param name the table name as written (one to three parts)
   */
  record TableMeta(List<String> name, String comment, Map<String, String> properties,
      Map<String, String> columnComments) {
  }
}
