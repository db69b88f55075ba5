package io.databricks4j.error;

/** HTTP 499: the operation was cancelled by the caller. */
public class Cancelled extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public Cancelled(ErrorResponse response) {
    super(response);
  }

  public Cancelled(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
