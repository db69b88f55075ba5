package io.databricks4j.error;

/** HTTP 409 {@code ALREADY_EXISTS}. */
public class AlreadyExists extends ResourceConflict {
  private static final long serialVersionUID = 1L;

  public AlreadyExists(ErrorResponse response) {
    super(response);
  }

  public AlreadyExists(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
