package io.databricks4j.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a failed call answered, as parsed from the response. The value behind every
 * {@link DatabricksError}.
 */
public final class ErrorResponse {
  private final int statusCode;
  private final String errorCode;
  private final String message;
  private final List<ErrorDetail> details;
  private final Duration retryAfter;
  private final String method;
  private final String path;
  private final int attempts;
  private final Duration elapsed;
  private final String hint;
  private final String callId;
  private final String requestId;
  private final ErrorDetails errorDetails;

  private ErrorResponse(Builder b) {
    this.statusCode = b.statusCode;
    this.errorCode = b.errorCode == null ? "" : b.errorCode;
    this.message = b.message == null ? "" : b.message;
    this.details = b.details == null ? List.of() : List.copyOf(b.details);
    this.retryAfter = b.retryAfter;
    this.method = b.method == null ? "" : b.method;
    this.path = b.path == null ? "" : b.path;
    this.attempts = b.attempts;
    this.elapsed = b.elapsed;
    this.hint = b.hint == null ? "" : b.hint;
    this.callId = b.callId == null ? "" : b.callId;
    this.errorDetails = b.errorDetails == null ? ErrorDetails.empty() : b.errorDetails;
    String rid = b.requestId;
    if ((rid == null || rid.isEmpty()) && errorDetails.requestInfo().isPresent()) {
      rid = errorDetails.requestInfo().get().requestId();
    }
    this.requestId = rid == null ? "" : rid;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.statusCode = statusCode;
    b.errorCode = errorCode;
    b.message = message;
    b.details = details;
    b.retryAfter = retryAfter;
    b.method = method;
    b.path = path;
    b.attempts = attempts;
    b.elapsed = elapsed;
    b.hint = hint;
    b.callId = callId;
    b.requestId = requestId;
    b.errorDetails = errorDetails;
    return b;
  }

  public int statusCode() {
    return statusCode;
  }

  /** The {@code error_code}, empty when the service sent none. */
  public String errorCode() {
    return errorCode;
  }

  public String message() {
    return message;
  }

  public List<ErrorDetail> details() {
    return details;
  }

  /** The {@code Retry-After} the service asked for. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** The path of the failed request (no query string). */
  public String path() {
    return path;
  }

  /** How many attempts were made; 1 when the call was not retried. */
  public int attempts() {
    return Math.max(1, attempts);
  }

  /** Time from the first attempt to giving up, when retried. */
  public Optional<Duration> elapsed() {
    return Optional.ofNullable(elapsed);
  }

  /**
   * What databricks4j adds for the reader (what to check next, the configuration used), kept apart
   * from the service's {@link #message()}; empty when there is nothing to add.
   */
  public String hint() {
    return hint;
  }

  /** The id databricks4j gave the call: its log lines and this error share it; empty outside a client. */
  public String callId() {
    return callId;
  }

  /**
   * The id the service gave the request ({@code x-request-id} header or {@code RequestInfo}
   * detail), for a support ticket; empty when it sent none.
   */
  public String requestId() {
    return requestId;
  }

  /** The {@code details} entries, typed ({@code ErrorInfo}, {@code RequestInfo}, {@code RetryInfo}, ...). */
  public ErrorDetails errorDetails() {
    return errorDetails;
  }

  /** Builder of {@link ErrorResponse}. */
  public static final class Builder {
    private int statusCode;
    private String errorCode;
    private String message;
    private List<ErrorDetail> details;
    private Duration retryAfter;
    private String method;
    private String path;
    private int attempts = 1;
    private Duration elapsed;
    private String hint;
    private String callId;
    private String requestId;
    private ErrorDetails errorDetails;

    private Builder() {}

    public Builder statusCode(int v) {
      statusCode = v;
      return this;
    }

    public Builder errorCode(String v) {
      errorCode = v;
      return this;
    }

    public Builder message(String v) {
      message = v;
      return this;
    }

    public Builder details(List<ErrorDetail> v) {
      details = v;
      return this;
    }

    public Builder retryAfter(Duration v) {
      retryAfter = v;
      return this;
    }

    public Builder method(String v) {
      method = v;
      return this;
    }

    public Builder path(String v) {
      path = v;
      return this;
    }

    public Builder attempts(int v) {
      attempts = v;
      return this;
    }

    public Builder elapsed(Duration v) {
      elapsed = v;
      return this;
    }

    public Builder hint(String v) {
      hint = v;
      return this;
    }

    public Builder callId(String v) {
      callId = v;
      return this;
    }

    public Builder requestId(String v) {
      requestId = v;
      return this;
    }

    public Builder errorDetails(ErrorDetails v) {
      errorDetails = v;
      return this;
    }

    public ErrorResponse build() {
      return new ErrorResponse(this);
    }
  }
}
