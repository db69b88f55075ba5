package io.databricks4j.core.error;

import io.databricks4j.error.Aborted;
import io.databricks4j.error.AlreadyExists;
import io.databricks4j.error.BadRequest;
import io.databricks4j.error.Cancelled;
import io.databricks4j.error.DataLoss;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.DeadlineExceeded;
import io.databricks4j.error.ErrorResponse;
import io.databricks4j.error.InternalError;
import io.databricks4j.error.InvalidParameterValue;
import io.databricks4j.error.InvalidState;
import io.databricks4j.error.NotFound;
import io.databricks4j.error.NotImplemented;
import io.databricks4j.error.PermissionDenied;
import io.databricks4j.error.RequestLimitExceeded;
import io.databricks4j.error.ResourceAlreadyExists;
import io.databricks4j.error.ResourceConflict;
import io.databricks4j.error.ResourceDoesNotExist;
import io.databricks4j.error.ResourceExhausted;
import io.databricks4j.error.TemporarilyUnavailable;
import io.databricks4j.error.TooManyRequests;
import io.databricks4j.error.Unauthenticated;
import io.databricks4j.error.Unknown;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Picks the {@link DatabricksError} subclass of a failed response. In order: the per-endpoint
 * overrides of the official SDKs (a 400 "Cluster ... does not exist" from {@code clusters/get} is a
 * {@link ResourceDoesNotExist}), then the {@code error_code} (it wins over the status, so a 404
 * {@code INVALID_PARAMETER_VALUE} is an {@link InvalidParameterValue}; 400
 * {@code REQUEST_LIMIT_EXCEEDED} is a {@link TooManyRequests}), then the status; anything else is
 * a plain {@link DatabricksError}.
 */
public final class ErrorMapper {
  private static final Map<String, BiFunction<ErrorResponse, Throwable, DatabricksError>> BY_CODE = Map.of(
      "INVALID_PARAMETER_VALUE", InvalidParameterValue::new,
      "INVALID_STATE", InvalidState::new,
      "RESOURCE_DOES_NOT_EXIST", ResourceDoesNotExist::new,
      "ABORTED", Aborted::new,
      "ALREADY_EXISTS", AlreadyExists::new,
      "RESOURCE_ALREADY_EXISTS", ResourceAlreadyExists::new,
      "RESOURCE_EXHAUSTED", ResourceExhausted::new,
      "REQUEST_LIMIT_EXCEEDED", RequestLimitExceeded::new,
      "DATA_LOSS", DataLoss::new);

  private static final Map<Integer, BiFunction<ErrorResponse, Throwable, DatabricksError>> BY_STATUS = Map.ofEntries(
      Map.entry(400, BadRequest::new),
      Map.entry(401, Unauthenticated::new),
      Map.entry(403, PermissionDenied::new),
      Map.entry(404, NotFound::new),
      Map.entry(409, ResourceConflict::new),
      Map.entry(429, TooManyRequests::new),
      Map.entry(499, Cancelled::new),
      Map.entry(500, InternalError::new),
      Map.entry(501, NotImplemented::new),
      Map.entry(503, TemporarilyUnavailable::new),
      Map.entry(504, DeadlineExceeded::new));

  private ErrorMapper() {}

  /** The error for {@code response}. */
  public static DatabricksError map(ErrorResponse response) {
    return map(response, null);
  }

  /** The error for {@code response}, with {@code cause} (may be null). */
  public static DatabricksError map(ErrorResponse response, Throwable cause) {
    if (PrivateLinkValidationError.ERROR_CODE.equals(response.errorCode())) {
      return new PrivateLinkValidationError(response, cause);
    }
    if (ErrorOverrides.toResourceDoesNotExist(response)) {
      return new ResourceDoesNotExist(response, cause);
    }
    String code = response.errorCode();
    int status = response.statusCode();
    if (status == 400 && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
      return new TooManyRequests(response, cause);
    }
    if (status == 500 && "UNKNOWN".equals(code)) {
      return new Unknown(response, cause);
    }
    BiFunction<ErrorResponse, Throwable, DatabricksError> f = BY_CODE.get(code);
    if (f == null) {
      f = BY_STATUS.getOrDefault(status, DatabricksError::new);
    }
    return f.apply(response, cause);
  }

  /**
   * The error of a failed call: parses {@code body}, reads {@code Retry-After} (1 s when a 429 or
   * 503 has none) and maps. {@link ErrorBuilder} makes the errors of the pipeline; this is the
   * short form for a response known only by its parts.
   *
   * @param method the HTTP method of the request
   * @param path the request path, without query
   * @param status the response status
   * @param reason the reason phrase, may be empty
   * @param retryAfterHeader the {@code Retry-After} header, or null
   * @param body the response body, possibly empty
   * @param now the current time, to turn a {@code Retry-After} date into a delay
   */
  public static DatabricksError fromResponse(String method, String path, int status, String reason,
      String retryAfterHeader, byte[] body, Instant now) {
    return ErrorBuilder.of(method, path).response(status, reason,
        retryAfterHeader == null ? Map.of() : Map.of("Retry-After", java.util.List.of(retryAfterHeader)), body, false, now);
  }

  /**
   * For a 401 or 403, the same error with {@code context} after the message, so the reader
   * sees which host and credentials were used (as the official SDKs print {@code Config: ...});
   * any other error unchanged.
   */
  public static DatabricksError withContext(DatabricksError error, String context) {
    int s = error.statusCode();
    if ((s != 401 && s != 403) || context == null || context.isBlank()
        || error instanceof PrivateLinkValidationError) {
      return error;
    }
    ErrorResponse r = error.response();
    String hint = r.hint().isEmpty() ? context.strip() : r.hint() + " " + context.strip();
    return map(r.toBuilder().hint(hint).build(), error.getCause());
  }
}
