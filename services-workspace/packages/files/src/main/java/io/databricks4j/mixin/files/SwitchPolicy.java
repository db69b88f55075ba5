package io.databricks4j.mixin.files;

import java.time.Duration;

/**
 * When a download read as one stream should be joined by ranged requests: when, at the rate the
 * stream has arrived so far, the rest of the file would take longer than a threshold. The rate
 * counts only the time spent waiting for the connection (a reader that is slow itself gains
 * nothing from more connections), and it is judged only once a warm-up amount of bytes has
 * arrived and a tenth of the threshold has been spent waiting for them, so that a cold start or a
 * pause of a busy machine does not decide it. One instance per download, on one thread.
 */
final class SwitchPolicy {
  private final long warmUpBytes;
  private final long thresholdNanos;
  private final long minNanos;
  private long bytes;
  private long nanos;

  SwitchPolicy(long warmUpBytes, Duration threshold) {
    this.warmUpBytes = warmUpBytes;
    this.thresholdNanos = threshold.toNanos();
    this.minNanos = thresholdNanos / 10;
  }

  /** Warms up over one part. */
  static SwitchPolicy of(TransferOptions options) {
    return new SwitchPolicy(options.partSize(), options.parallelThreshold());
  }

  /**
   * Adds one read of the stream.
   *
   * @param n the bytes it returned
   * @param readNanos how long it took
   * @param remaining bytes of the file after it
   * @return whether to go parallel now
   */
  boolean observe(long n, long readNanos, long remaining) {
    bytes += n;
    nanos += readNanos;
    if (bytes < warmUpBytes || nanos < minNanos || remaining <= 0) {
      return false;
    }
    // remaining / (bytes / nanos), in double: a slow link and a large file overflow a long
    return (double) remaining * nanos / bytes >= thresholdNanos;
  }
}
