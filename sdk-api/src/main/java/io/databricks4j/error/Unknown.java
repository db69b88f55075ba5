package io.databricks4j.error;

/** HTTP 500 {@code UNKNOWN}. */
public class Unknown extends InternalError {
  private static final long serialVersionUID = 1L;

  public Unknown(ErrorResponse response) {
    super(response);
  }

  public Unknown(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
