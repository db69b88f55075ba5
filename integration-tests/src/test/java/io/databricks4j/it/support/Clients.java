package io.databricks4j.it.support;

import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.config.Environment;
import io.databricks4j.core.retry.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Configurations of the tests: isolated from the machine, on one transport, with short time-outs when asked. */
public final class Clients {
  /** The two transports every test runs on. */
  public static final String APACHE = "apache";
  public static final String JDK = "jdk";

  private Clients() {}

  /** A configuration that reads neither {@code DATABRICKS_*} nor {@code ~/.databrickscfg}, on {@code transport}. */
  public static DatabricksConfig.Builder isolated(String transport) {
    return DatabricksConfig.builder()
        .environment(Environment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "databricks4j-it-home")))
        .set("http_transport", transport);
  }

  /** Retries a few milliseconds apart (when the server sends no {@code Retry-After}). */
  public static Backoff fastBackoff() {
    return Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(100), Duration.ofMillis(10), null);
  }

  /** Options with a fast backoff and {@code policies}. */
  public static HttpOptions.Builder fastRetries(io.databricks4j.http.HttpPolicy... policies) {
    HttpOptions.Builder b = HttpOptions.builder().retryBackoff(fastBackoff());
    for (io.databricks4j.http.HttpPolicy p : policies) {
      b.policy(p);
    }
    return b;
  }
}
