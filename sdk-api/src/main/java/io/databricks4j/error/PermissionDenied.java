package io.databricks4j.error;

/** HTTP 403: the caller may not perform the operation. */
public class PermissionDenied extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public PermissionDenied(ErrorResponse response) {
    super(response);
  }

  public PermissionDenied(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
