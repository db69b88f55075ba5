package io.databricks4j.mixin.files;

import java.time.Duration;
import java.util.Objects;

/**
 * How an upload or a download runs: progress reporting, when and how a download fetches ranges in
 * parallel, and how many times an interrupted upload is attempted. Immutable;
 * {@link #defaults()}, {@link #builder()}, {@link #toBuilder()}.
 *
 * <p>A download starts as one streaming request for the whole file, which on a fast link is as
 * fast as a download can be. When the server answers Range requests and that stream turns out slow
 * for the size of the file — at the rate it has arrived so far, counting only the time spent
 * waiting for it, the rest would take longer than {@link #parallelThreshold()}, judged once a
 * {@link #partSize()} has arrived and a tenth of the threshold has gone by — ranged requests of
 * {@link #partSize()} bytes join it, up to {@link #parallelism()} connections in all, and the first
 * stream is dropped where the ranges begin (its connection closed, the rest of it never read). Written to a Path, the ranges are taken
 * from the end of the file backwards and go straight to their place in it, so nothing is held in
 * memory. Read as an InputStream, they are taken just ahead of the reader, and what has arrived
 * but not been read is held in memory: at most {@code partSize * parallelism} (16 MiB by default).
 * {@code parallelism(1)} always downloads as one stream (one plain GET).
 */
public final class TransferOptions {
  /** 4 MiB. */
  public static final long DEFAULT_PART_SIZE = 4L * 1024 * 1024;
  /** 4 connections at once. */
  public static final int DEFAULT_PARALLELISM = 4;
  /** 3 seconds. */
  public static final Duration DEFAULT_PARALLEL_THRESHOLD = Duration.ofSeconds(3);
  /** 5 attempts. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private static final TransferOptions DEFAULTS = builder().build();

  private final ProgressListener progress;
  private final long partSize;
  private final int parallelism;
  private final Duration parallelThreshold;
  private final int maxAttempts;

  private TransferOptions(Builder b) {
    this.progress = b.progress;
    this.partSize = b.partSize;
    this.parallelism = b.parallelism;
    this.parallelThreshold = b.parallelThreshold;
    this.maxAttempts = b.maxAttempts;
  }

  /** No progress reporting, 4 MiB parts, up to 4 connections once one would take over 3 s, 5 attempts. */
  public static TransferOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().progress(progress).partSize(partSize).parallelism(parallelism)
        .parallelThreshold(parallelThreshold).maxAttempts(maxAttempts);
  }

  public ProgressListener progress() {
    return progress;
  }

  /**
   * The size of each ranged request of a download, and how much of its first stream arrives
   * before its rate is judged.
   */
  public long partSize() {
    return partSize;
  }

  /** The most connections a download uses at once; 1 downloads as one stream. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * How long the rest of a download may take as one stream, at the rate it arrives, before ranged
   * requests join it. {@link Duration#ZERO} adds them as soon as one part's worth has arrived.
   */
  public Duration parallelThreshold() {
    return parallelThreshold;
  }

  /**
   * Attempts of an upload from a Path or bytes, each from its start, before it fails; the waits
   * between them and {@code retry_timeout_seconds} are the client's, as for any call. An upload
   * from an InputStream is attempted once. Downloads do not use it: a dropped connection is resumed
   * from the next byte by the client's pipeline, up to 5 times in a row without receiving a byte.
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public String toString() {
    return "TransferOptions{partSize=" + partSize + ", parallelism=" + parallelism + ", parallelThreshold="
        + parallelThreshold + ", maxAttempts=" + maxAttempts + (progress == ProgressListener.NONE ? "" : ", progress")
        + "}";
  }

  /** Builder of {@link TransferOptions}. */
  public static final class Builder {
    private ProgressListener progress = ProgressListener.NONE;
    private long partSize = DEFAULT_PART_SIZE;
    private int parallelism = DEFAULT_PARALLELISM;
    private Duration parallelThreshold = DEFAULT_PARALLEL_THRESHOLD;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

    private Builder() {}

    public Builder progress(ProgressListener v) {
      progress = Objects.requireNonNull(v, "progress");
      return this;
    }

    /** Between 1 KiB and 1 GiB. */
    public Builder partSize(long v) {
      if (v < 1024 || v > 1L << 30) {
        throw new IllegalArgumentException("partSize must be between 1024 bytes and 1 GiB, got " + v);
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

    /** Zero or more. */
    public Builder parallelThreshold(Duration v) {
      Objects.requireNonNull(v, "parallelThreshold");
      if (v.isNegative()) {
        throw new IllegalArgumentException("parallelThreshold must not be negative, got " + v);
      }
      parallelThreshold = v;
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
