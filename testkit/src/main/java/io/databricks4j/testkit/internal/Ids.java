package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Identifiers in the shapes Databricks uses, unique within one workspace and reproducible from run to run. */
public final class Ids implements Durable {
  private static final DateTimeFormatter CLUSTER_PREFIX = DateTimeFormatter.ofPattern("MMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final AtomicLong counter = new AtomicLong();
  private final Clock clock;

  public Ids(Clock clock) {
    this.clock = clock;
  }

  /** A number from a sequence shared by all kinds of resources, so that ids of different kinds never collide. */
  public long next() {
    return counter.incrementAndGet();
  }

  /** {@code 1125-161203-abcd1234}, the shape of a cluster id. */
  public String clusterId() {
    return CLUSTER_PREFIX.format(clock.instant()) + "-" + scramble(next(), 8);
  }

  /** A 16-character lowercase hex id, the shape of a warehouse or instance pool suffix. */
  public String hex16() {
    return String.format("%016x", mix(next()));
  }

  /** A UUID, stable for the n-th request of a workspace. */
  public String uuid() {
    return UUID.nameUUIDFromBytes(("testkit-" + next()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A random-looking secret of {@code length} lowercase letters and digits. */
  public String secret(int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.append(scramble(next(), Math.min(12, length - s.length())));
    }
    return s.toString();
  }

  private static String scramble(long n, int length) {
    long z = mix(n);
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[(int) Long.remainderUnsigned(z, ALPHABET.length)];
      z = Long.divideUnsigned(z, ALPHABET.length);
      if (z == 0) {
        z = mix(n + i + 1);
      }
    }
    return new String(out);
  }

  @Override
  public String stateName() {
    return "ids";
  }

  /** The sequence, so that ids made after a restart do not repeat restored ones. */
  @Override
  public JsonNode snapshot(BlobShelf shelf) {
    return Json.object("counter", counter.get());
  }

  @Override
  public void restore(JsonNode state, BlobShelf shelf) {
    counter.set(state.path("counter").asLong());
  }

  /** SplitMix64's finaliser: a bijection, so distinct inputs give distinct outputs. */
  public static long mix(long n) {
    long z = n * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
