package io.databricks4j.error;

/** HTTP 429 (and 400 {@code REQUEST_LIMIT_EXCEEDED}): slow down; see {@link #retryAfter()}. */
public class TooManyRequests extends DatabricksError {
  private static final long serialVersionUID = 1L;

  public TooManyRequests(ErrorResponse response) {
    super(response);
  }

  public TooManyRequests(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
