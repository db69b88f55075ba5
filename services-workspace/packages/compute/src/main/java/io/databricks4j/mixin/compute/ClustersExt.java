package io.databricks4j.mixin.compute;

import io.databricks4j.core.ApiClient;
import io.databricks4j.error.InvalidState;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ClustersApi;
import io.databricks4j.service.compute.State;
import io.databricks4j.service.compute.TerminationReason;
import io.databricks4j.wait.WaitFailedException;
import io.databricks4j.wait.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters, plus choosing a runtime and a node type and making sure a cluster runs.
 *
 * <pre>{@code
 * String version = w.clusters().selectSparkVersion(SparkVersionQuery.builder().longTermSupport(true).build());
 * String node = w.clusters().selectNodeType(NodeTypeQuery.builder().localDisk(true).build());
 * w.clusters().ensureClusterIsRunning(clusterId);
 * }</pre>
 */
public class ClustersExt extends ClustersApi {
  /** How long {@link #ensureClusterIsRunning(String)} waits at most. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j");

  public ClustersExt(ApiClient api) {
    super(api);
  }

  /** The key of the latest plain Scala 2.12 runtime. */
  public String selectSparkVersion() {
    return selectSparkVersion(SparkVersionQuery.defaults());
  }

  /**
   * The key of the runtime that matches {@code query}, such as {@code 15.4.x-scala2.12}.
   *
   * @throws io.databricks4j.error.DatabricksException when none matches, listing what exists
   */
  public String selectSparkVersion(SparkVersionQuery query) {
    return SparkVersionSelector.select(orEmpty(sparkVersions().versions()), query);
  }

  /** The smallest node type without GPUs. */
  public String selectNodeType() {
    return selectNodeType(NodeTypeQuery.defaults());
  }

  /**
   * The id of the smallest node type that fits {@code query}.
   *
   * @throws io.databricks4j.error.DatabricksException when none fits, listing what exists
   */
  public String selectNodeType(NodeTypeQuery query) {
    return NodeTypeSelector.select(orEmpty(listNodeTypes().nodeTypes()), query);
  }

  /** {@link #ensureClusterIsRunning(String, Duration)} for up to 20 minutes. */
  public ClusterDetails ensureClusterIsRunning(String clusterId) {
    return ensureClusterIsRunning(clusterId, DEFAULT_TIMEOUT);
  }

  /**
   * Makes the cluster run: returns at once when it runs, starts it when terminated, waits out
   * pending, restarting, resizing and terminating (then starts it).
   *
   * @return the cluster, running
   * @throws io.databricks4j.error.DatabricksError when there is no such cluster (the service answers
   *     {@code INVALID_PARAMETER_VALUE})
   * @throws ClusterStateException when it is in, or falls into, {@code ERROR}, {@code UNKNOWN} or a
   *     state this SDK does not know, or terminates while starting; the message carries the state,
   *     the state message and the termination reason
   * @throws WaitTimeoutException when it does not run within {@code timeout}
   */
  public ClusterDetails ensureClusterIsRunning(String clusterId, Duration timeout) {
    Objects.requireNonNull(clusterId, "clusterId");
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      ClusterDetails c = get(clusterId);
      // no state, or one this SDK does not know, cannot be waited out: it fails like UNKNOWN
      State.Known state = c.state() == null ? State.Known.UNKNOWN : c.state().known().orElse(State.Known.UNKNOWN);
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        String raw = c.state() == null ? null : c.state().value();
        throw new WaitTimeoutException("cluster " + clusterId + " to be RUNNING", timeout, raw, c);
      }
      try {
        switch (state) {
          case RUNNING:
            return c;
          case TERMINATED:
            LOG.info("cluster {} is TERMINATED; starting it", clusterId);
            return start(clusterId).get(left);
          case TERMINATING:
            waitGetClusterTerminated(clusterId, left);
            break;
          case PENDING:
          case RESTARTING:
          case RESIZING:
            return waitGetClusterRunning(clusterId, left);
          default:
            throw failed(c, null);
        }
      } catch (InvalidState e) {
        // it changed state between our look and our start; look again
        LOG.debug("cluster {} changed state ({}); looking again", clusterId, e.getMessage());
      } catch (WaitFailedException e) {
        throw failed(e.lastSeen().filter(ClusterDetails.class::isInstance).map(ClusterDetails.class::cast)
            .orElseGet(() -> get(clusterId)), e);
      }
    }
  }

  private static ClusterStateException failed(ClusterDetails c, Throwable cause) {
    StringBuilder sb = new StringBuilder("cluster ").append(c.clusterId());
    if (c.clusterName() != null) {
      sb.append(" (").append(c.clusterName()).append(')');
    }
    sb.append(" cannot be made to run: it is ").append(c.state());
    if (c.stateMessage() != null && !c.stateMessage().isEmpty()) {
      sb.append(": ").append(c.stateMessage());
    }
    TerminationReason r = c.terminationReason();
    if (r != null && r.code() != null) {
      sb.append(" (termination reason ").append(r.code().value());
      if (r.parameters() != null && !r.parameters().isEmpty()) {
        sb.append(' ').append(r.parameters());
      }
      sb.append(')');
    }
    sb.append(". Look at the cluster's event log, fix its configuration, and start it again.");
    return new ClusterStateException(sb.toString(), c.clusterId(), c.state(), cause);
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
