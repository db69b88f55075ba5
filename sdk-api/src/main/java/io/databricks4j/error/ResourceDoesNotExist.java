package io.databricks4j.error;

/** HTTP 404 {@code RESOURCE_DOES_NOT_EXIST} (also the 400 "does not exist" answers of clusters/get, jobs/get and jobs/runs/get). */
public class ResourceDoesNotExist extends NotFound {
  private static final long serialVersionUID = 1L;

  public ResourceDoesNotExist(ErrorResponse response) {
    super(response);
  }

  public ResourceDoesNotExist(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
