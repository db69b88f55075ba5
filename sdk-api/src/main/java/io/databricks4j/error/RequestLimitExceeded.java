package io.databricks4j.error;

/** HTTP 429 {@code REQUEST_LIMIT_EXCEEDED}: a resource limit would be exceeded. */
public class RequestLimitExceeded extends TooManyRequests {
  private static final long serialVersionUID = 1L;

  public RequestLimitExceeded(ErrorResponse response) {
    super(response);
  }

  public RequestLimitExceeded(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
