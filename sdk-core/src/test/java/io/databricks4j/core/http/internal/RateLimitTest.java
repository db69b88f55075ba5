package io.databricks4j.core.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void noOneSecondWindowStartsMoreAttemptsThanTheLimit() {
    AtomicLong now = new AtomicLong(5_000_000_000L);
    RateLimit limit = new RateLimit(20, now::get);
    List<Long> starts = new ArrayList<>();
    // 60 callers arrive at random moments over two seconds; each starts when its permit says
    java.util.Random r = new java.util.Random(7);
    long t = now.get();
    for (int i = 0; i < 60; i++) {
      t += r.nextInt(30_000_000);
      now.set(t);
      Duration wait = limit.reserve();
      starts.add(t + wait.toNanos());
    }
    for (long from : starts) {
      long inWindow = starts.stream().filter(s -> s >= from && s < from + 1_000_000_000L).count();
      assertThat(inWindow).as("attempts starting in [%d, +1 s)", from).isLessThanOrEqualTo(20);
    }
  }

  @Test
  void theFirstPermitIsImmediateAndTheNextOnesAreSpaced() {
    AtomicLong now = new AtomicLong(0);
    RateLimit limit = new RateLimit(4, now::get);
    assertThat(limit.reserve()).isZero();
    assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(250));
    assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(500));
    now.set(2_000_000_000L);
    assertThat(limit.reserve()).isZero();
  }
}
