package io.databricks4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.config.Environment;
import io.databricks4j.error.DatabricksException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ApiClient#retrying}: the client's backoff and {@code disable_retries} apply to whole operations too. */
class ApiClientRetryingTest {
  private static ApiClient client(boolean disableRetries) {
    return ApiClient.create(DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of("/nonexistent")))
        .host("http://127.0.0.1:9").token("t").authType("pat").disableRetries(disableRetries)
        .httpOptions(HttpOptions.builder().retryBackoff((n, retryAfter) -> Duration.ofMillis(5)).build())
        .build());
  }

  /** Fails like an upload whose connection was reset, {@code failures} times, then succeeds. */
  private static String flaky(AtomicInteger attempts, int failures) {
    if (attempts.incrementAndGet() <= failures) {
      throw new DatabricksException("the connection was lost", new SocketException("Connection reset"));
    }
    return "done";
  }

  @Test
  void anOperationIsRetriedWithTheBackoffOfTheClient() {
    AtomicInteger attempts = new AtomicInteger();
    long t0 = System.nanoTime();
    try (ApiClient api = client(false)) {
      assertThat(api.retrying("upload of x", 5, () -> flaky(attempts, 3))).isEqualTo("done");
    }
    assertThat(attempts).hasValue(4);
    // the default backoff would have waited at least 1 + 2 + 4 s
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void withRetriesDisabledAnOperationRunsOnce() {
    AtomicInteger attempts = new AtomicInteger();
    try (ApiClient api = client(true)) {
      assertThatThrownBy(() -> api.retrying("upload of x", 5, () -> flaky(attempts, 1)))
          .isInstanceOf(DatabricksException.class).hasMessage("the connection was lost");
    }
    assertThat(attempts).hasValue(1);
  }
}
