package io.databricks4j.error;

/** The root of every exception databricks4j throws. Unchecked. */
public class DatabricksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabricksException(String message) {
    super(message);
  }

  public DatabricksException(String message, Throwable cause) {
    super(message, cause);
  }
}
