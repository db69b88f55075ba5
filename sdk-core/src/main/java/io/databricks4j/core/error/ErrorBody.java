package io.databricks4j.core.error;

import io.databricks4j.error.ErrorDetail;
import io.databricks4j.error.ErrorDetails;
import java.util.List;

/**
 * The body of a failed response as {@link ErrorParser} read it: the resolved error code and
 * message plus the raw fields of every known error format (the JSON {@code error_code}/
 * {@code message}/{@code details}, API 1.2 {@code error}, SCIM {@code detail}/{@code status}/
 * {@code scimType}). Absent fields are empty strings.
 */
public final class ErrorBody {
  private final String errorCode;
  private final String message;
  private final String api12Error;
  private final String scimDetail;
  private final String scimStatus;
  private final String scimType;
  private final ErrorDetails details;
  private final List<ErrorDetail> legacyDetails;

  ErrorBody(String errorCode, String message, String api12Error, String scimDetail, String scimStatus,
      String scimType, ErrorDetails details, List<ErrorDetail> legacyDetails) {
    this.errorCode = errorCode;
    this.message = message;
    this.api12Error = api12Error;
    this.scimDetail = scimDetail;
    this.scimStatus = scimStatus;
    this.scimType = scimType;
    this.details = details;
    this.legacyDetails = List.copyOf(legacyDetails);
  }

  static ErrorBody of(String errorCode, String message) {
    return new ErrorBody(errorCode, message, "", "", "", "", ErrorDetails.empty(), List.of());
  }

  /**
   * The error code: {@code error_code}, {@code SCIM_<status>} for SCIM errors, the prefix of an
   * {@code ERROR_CODE: message} text body, {@code UNKNOWN} for any other non-empty body that is
   * not a JSON error, empty when the body was empty.
   */
  public String errorCode() {
    return errorCode;
  }

  /** The message: {@code message}, else API 1.2 {@code error}, else the SCIM text, HTML {@code <pre>} or text body, else the status reason. */
  public String message() {
    return message;
  }

  /** The API 1.2 {@code error} field. */
  public String api12Error() {
    return api12Error;
  }

  /** The SCIM {@code detail} field. */
  public String scimDetail() {
    return scimDetail;
  }

  /** The SCIM {@code status} field. */
  public String scimStatus() {
    return scimStatus;
  }

  /** The SCIM {@code scimType} field. */
  public String scimType() {
    return scimType;
  }

  /** The {@code details} entries, typed. */
  public ErrorDetails details() {
    return details;
  }

  /** Every typed {@code details} entry as {@code @type}, reason, domain and metadata (what {@link io.databricks4j.error.DatabricksError#details()} returns). */
  public List<ErrorDetail> legacyDetails() {
    return legacyDetails;
  }
}
