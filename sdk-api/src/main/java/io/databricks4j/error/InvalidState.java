package io.databricks4j.error;

/** HTTP 400 {@code INVALID_STATE}: the resource is not in a state that allows the operation. */
public class InvalidState extends BadRequest {
  private static final long serialVersionUID = 1L;

  public InvalidState(ErrorResponse response) {
    super(response);
  }

  public InvalidState(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
