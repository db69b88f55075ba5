package io.databricks4j.core.http.internal;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import io.databricks4j.http.ResponseHandler;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link HttpSender} plug-ins get: their requests run through the client's pipeline on a route
 * of their own (no authentication headers, no rate-limit permits, a short budget, connections that
 * give up quickly), and come back whatever their status, their body in memory.
 */
final class PluginSender implements HttpSender {
  private static final ResponseHandler<HttpResponse> BUFFER = r -> {
    byte[] body;
    try (InputStream in = r.body()) {
      body = in.readNBytes(DefaultPipeline.MAX_PLUGIN_BODY);
      if (in.read() >= 0) {
        r.abort();
        throw new io.databricks4j.error.DatabricksException("the answer is larger than "
            + DefaultPipeline.MAX_PLUGIN_BODY + " bytes, more than a token or discovery document can be; check the URL");
      }
    }
    return r.withBody(new java.io.ByteArrayInputStream(body), body.length);
  };

  private final DefaultPipeline pipeline;
  private final Duration connectTimeout;
  private final Duration budget;

  PluginSender(DefaultPipeline pipeline, Duration connectTimeout, Duration budget) {
    this.pipeline = pipeline;
    this.connectTimeout = connectTimeout;
    this.budget = budget;
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    if (request.origin().isEmpty()) {
      throw new IllegalArgumentException("a plug-in request needs an absolute URL, got " + request);
    }
    return new Call<>(pipeline, pipeline.pluginRoute(connectTimeout, budget), request, BUFFER, false).run();
  }

  @Override
  public HttpSender withLimits(Duration connectTimeout, Duration budget) {
    return new PluginSender(pipeline, Objects.requireNonNull(connectTimeout, "connectTimeout"),
        Objects.requireNonNull(budget, "budget"));
  }

  @Override
  public String toString() {
    return "PluginSender{budget=" + budget + (connectTimeout == null ? "" : ", connectTimeout=" + connectTimeout) + "}";
  }
}
