package io.databricks4j.core.internal;

import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.http.HttpPipeline;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a resolved configuration into the HTTP pipeline of one client. */
public final class Pipelines {
  private Pipelines() {}

  public static HttpPipeline build(DatabricksConfig config, String host, String userAgent,
      Supplier<Map<String, String>> headers) {
    HttpOptions o = config.httpOptions();
    HttpPipeline.Builder b = HttpPipeline.builder()
        .baseUrl(host)
        .headers(headers)
        .userAgent(userAgent)
        .httpTimeout(Duration.ofSeconds(config.httpTimeoutSeconds()))
        .retryTimeout(Duration.ofSeconds(config.retryTimeoutSeconds()))
        .disableRetries(config.disableRetries())
        .rateLimit(config.rateLimit())
        .skipVerify(config.skipVerify())
        .maxConnections(o.maxConnections())
        .debugTruncateBytes(config.debugTruncateBytes())
        .debugHeaders(config.debugHeaders())
        .errorContext(() -> config.debugString(true));
    o.connectTimeout().ifPresent(b::connectTimeout);
    o.sslContext().ifPresent(b::sslContext);
    o.proxy().ifPresent(p -> b.proxy(p.getHostString(), p.getPort()));
    if (o.proxyUsername().isPresent()) {
      b.proxyCredentials(o.proxyUsername().get(), o.proxyPassword().orElse(""));
    }
    o.interceptors().forEach(b::interceptor);
    return b.build();
  }
}
