package io.databricks4j.core.internal;

import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.core.useragent.UserAgent;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.time.Duration;

/**
 * The sender for code that has no client yet, such as the OAuth web-application flow: registered
 * as an {@link HttpSender} service, it sends through one shared pipeline configured from the
 * environment ({@code DATABRICKS_HTTP_TIMEOUT_SECONDS}, {@code HTTPS_PROXY}, ...), built on first use.
 */
public final class StandaloneSender implements HttpSender {
  private static final class Shared {
    static final HttpSender SENDER = build();

    private static HttpSender build() {
      DatabricksConfig config = DatabricksConfig.builder().build().resolveEnvironmentOnly();
      HttpPipeline pipeline = Pipelines.base(config, UserAgent.forClient(config.environment(), "", config.userAgentExtras()));
      return pipeline.sender();
    }
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    return Shared.SENDER.send(request);
  }

  @Override
  public HttpSender withLimits(Duration connectTimeout, Duration budget) {
    return Shared.SENDER.withLimits(connectTimeout, budget);
  }
}
