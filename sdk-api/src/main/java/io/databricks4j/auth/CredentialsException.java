package io.databricks4j.auth;

import io.databricks4j.error.DatabricksException;

/** Credentials could not be configured or a token could not be obtained. */
public class CredentialsException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
