package io.databricks4j.error;

/** HTTP 500: the service failed. */
public class InternalError extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public InternalError(ErrorResponse response) {
    super(response);
  }

  public InternalError(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
