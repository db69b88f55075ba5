package io.databricks4j.error;

/** HTTP 429 {@code RESOURCE_EXHAUSTED}: a per-user rate limit or quota is used up. */
public class ResourceExhausted extends TooManyRequests {
  private static final long serialVersionUID = 1L;

  public ResourceExhausted(ErrorResponse response) {
    super(response);
  }

  public ResourceExhausted(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
