package io.databricks4j.mixin.sql;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.sql.ServiceError;
import io.databricks4j.service.sql.StatementResponse;
import io.databricks4j.service.sql.StatementStatus;
import java.util.Optional;

/** A statement that ended FAILED, CANCELED or CLOSED, with what the service said about it. */
public class StatementFailedException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  private final String statementId;
  private final String state;
  private final String errorCode;
  private final String sqlState;

  public StatementFailedException(String statementId, String state, String errorCode, String sqlState, String message) {
    super(message);
    this.statementId = statementId;
    this.state = state;
    this.errorCode = errorCode;
    this.sqlState = sqlState;
  }

  static StatementFailedException of(StatementResponse r) {
    StatementStatus status = r.status();
    String state = status == null || status.state() == null ? "UNKNOWN" : status.state().value();
    ServiceError error = status == null ? null : status.error();
    String code = error == null || error.errorCode() == null ? null : error.errorCode().value();
    String text = error == null || error.message() == null ? "no error message" : error.message();
    String sqlState = status == null ? null : status.sqlState();
    String message = "statement " + r.statementId() + " is " + state + (code == null ? "" : " (" + code + ")") + ": "
        + text + (state.equals("FAILED") ? "" : "; run it again for its rows");
    return new StatementFailedException(r.statementId(), state, code, sqlState, message);
  }

  public String statementId() {
    return statementId;
  }

  /** {@code FAILED}, {@code CANCELED} or {@code CLOSED}. */
  public String state() {
    return state;
  }

  /** The service's error code, such as {@code BAD_REQUEST}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The SQLSTATE, such as {@code 42P01}. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
