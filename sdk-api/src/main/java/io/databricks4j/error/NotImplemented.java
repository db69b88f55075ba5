package io.databricks4j.error;

/** HTTP 501: the operation is not implemented or not enabled. */
public class NotImplemented extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public NotImplemented(ErrorResponse response) {
    super(response);
  }

  public NotImplemented(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
