package io.databricks4j.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the emulated service answers when a request cannot be served: an HTTP status with a
 * Databricks {@code error_code} and message. Thrown by handlers, written by the dispatcher.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String errorCode;
  private final JsonNode details;

  public ApiException(int status, String errorCode, String message) {
    this(status, errorCode, message, null);
  }

  /** @param details the {@code details} array of the error body (google.rpc error details), or null */
  public ApiException(int status, String errorCode, String message, JsonNode details) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.details = details;
  }

  /** The {@code details} of the error body, or null. */
  public JsonNode details() {
    return details;
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** 400 INVALID_PARAMETER_VALUE. */
  public static ApiException invalid(String message) {
    return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
  }

  /** 400 INVALID_PARAMETER_VALUE naming a required field that is missing. */
  public static ApiException missing(String field) {
    return invalid("Missing required field: " + field);
  }

  /** 404 RESOURCE_DOES_NOT_EXIST. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "RESOURCE_DOES_NOT_EXIST", message);
  }

  /** 409 RESOURCE_ALREADY_EXISTS. */
  public static ApiException alreadyExists(String message) {
    return new ApiException(409, "RESOURCE_ALREADY_EXISTS", message);
  }

  /** 400 INVALID_STATE: the resource is not in a state that allows the operation. */
  public static ApiException invalidState(String message) {
    return new ApiException(400, "INVALID_STATE", message);
  }

  /** 400 MALFORMED_REQUEST. */
  public static ApiException malformed(String message) {
    return new ApiException(400, "MALFORMED_REQUEST", message);
  }

  /** 501 NOT_IMPLEMENTED: the operation exists but the testkit does not emulate this case. */
  public static ApiException notImplemented(String message) {
    return new ApiException(501, "NOT_IMPLEMENTED", message);
  }
}
