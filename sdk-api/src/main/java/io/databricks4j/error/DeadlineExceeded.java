package io.databricks4j.error;

/** HTTP 504: the deadline expired before the operation completed. */
public class DeadlineExceeded extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public DeadlineExceeded(ErrorResponse response) {
    super(response);
  }

  public DeadlineExceeded(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
