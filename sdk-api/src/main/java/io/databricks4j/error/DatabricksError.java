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

  /** Longest service message quoted in {@link #getMessage()}; {@link #serviceMessage()} keeps it whole. */
  static final int MAX_QUOTED = 800;

  /**
   * {@code GET /api/2.1/clusters/get: 404 RESOURCE_DOES_NOT_EXIST: Cluster 0123 does not exist
   * (call 7f3a, 3 attempts in 4.2 s)}: what was called, what it answered, what to check next (the
   * hint), and how hard we tried, in about a kilobyte at most. The part after the status is what
   * the official SDKs print: the service's message, then the hint.
   */
  private static String describe(ErrorResponse r) {
    StringBuilder sb = new StringBuilder();
    if (!r.method().isEmpty()) {
      sb.append(r.method()).append(' ').append(r.path()).append(": ");
    }
    sb.append(r.statusCode());
    if (!r.errorCode().isEmpty()) {
      sb.append(' ').append(r.errorCode());
    }
    String m = r.message().strip();
    String hint = r.hint().length() <= MAX_QUOTED ? r.hint() : r.hint().substring(0, MAX_QUOTED) + "...";
    if (hint.isEmpty() && m.endsWith(".") && !m.endsWith("..")) {
      m = m.substring(0, m.length() - 1); // the sentence goes on with the call
    }
    if (!m.isEmpty()) {
      sb.append(": ").append(m.length() <= MAX_QUOTED ? m : m.substring(0, MAX_QUOTED) + "... (" + m.length() + " characters)");
    }
    if (!hint.isEmpty()) {
      sb.append(m.isEmpty() ? ": " : m.endsWith(".") ? " " : ". ").append(hint);
    }
    StringBuilder call = new StringBuilder();
    if (!r.callId().isEmpty()) {
      call.append("call ").append(r.callId());
    }
    if (r.attempts() > 1) {
      call.append(call.length() == 0 ? "" : ", ").append(r.attempts()).append(" attempts");
      r.elapsed().ifPresent(e -> call.append(String.format(java.util.Locale.ROOT, " in %.1f s", e.toMillis() / 1000.0)));
    }
    if (!r.requestId().isEmpty()) {
      call.append(call.length() == 0 ? "" : ", ").append("request id ").append(r.requestId());
    }
    if (call.length() > 0) {
      sb.append(" (").append(call).append(')');
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
