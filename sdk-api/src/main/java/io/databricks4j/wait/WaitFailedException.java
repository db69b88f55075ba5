package io.databricks4j.wait;

import io.databricks4j.error.DatabricksException;
import java.util.Optional;

/** A {@link Wait} reached a failure state (for example a cluster in {@code ERROR}). */
public class WaitFailedException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private final transient Object lastSeen;
  private final String state;

  public WaitFailedException(String what, String state, String message, Object lastSeen) {
    super(what + " reached failure state " + state + (message == null || message.isEmpty() ? "" : ": " + message));
    this.state = state;
    this.lastSeen = lastSeen;
  }

  /** The failure state reached. */
  public String state() {
    return state;
  }

  /** The value polled that was in the failure state. */
  public Optional<Object> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }
}
