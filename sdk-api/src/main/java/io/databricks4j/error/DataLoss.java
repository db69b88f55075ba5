package io.databricks4j.error;

/** HTTP 500 {@code DATA_LOSS}: unrecoverable data loss or corruption. */
public class DataLoss extends InternalError {
  private static final long serialVersionUID = 1L;

  public DataLoss(ErrorResponse response) {
    super(response);
  }

  public DataLoss(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
