package io.databricks4j.error;

/** HTTP 409: the request conflicts with the state of a resource. */
public class ResourceConflict extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public ResourceConflict(ErrorResponse response) {
    super(response);
  }

  public ResourceConflict(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
