package io.databricks4j.mixin.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwitchPolicyTest {
  private static final long MS = 1_000_000;

  @Test
  void goesParallelWhenTheRestWouldTakeLongerThanTheThresholdAtTheRateSoFar() {
    SwitchPolicy p = new SwitchPolicy(100, Duration.ofSeconds(1));
    // 100 bytes in 100 ms: the remaining 100,000 would take 100 s
    assertThat(p.observe(100, 100 * MS, 100_000)).isTrue();
  }

  @Test
  void waitsForTheWarmUpBytes() {
    SwitchPolicy p = new SwitchPolicy(100, Duration.ofSeconds(1));
    assertThat(p.observe(60, 100 * MS, 100_000)).isFalse();
    assertThat(p.observe(60, 100 * MS, 100_000)).isTrue();
  }

  @Test
  void waitsForATenthOfTheThresholdSpentReading() {
    SwitchPolicy p = new SwitchPolicy(100, Duration.ofSeconds(1));
    // a stall of 50 ms right at the start: slow, but not watched long enough to tell
    assertThat(p.observe(100, 50 * MS, 100_000)).isFalse();
    assertThat(p.observe(100, 49 * MS, 100_000)).isFalse();
    assertThat(p.observe(100, MS, 100_000)).isTrue();
  }

  @Test
  void aPauseOfAFastStreamDoesNotMakeItSlow() {
    SwitchPolicy p = new SwitchPolicy(1_000, Duration.ofSeconds(3));
    // 10 MB/s for 300 ms, then a pause of 100 ms; the remaining 20 MB still take 2.7 s at 7.5 MB/s
    assertThat(p.observe(3_000_000, 300 * MS, 20_000_000)).isFalse();
    assertThat(p.observe(1, 100 * MS, 20_000_000)).isFalse();
  }

  @Test
  void staysOneStreamWhileTheRestWouldTakeLessThanTheThreshold() {
    SwitchPolicy p = new SwitchPolicy(100, Duration.ofSeconds(3));
    // 100 bytes in 10 ms: 20,000 more take 2 s
    for (int i = 0; i < 100; i++) {
      assertThat(p.observe(100, 10 * MS, 20_000)).isFalse();
    }
  }

  @Test
  void aZeroThresholdGoesParallelAfterTheWarmUpWhateverTheRate() {
    SwitchPolicy p = new SwitchPolicy(100, Duration.ZERO);
    assertThat(p.observe(99, 0, 1)).isFalse();
    assertThat(p.observe(1, 0, 1)).isTrue();
    SwitchPolicy atTheEnd = new SwitchPolicy(100, Duration.ZERO);
    assertThat(atTheEnd.observe(100, MS, 0)).isFalse();
  }
}
