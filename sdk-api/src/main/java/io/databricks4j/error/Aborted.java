package io.databricks4j.error;

/** HTTP 409 {@code ABORTED}: aborted by a concurrency conflict; retry the read-modify-write. */
public class Aborted extends ResourceConflict {
  private static final long serialVersionUID = 1L;

  public Aborted(ErrorResponse response) {
    super(response);
  }

  public Aborted(ErrorResponse response, Throwable cause) {
    super(response, cause);
  }
}
