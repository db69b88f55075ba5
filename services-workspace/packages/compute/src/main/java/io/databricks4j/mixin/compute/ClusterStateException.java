package io.databricks4j.mixin.compute;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.compute.State;
import java.util.Optional;

/** A cluster is in, or went into, a state from which it cannot be made to run. */
public class ClusterStateException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private final String clusterId;
  private final transient State state;

  public ClusterStateException(String message, String clusterId, State state, Throwable cause) {
    super(message, cause);
    this.clusterId = clusterId;
    this.state = state;
  }

  public String clusterId() {
    return clusterId;
  }

  /** The state the cluster was last seen in; empty when unknown. */
  public Optional<State> state() {
    return Optional.ofNullable(state);
  }
}
