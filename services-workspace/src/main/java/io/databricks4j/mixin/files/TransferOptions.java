package io.databricks4j.mixin.files;

import java.util.Objects;

/**
 * How an upload or a download runs: progress reporting, the part size and parallelism of ranged
 * downloads, and how many times an interrupted transfer is attempted. Immutable;
 * {@link #defaults()}, {@link #builder()}, {@link #toBuilder()}.
 *
 * <p>A download of a file larger than {@link #partSize()} from a server that answers Range
 * requests fetches up to {@link #parallelism()} parts at once. Read as an InputStream, the
 * parts in flight and the part being read are held in memory, about {@code partSize * parallelism}
 * (16 MiB by default); written to a Path, parts go straight to their place in the file and nothing
 * is held.
 */
public final class TransferOptions {
  /** 4 MiB. */
  public static final long DEFAULT_PART_SIZE = 4L * 1024 * 1024;
  /** 4 parts at once. */
  public static final int DEFAULT_PARALLELISM = 4;
  /** 5 attempts. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private static final TransferOptions DEFAULTS = builder().build();

  private final ProgressListener progress;
  private final long partSize;
  private final int parallelism;
  private final int maxAttempts;

  private TransferOptions(Builder b) {
    this.progress = b.progress;
    this.partSize = b.partSize;
    this.parallelism = b.parallelism;
    this.maxAttempts = b.maxAttempts;
  }

  /** No progress reporting, 4 MiB parts, 4 at once, 5 attempts. */
  public static TransferOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().progress(progress).partSize(partSize).parallelism(parallelism).maxAttempts(maxAttempts);
  }

  public ProgressListener progress() {
    return progress;
  }

  /** The size of each ranged request of a download. */
  public long partSize() {
    return partSize;
  }

  /** Ranged requests in flight at once; 1 downloads as one stream. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Attempts of a replayable upload (a Path or bytes) before it fails, and reconnections in a row
   * without receiving a byte before a download fails.
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public String toString() {
    return "TransferOptions{partSize=" + partSize + ", parallelism=" + parallelism + ", maxAttempts=" + maxAttempts
        + (progress == ProgressListener.NONE ? "" : ", progress") + "}";
  }

  /** Builder of {@link TransferOptions}. */
  public static final class Builder {
    private ProgressListener progress = ProgressListener.NONE;
    private long partSize = DEFAULT_PART_SIZE;
    private int parallelism = DEFAULT_PARALLELISM;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

    private Builder() {}

    public Builder progress(ProgressListener v) {
      progress = Objects.requireNonNull(v, "progress");
      return this;
    }

    /** At least 1 KiB. */
    public Builder partSize(long v) {
      if (v < 1024) {
        throw new IllegalArgumentException("partSize must be at least 1024 bytes, got " + v);
      }
      partSize = v;
      return this;
    }

    /** Between 1 and 64. */
    public Builder parallelism(int v) {
      if (v < 1 || v > 64) {
        throw new IllegalArgumentException("parallelism must be between 1 and 64, got " + v);
      }
      parallelism = v;
      return this;
    }

    /** At least 1. */
    public Builder maxAttempts(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + v);
      }
      maxAttempts = v;
      return this;
    }

    public TransferOptions build() {
      return new TransferOptions(this);
    }
  }
}
