package io.databricks4j.error;

/** HTTP 401: the request has no valid credentials; check the token or the auth_type. */
public class Unauthenticated extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public Unauthenticated(ErrorResponse response) {
    super(response);
  }

  public Unauthenticated(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
