package io.databricks4j.testkit.sql.internal;

import io.databricks4j.testkit.spi.SqlException;

/** Text the rewriter cannot read, reported as the service reports a parse error. */
final class SqlSyntaxException extends SqlException {
  private static final long serialVersionUID = 1L;

  SqlSyntaxException(String what) {
    super("BAD_REQUEST", "42601", "[PARSE_SYNTAX_ERROR] Syntax error: " + what + ".");
  }
}
