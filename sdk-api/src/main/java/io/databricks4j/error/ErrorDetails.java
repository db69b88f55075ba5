package io.databricks4j.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed entries of the {@code details} array of an error response (the {@code google.rpc}
 * error-details model): why it failed ({@link ErrorInfo}), the request id ({@link RequestInfo}),
 * when to retry ({@link RetryInfo}), quotas, preconditions, bad fields, resources and help links.
 * When a type appears twice the last one wins; an entry of an unknown type or shape is kept
 * verbatim in {@link #unknownDetails()}. Immutable; {@link #builder()}.
 */
public final class ErrorDetails {
  /** The prefix of every known {@code @type}. */
  public static final String TYPE_PREFIX = "type.googleapis.com/google.rpc.";
  private static final ErrorDetails EMPTY = builder().build();

  /** {@code ErrorInfo}: why the error happened, with machine-readable metadata. */
  public record ErrorInfo(String reason, String domain, Map<String, String> metadata) {}

  /** {@code RequestInfo}: the id of the request, to quote to support. */
  public record RequestInfo(String requestId, String servingData) {}

  /** {@code RetryInfo}: how long to wait before retrying. */
  public record RetryInfo(Duration retryDelay) {}

  /** {@code DebugInfo}: server-side stack entries. */
  public record DebugInfo(List<String> stackEntries, String detail) {}

  /** One quota that was exceeded. */
  public record QuotaViolation(String subject, String description) {}

  /** {@code QuotaFailure}. */
  public record QuotaFailure(List<QuotaViolation> violations) {}

  /** One precondition that failed. */
  public record PreconditionViolation(String type, String subject, String description) {}

  /** {@code PreconditionFailure}. */
  public record PreconditionFailure(List<PreconditionViolation> violations) {}

  /** One invalid request field. */
  public record FieldViolation(String field, String description) {}

  /** {@code BadRequest}: the request fields that were invalid. */
  public record BadRequestInfo(List<FieldViolation> fieldViolations) {}

  /** {@code ResourceInfo}: the resource the error is about. */
  public record ResourceInfo(String resourceType, String resourceName, String owner, String description) {}

  /** A link to documentation. */
  public record Link(String description, String url) {}

  /** {@code Help}: links to documentation. */
  public record Help(List<Link> links) {}

  private final ErrorInfo errorInfo;
  private final RequestInfo requestInfo;
  private final RetryInfo retryInfo;
  private final DebugInfo debugInfo;
  private final QuotaFailure quotaFailure;
  private final PreconditionFailure preconditionFailure;
  private final BadRequestInfo badRequest;
  private final ResourceInfo resourceInfo;
  private final Help help;
  private final List<Object> unknown;

  private ErrorDetails(Builder b) {
    this.errorInfo = b.errorInfo;
    this.requestInfo = b.requestInfo;
    this.retryInfo = b.retryInfo;
    this.debugInfo = b.debugInfo;
    this.quotaFailure = b.quotaFailure;
    this.preconditionFailure = b.preconditionFailure;
    this.badRequest = b.badRequest;
    this.resourceInfo = b.resourceInfo;
    this.help = b.help;
    this.unknown = java.util.Collections.unmodifiableList(new ArrayList<>(b.unknown));
  }

  /** No details. */
  public static ErrorDetails empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ErrorInfo> errorInfo() {
    return Optional.ofNullable(errorInfo);
  }

  public Optional<RequestInfo> requestInfo() {
    return Optional.ofNullable(requestInfo);
  }

  public Optional<RetryInfo> retryInfo() {
    return Optional.ofNullable(retryInfo);
  }

  public Optional<DebugInfo> debugInfo() {
    return Optional.ofNullable(debugInfo);
  }

  public Optional<QuotaFailure> quotaFailure() {
    return Optional.ofNullable(quotaFailure);
  }

  public Optional<PreconditionFailure> preconditionFailure() {
    return Optional.ofNullable(preconditionFailure);
  }

  public Optional<BadRequestInfo> badRequest() {
    return Optional.ofNullable(badRequest);
  }

  public Optional<ResourceInfo> resourceInfo() {
    return Optional.ofNullable(resourceInfo);
  }

  public Optional<Help> help() {
    return Optional.ofNullable(help);
  }

  /** Entries of unknown type or shape, as plain maps, lists, strings and numbers. */
  public List<Object> unknownDetails() {
    return unknown;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ErrorDetails{");
    errorInfo().ifPresent(v -> sb.append(v).append(' '));
    requestInfo().ifPresent(v -> sb.append(v).append(' '));
    retryInfo().ifPresent(v -> sb.append(v).append(' '));
    quotaFailure().ifPresent(v -> sb.append(v).append(' '));
    preconditionFailure().ifPresent(v -> sb.append(v).append(' '));
    badRequest().ifPresent(v -> sb.append(v).append(' '));
    resourceInfo().ifPresent(v -> sb.append(v).append(' '));
    help().ifPresent(v -> sb.append(v).append(' '));
    if (!unknown.isEmpty()) {
      sb.append("unknown=").append(unknown.size());
    }
    return sb.toString().strip() + "}";
  }

  /** Builder of {@link ErrorDetails}; each setter replaces an earlier entry of its type. */
  public static final class Builder {
    private ErrorInfo errorInfo;
    private RequestInfo requestInfo;
    private RetryInfo retryInfo;
    private DebugInfo debugInfo;
    private QuotaFailure quotaFailure;
    private PreconditionFailure preconditionFailure;
    private BadRequestInfo badRequest;
    private ResourceInfo resourceInfo;
    private Help help;
    private final List<Object> unknown = new ArrayList<>();

    private Builder() {}

    public Builder errorInfo(ErrorInfo v) {
      errorInfo = v;
      return this;
    }

    public Builder requestInfo(RequestInfo v) {
      requestInfo = v;
      return this;
    }

    public Builder retryInfo(RetryInfo v) {
      retryInfo = v;
      return this;
    }

    public Builder debugInfo(DebugInfo v) {
      debugInfo = v;
      return this;
    }

    public Builder quotaFailure(QuotaFailure v) {
      quotaFailure = v;
      return this;
    }

    public Builder preconditionFailure(PreconditionFailure v) {
      preconditionFailure = v;
      return this;
    }

    public Builder badRequest(BadRequestInfo v) {
      badRequest = v;
      return this;
    }

    public Builder resourceInfo(ResourceInfo v) {
      resourceInfo = v;
      return this;
    }

    public Builder help(Help v) {
      help = v;
      return this;
    }

    /** An entry of unknown type or shape, as plain maps, lists, strings and numbers. */
    public Builder unknown(Object v) {
      unknown.add(v);
      return this;
    }

    public ErrorDetails build() {
      return new ErrorDetails(this);
    }
  }
}
