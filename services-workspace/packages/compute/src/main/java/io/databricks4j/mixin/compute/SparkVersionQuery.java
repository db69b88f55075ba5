package io.databricks4j.mixin.compute;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ClustersExt#selectSparkVersion} looks for. A flag left off excludes the variant: by
 * default a plain (not ML, GPU, Photon, Graviton or beta) Scala 2.12 runtime, the latest one.
 * Immutable; {@link #builder()}, {@link #toBuilder()}.
 *
 * <pre>{@code
 * String v = w.clusters().selectSparkVersion(SparkVersionQuery.builder().longTermSupport(true).ml(true).build());
 * }</pre>
 */
public final class SparkVersionQuery {
  private final boolean latest;
  private final boolean longTermSupport;
  private final boolean ml;
  private final boolean gpu;
  private final boolean photon;
  private final boolean graviton;
  private final boolean genomics;
  private final boolean beta;
  private final String scala;
  private final String sparkVersion;

  private SparkVersionQuery(Builder b) {
    this.latest = b.latest;
    this.longTermSupport = b.longTermSupport;
    this.ml = b.ml;
    this.gpu = b.gpu;
    this.photon = b.photon;
    this.graviton = b.graviton;
    this.genomics = b.genomics;
    this.beta = b.beta;
    this.scala = b.scala;
    this.sparkVersion = b.sparkVersion;
  }

  /** The latest plain Scala 2.12 runtime. */
  public static SparkVersionQuery defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().latest(latest).longTermSupport(longTermSupport).ml(ml).gpu(gpu).photon(photon)
        .graviton(graviton).genomics(genomics).beta(beta).scala(scala);
    b.sparkVersion = sparkVersion;
    return b;
  }

  /** Pick the newest of several matches (true by default); false makes several matches an error. */
  public boolean latest() {
    return latest;
  }

  /** Only long-term support runtimes ("LTS" in the name). */
  public boolean longTermSupport() {
    return longTermSupport;
  }

  public boolean ml() {
    return ml;
  }

  public boolean gpu() {
    return gpu;
  }

  public boolean photon() {
    return photon;
  }

  /** ARM (aarch64) runtimes. */
  public boolean graviton() {
    return graviton;
  }

  public boolean genomics() {
    return genomics;
  }

  public boolean beta() {
    return beta;
  }

  /** The Scala version, {@code 2.12} by default. */
  public String scala() {
    return scala;
  }

  /** The Apache Spark version the runtime must include ({@code 3.5.0}); empty for any. */
  public Optional<String> sparkVersion() {
    return Optional.ofNullable(sparkVersion);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SparkVersionQuery{scala=").append(scala);
    if (sparkVersion != null) {
      sb.append(", spark=").append(sparkVersion);
    }
    for (Object[] f : new Object[][] {{"longTermSupport", longTermSupport}, {"ml", ml}, {"gpu", gpu},
        {"photon", photon}, {"graviton", graviton}, {"genomics", genomics}, {"beta", beta}}) {
      if ((Boolean) f[1]) {
        sb.append(", ").append(f[0]);
      }
    }
    return sb.append(latest ? ", latest" : "").append('}').toString();
  }

  /** Builder of {@link SparkVersionQuery}. */
  public static final class Builder {
    private boolean latest = true;
    private boolean longTermSupport;
    private boolean ml;
    private boolean gpu;
    private boolean photon;
    private boolean graviton;
    private boolean genomics;
    private boolean beta;
    private String scala = "2.12";
    private String sparkVersion;

    private Builder() {}

    public Builder latest(boolean v) {
      latest = v;
      return this;
    }

    public Builder longTermSupport(boolean v) {
      longTermSupport = v;
      return this;
    }

    public Builder ml(boolean v) {
      ml = v;
      return this;
    }

    public Builder gpu(boolean v) {
      gpu = v;
      return this;
    }

    public Builder photon(boolean v) {
      photon = v;
      return this;
    }

    public Builder graviton(boolean v) {
      graviton = v;
      return this;
    }

    public Builder genomics(boolean v) {
      genomics = v;
      return this;
    }

    public Builder beta(boolean v) {
      beta = v;
      return this;
    }

    public Builder scala(String v) {
      scala = Objects.requireNonNull(v, "scala");
      return this;
    }

    public Builder sparkVersion(String v) {
      sparkVersion = Objects.requireNonNull(v, "sparkVersion");
      return this;
    }

    public SparkVersionQuery build() {
      return new SparkVersionQuery(this);
    }
  }
}
