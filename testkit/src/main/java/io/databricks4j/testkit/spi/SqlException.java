package io.databricks4j.testkit.spi;

import java.util.Objects;

/**
 * A statement that failed, as the Statement Execution API reports it in its status: an error
 * code of the service ({@code BAD_REQUEST}, {@code CANCELLED}, ...), a message that starts with
 * the Databricks error class ({@code [TABLE_OR_VIEW_NOT_FOUND] ...}) and a SQLSTATE.
 */
public class SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String sqlState;

  public SqlException(String errorCode, String sqlState, String message) {
    super(message, null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
  }

  /** A failure of the statement itself: BAD_REQUEST. */
  public static SqlException badRequest(String sqlState, String message) {
    return new SqlException("BAD_REQUEST", sqlState, message);
  }

  /** The statement was cancelled while it ran. */
  public static SqlException cancelled() {
    return new SqlException("CANCELLED", "HY008", "The statement was cancelled.");
  }

  /** A value of {@code ServiceErrorCode}. */
  public String errorCode() {
    return errorCode;
  }

  /** The five-character SQLSTATE. */
  public String sqlState() {
    return sqlState;
  }
}
