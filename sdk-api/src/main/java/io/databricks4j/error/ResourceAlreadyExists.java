package io.databricks4j.error;

/** HTTP 409 {@code RESOURCE_ALREADY_EXISTS}. */
public class ResourceAlreadyExists extends ResourceConflict {
  private static final long serialVersionUID = 1L;

  public ResourceAlreadyExists(ErrorResponse response) {
    super(response);
  }

  public ResourceAlreadyExists(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
