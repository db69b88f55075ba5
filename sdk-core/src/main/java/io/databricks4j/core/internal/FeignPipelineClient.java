package io.databricks4j.core.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.core.http.HttpRequest;
import io.databricks4j.core.http.HttpResponse;
import io.databricks4j.core.http.RequestBody;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Feign's transport, bound to our pipeline: Feign builds the request (path, query, JSON body) and
 * decodes the answer; the pipeline authenticates, retries, logs and maps errors. A
 * {@link io.databricks4j.error.DatabricksError} thrown by the pipeline passes through Feign
 * unchanged (Feign only wraps {@link java.io.IOException}).
 */
public final class FeignPipelineClient implements Client {
  private final Supplier<HttpPipeline> pipeline;

  public FeignPipelineClient(Supplier<HttpPipeline> pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    String raw = pathAndQuery(request.url());
    HttpRequest.Builder b = HttpRequest.builder(request.httpMethod().name(), "/").pathAndQuery(raw);
    String contentType = null;
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (!h.getValue().isEmpty()) {
        String v = String.join(",", h.getValue());
        b.header(h.getKey(), v);
        if (h.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = v;
        }
      }
    }
    if (!request.headers().containsKey("Accept")) {
      b.header("Accept", "application/json");
    }
    byte[] body = request.body();
    if (body != null) {
      b.body(RequestBody.of(body, contentType == null ? RequestBody.JSON : contentType));
    }
    HttpResponse r = pipeline.get().execute(b.build());
    Response.Builder out = Response.builder()
        .status(r.status())
        .reason(r.reason())
        .request(request)
        .headers(castHeaders(r.headers()));
    long length = r.contentLength();
    out.body(r.body(), length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null);
    return out.build();
  }

  /** The encoded path and query of an absolute URL Feign built; parsing it again as a URI is wasted work per call. */
  static String pathAndQuery(String url) {
    int scheme = url.indexOf("://");
    int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (slash < 0) {
      int query = url.indexOf('?', scheme < 0 ? 0 : scheme + 3);
      return query < 0 ? "/" : "/" + url.substring(query);
    }
    return url.substring(slash);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Collection<String>> castHeaders(Map<String, List<String>> headers) {
    return (Map) headers;
  }

  @Override
  public String toString() {
    return "FeignPipelineClient";
  }

}
