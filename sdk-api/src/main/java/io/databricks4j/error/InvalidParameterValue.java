package io.databricks4j.error;

/** HTTP 400 {@code INVALID_PARAMETER_VALUE}: a parameter has an invalid value. */
public class InvalidParameterValue extends BadRequest {
  private static final long serialVersionUID = 1L;

  public InvalidParameterValue(ErrorResponse response) {
    super(response);
  }

  public InvalidParameterValue(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
