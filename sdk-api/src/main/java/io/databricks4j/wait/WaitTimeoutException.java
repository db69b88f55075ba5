package io.databricks4j.wait;

import io.databricks4j.error.DatabricksException;
import java.time.Duration;
import java.util.Optional;

/** A {@link Wait} ran out of time before reaching its target state. */
public class WaitTimeoutException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private final transient Object lastSeen;
  private final String lastState;
  private final Duration timeout;

  public WaitTimeoutException(String what, Duration timeout, String lastState, Object lastSeen) {
    super("timed out after " + timeout + " waiting for " + what
        + (lastState == null ? "" : "; last state: " + lastState)
        + ". Wait longer with get(Duration) or check the resource's state message.");
    this.timeout = timeout;
    this.lastState = lastState;
    this.lastSeen = lastSeen;
  }

  /** The last value polled, if any poll succeeded. */
  public Optional<Object> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }

  /** The last state seen, if any. */
  public Optional<String> lastState() {
    return Optional.ofNullable(lastState);
  }

  public Duration timeout() {
    return timeout;
  }
}
