package io.databricks4j.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the service said when a call failed: status code, {@code error_code}, message, details and
 * {@code Retry-After}. Subclasses name the status ({@link NotFound}) and well-known error codes
 * ({@link ResourceDoesNotExist}); catch the one you care about.
 */
public class DatabricksError extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorResponse response;

  public DatabricksError(ErrorResponse response) {
    this(response, null);
  }

  public DatabricksError(ErrorResponse response, Throwable cause) {
    super(describe(response), cause);
    this.response = response;
  }

  private static String describe(ErrorResponse r) {
    StringBuilder sb = new StringBuilder(r.message().isEmpty() ? "HTTP " + r.statusCode() : r.message());
    if (!r.hint().isEmpty()) {
      sb.append(r.message().endsWith(".") ? " " : ". ").append(r.hint());
    }
    if (r.attempts() > 1) {
      sb.append(" (gave up after ").append(r.attempts()).append(" attempts");
      r.elapsed().ifPresent(e -> sb.append(" over ").append(String.format(java.util.Locale.ROOT, "%.1f s", e.toMillis() / 1000.0)));
      sb.append("; raise retry_timeout_seconds to wait longer)");
    }
    return sb.toString();
  }

  /** The whole parsed response. */
  public ErrorResponse response() {
    return response;
  }

  public int statusCode() {
    return response.statusCode();
  }

  /** The {@code error_code}, empty when the service sent none. */
  public String errorCode() {
    return response.errorCode();
  }

  /** The message exactly as the service sent it. */
  public String serviceMessage() {
    return response.message();
  }

  public List<ErrorDetail> details() {
    return response.details();
  }

  public Optional<Duration> retryAfter() {
    return response.retryAfter();
  }
}
