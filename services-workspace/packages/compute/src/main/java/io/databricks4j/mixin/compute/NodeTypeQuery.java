package io.databricks4j.mixin.compute;

import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What {@link ClustersExt#selectNodeType} looks for; it picks the smallest node type (memory, then
 * cores, GPUs and local disk) that has everything asked for. GPU node types are only chosen when
 * {@link Builder#minGpus} asks for GPUs. Immutable; {@link #builder()}, {@link #toBuilder()}.
 *
 * <pre>{@code
 * String n = w.clusters().selectNodeType(NodeTypeQuery.builder().localDisk(true).minMemoryGb(16).build());
 * }</pre>
 */
public final class NodeTypeQuery {
  private final int minMemoryGb;
  private final int gbPerCore;
  private final int minCores;
  private final int minGpus;
  private final boolean localDisk;
  private final int localDiskMinSizeGb;
  private final String category;
  private final boolean photonWorkerCapable;
  private final boolean photonDriverCapable;
  private final boolean graviton;
  private final boolean ioCacheEnabled;
  private final boolean supportPortForwarding;
  private final boolean fleet;

  private NodeTypeQuery(Builder b) {
    this.minMemoryGb = b.minMemoryGb;
    this.gbPerCore = b.gbPerCore;
    this.minCores = b.minCores;
    this.minGpus = b.minGpus;
    this.localDisk = b.localDisk;
    this.localDiskMinSizeGb = b.localDiskMinSizeGb;
    this.category = b.category;
    this.photonWorkerCapable = b.photonWorkerCapable;
    this.photonDriverCapable = b.photonDriverCapable;
    this.graviton = b.graviton;
    this.ioCacheEnabled = b.ioCacheEnabled;
    this.supportPortForwarding = b.supportPortForwarding;
    this.fleet = b.fleet;
  }

  /** The smallest node type without GPUs. */
  public static NodeTypeQuery defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().minMemoryGb(minMemoryGb).gbPerCore(gbPerCore).minCores(minCores).minGpus(minGpus)
        .localDisk(localDisk).localDiskMinSizeGb(localDiskMinSizeGb).photonWorkerCapable(photonWorkerCapable)
        .photonDriverCapable(photonDriverCapable).graviton(graviton).ioCacheEnabled(ioCacheEnabled)
        .supportPortForwarding(supportPortForwarding).fleet(fleet);
    b.category = category;
    return b;
  }

  public int minMemoryGb() {
    return minMemoryGb;
  }

  public int gbPerCore() {
    return gbPerCore;
  }

  public int minCores() {
    return minCores;
  }

  public int minGpus() {
    return minGpus;
  }

  public boolean localDisk() {
    return localDisk;
  }

  public int localDiskMinSizeGb() {
    return localDiskMinSizeGb;
  }

  /** The category ({@code General Purpose}, {@code Memory Optimized}, ...), compared ignoring case. */
  public Optional<String> category() {
    return Optional.ofNullable(category);
  }

  public boolean photonWorkerCapable() {
    return photonWorkerCapable;
  }

  public boolean photonDriverCapable() {
    return photonDriverCapable;
  }

  public boolean graviton() {
    return graviton;
  }

  public boolean ioCacheEnabled() {
    return ioCacheEnabled;
  }

  public boolean supportPortForwarding() {
    return supportPortForwarding;
  }

  /** Only AWS fleet node types ({@code fleet} in the id). */
  public boolean fleet() {
    return fleet;
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "NodeTypeQuery{", "}");
    Object[][] fields = {{"minMemoryGb", minMemoryGb}, {"gbPerCore", gbPerCore}, {"minCores", minCores},
        {"minGpus", minGpus}, {"localDiskMinSizeGb", localDiskMinSizeGb}, {"category", category},
        {"localDisk", localDisk}, {"photonWorkerCapable", photonWorkerCapable},
        {"photonDriverCapable", photonDriverCapable}, {"graviton", graviton}, {"ioCacheEnabled", ioCacheEnabled},
        {"supportPortForwarding", supportPortForwarding}, {"fleet", fleet}};
    for (Object[] f : fields) {
      if (f[1] instanceof Boolean b) {
        if (b) {
          j.add((String) f[0]);
        }
      } else if (f[1] instanceof Integer n) {
        if (n > 0) {
          j.add(f[0] + "=" + n);
        }
      } else if (f[1] != null) {
        j.add(f[0] + "=" + f[1]);
      }
    }
    return j.toString();
  }

  /** Builder of {@link NodeTypeQuery}; numbers left at 0 do not constrain. */
  public static final class Builder {
    private int minMemoryGb;
    private int gbPerCore;
    private int minCores;
    private int minGpus;
    private boolean localDisk;
    private int localDiskMinSizeGb;
    private String category;
    private boolean photonWorkerCapable;
    private boolean photonDriverCapable;
    private boolean graviton;
    private boolean ioCacheEnabled;
    private boolean supportPortForwarding;
    private boolean fleet;

    private Builder() {}

    public Builder minMemoryGb(int v) {
      minMemoryGb = nonNegative(v, "minMemoryGb");
      return this;
    }

    public Builder gbPerCore(int v) {
      gbPerCore = nonNegative(v, "gbPerCore");
      return this;
    }

    public Builder minCores(int v) {
      minCores = nonNegative(v, "minCores");
      return this;
    }

    public Builder minGpus(int v) {
      minGpus = nonNegative(v, "minGpus");
      return this;
    }

    /** A local disk (or NVMe) is required. */
    public Builder localDisk(boolean v) {
      localDisk = v;
      return this;
    }

    /** At least this much local disk, all disks together. */
    public Builder localDiskMinSizeGb(int v) {
      localDiskMinSizeGb = nonNegative(v, "localDiskMinSizeGb");
      return this;
    }

    public Builder category(String v) {
      category = Objects.requireNonNull(v, "category");
      return this;
    }

    public Builder photonWorkerCapable(boolean v) {
      photonWorkerCapable = v;
      return this;
    }

    public Builder photonDriverCapable(boolean v) {
      photonDriverCapable = v;
      return this;
    }

    public Builder graviton(boolean v) {
      graviton = v;
      return this;
    }

    public Builder ioCacheEnabled(boolean v) {
      ioCacheEnabled = v;
      return this;
    }

    public Builder supportPortForwarding(boolean v) {
      supportPortForwarding = v;
      return this;
    }

    public Builder fleet(boolean v) {
      fleet = v;
      return this;
    }

    public NodeTypeQuery build() {
      return new NodeTypeQuery(this);
    }

    private static int nonNegative(int v, String name) {
      if (v < 0) {
        throw new IllegalArgumentException(name + " must not be negative, got " + v);
      }
      return v;
    }
  }
}
