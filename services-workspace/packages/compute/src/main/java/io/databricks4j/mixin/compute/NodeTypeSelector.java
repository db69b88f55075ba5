package io.databricks4j.mixin.compute;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.compute.NodeInstanceType;
import io.databricks4j.service.compute.NodeType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Picks the smallest node type that fits a {@link NodeTypeQuery}; pure, so it is tested without a server. */
public final class NodeTypeSelector {
  /** Smallest first: memory, cores, GPUs, local disk, then id. */
  static final Comparator<NodeType> SMALLEST_FIRST = Comparator.<NodeType>comparingLong(n -> orZero(n.memoryMb()))
      .thenComparingDouble(n -> n.numCores() == null ? 0 : n.numCores())
      .thenComparingLong(n -> orZero(n.numGpus()))
      .thenComparingLong(NodeTypeSelector::diskGb)
      .thenComparing(n -> n.nodeTypeId() == null ? "" : n.nodeTypeId());

  private NodeTypeSelector() {}

  /**
   * The id of the smallest of {@code available} that fits {@code query}.
   *
   * @throws DatabricksException when none fits; the message lists what exists
   */
  public static String select(List<NodeType> available, NodeTypeQuery query) {
    return available.stream().filter(n -> fits(n, query)).min(SMALLEST_FIRST).map(NodeType::nodeTypeId)
        .orElseThrow(() -> new DatabricksException("no node type fits " + query + "; the workspace offers: "
            + available.stream().sorted(SMALLEST_FIRST).map(NodeTypeSelector::describe)
                .collect(Collectors.joining(", "))));
  }

  static boolean fits(NodeType n, NodeTypeQuery q) {
    if (Boolean.TRUE.equals(n.isDeprecated()) || n.nodeTypeId() == null) {
      return false;
    }
    long gb = orZero(n.memoryMb()) / 1024;
    double cores = n.numCores() == null ? 0 : n.numCores();
    long gpus = orZero(n.numGpus());
    if (q.fleet() && !n.nodeTypeId().contains("fleet")) {
      return false;
    }
    if (gb < q.minMemoryGb() || cores < q.minCores()) {
      return false;
    }
    if (q.gbPerCore() > 0 && (cores <= 0 || gb / cores < q.gbPerCore())) {
      return false;
    }
    if (q.minGpus() > 0 ? gpus < q.minGpus() : gpus > 0) {
      return false;
    }
    if (q.localDisk() || q.localDiskMinSizeGb() > 0) {
      NodeInstanceType t = n.nodeInstanceType();
      if (t == null) {
        return false;
      }
      if (q.localDisk() && orZero(t.localDisks()) < 1 && orZero(t.localNvmeDisks()) < 1) {
        return false;
      }
      if (diskGb(n) < q.localDiskMinSizeGb()) {
        return false;
      }
    }
    if (q.category().isPresent()
        && !q.category().get().toLowerCase(Locale.ROOT).equals(n.category() == null ? null : n.category().toLowerCase(Locale.ROOT))) {
      return false;
    }
    return (!q.ioCacheEnabled() || Boolean.TRUE.equals(n.isIoCacheEnabled()))
        && (!q.supportPortForwarding() || Boolean.TRUE.equals(n.supportPortForwarding()))
        && (!q.photonDriverCapable() || Boolean.TRUE.equals(n.photonDriverCapable()))
        && (!q.photonWorkerCapable() || Boolean.TRUE.equals(n.photonWorkerCapable()))
        && Boolean.TRUE.equals(n.isGraviton()) == q.graviton();
  }

  private static long diskGb(NodeType n) {
    NodeInstanceType t = n.nodeInstanceType();
    return t == null ? 0 : orZero(t.localDiskSizeGb()) + orZero(t.localNvmeDiskSizeGb());
  }

  private static String describe(NodeType n) {
    return n.nodeTypeId() + " (" + orZero(n.memoryMb()) / 1024 + " GB, " + (n.numCores() == null ? 0 : n.numCores().intValue())
        + " cores" + (orZero(n.numGpus()) > 0 ? ", " + n.numGpus() + " GPU" : "") + (diskGb(n) > 0 ? ", " + diskGb(n) + " GB disk" : "")
        + (n.category() == null ? "" : ", " + n.category()) + (Boolean.TRUE.equals(n.isDeprecated()) ? ", deprecated" : "") + ")";
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
