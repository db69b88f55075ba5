package io.databricks4j.error;

/** The configuration is invalid: a bad host, an unknown profile, a malformed config file. */
public class ConfigException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
