package io.databricks4j.error;

/** HTTP 404: the resource or endpoint does not exist. */
public class NotFound extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public NotFound(ErrorResponse response) {
    super(response);
  }

  public NotFound(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
