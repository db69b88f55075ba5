package io.databricks4j.error;

/** HTTP 503: the service is temporarily unavailable. */
public class TemporarilyUnavailable extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public TemporarilyUnavailable(ErrorResponse response) {
    super(response);
  }

  public TemporarilyUnavailable(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
