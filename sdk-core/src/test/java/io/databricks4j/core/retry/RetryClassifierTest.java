package io.databricks4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.core.error.ErrorMapper;
import io.databricks4j.error.DatabricksError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryClassifierTest {
  private static DatabricksError error(int status, String message) {
    return ErrorMapper.fromResponse("GET", "/x", status, "", null,
        ("{\"message\":\"" + message + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.EPOCH);
  }

  @Test
  void rateLimitsAndUnavailabilityAreAlwaysRetried() {
    assertThat(RetryClassifier.retryReason(error(429, "slow down"), false)).isPresent();
    assertThat(RetryClassifier.retryReason(error(503, "busy"), false)).isPresent();
  }

  @Test
  void serverErrorsAndIoErrorsAreRetriedOnlyForIdempotentRequests() {
    for (int s : new int[] {500, 502, 504}) {
      assertThat(RetryClassifier.retryReason(error(s, "x"), true)).as("%d idempotent", s).isPresent();
      assertThat(RetryClassifier.retryReason(error(s, "x"), false)).as("%d not idempotent", s).isEmpty();
    }
    assertThat(RetryClassifier.retryReason(new SocketTimeoutException(), true)).isPresent();
    assertThat(RetryClassifier.retryReason(new SocketTimeoutException(), false)).isEmpty();
    assertThat(RetryClassifier.retryReason(new ConnectException(), false)).isPresent();
    assertThat(RetryClassifier.retryReason(new IllegalStateException(), true)).isEmpty();
    assertThat(RetryClassifier.retryReason(new IOException("x"), false)).isEmpty();
  }

  @Test
  void transientMessagesAreRetriedWhateverTheStatus() {
    assertThat(RetryClassifier.retryReason(error(400, "Workspace 1 does not have any associated worker environments"),
        false)).isPresent();
    assertThat(RetryClassifier.retryReason(error(400, "worker env WorkerEnvId(x) not found"), false)).isPresent();
    assertThat(RetryClassifier.retryReason(error(400, "something not found"), true)).isEmpty();
  }

  @Test
  void idempotentMethodsAndTheSqlAllowList() {
    assertThat(RetryClassifier.isIdempotent("get", "/api/2.0/x")).isTrue();
    assertThat(RetryClassifier.isIdempotent("PUT", "/api/2.0/x")).isTrue();
    assertThat(RetryClassifier.isIdempotent("DELETE", "/api/2.0/x")).isTrue();
    assertThat(RetryClassifier.isIdempotent("POST", "/api/2.0/sql/sessions/")).isTrue();
    assertThat(RetryClassifier.isIdempotent("POST", "/api/2.0/sql/statements/sessions/")).isTrue();
    assertThat(RetryClassifier.isIdempotent("POST", "/api/2.0/sql/statements/1")).isFalse();
    assertThat(RetryClassifier.isIdempotent("PATCH", "/api/2.0/x")).isFalse();
  }

  @Test
  void exponentialBackoffIsCappedAndHonoursRetryAfter() {
    Backoff b = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(750),
        RandomGenerator.of("L64X128MixRandom"));
    assertThat(b.delay(1, Duration.ZERO).toMillis()).isBetween(1000L, 1750L);
    assertThat(b.delay(4, Duration.ZERO).toMillis()).isBetween(8000L, 8750L);
    assertThat(b.delay(10, Duration.ZERO).toMillis()).isBetween(60000L, 60750L);
    assertThat(b.delay(100, Duration.ZERO).toMillis()).isBetween(60000L, 60750L);
    assertThat(b.delay(3, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
  }
}
