package io.databricks4j.error;

/** HTTP 400: the request is invalid. */
public class BadRequest extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public BadRequest(ErrorResponse response) {
    super(response);
  }

  public BadRequest(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
