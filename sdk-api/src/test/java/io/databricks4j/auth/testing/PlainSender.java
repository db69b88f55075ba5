package io.databricks4j.auth.testing;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link HttpSender} for plug-in tests that do not want sdk-core: one attempt per request over
 * {@link HttpURLConnection}, no retries. Counts what it sent, so a test can assert that a strategy
 * made no request at all.
 */
public final class PlainSender implements HttpSender {
  private final AtomicInteger sent = new AtomicInteger();

  /** Requests sent so far. */
  public int sent() {
    return sent.get();
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    sent.incrementAndGet();
    String url = request.url("");
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      c.setInstanceFollowRedirects(false); // a plug-in reads redirects itself (tenant discovery)
      c.setConnectTimeout(10_000);
      c.setReadTimeout(10_000);
      c.setRequestMethod(request.method());
      request.headers().forEach(c::setRequestProperty);
      if (request.body().isPresent()) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", request.body().get().contentType());
        try (InputStream in = request.body().get().openStream(); OutputStream out = c.getOutputStream()) {
          in.transferTo(out);
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      byte[] body = in == null ? new byte[0] : in.readAllBytes();
      HttpResponse.Builder b = HttpResponse.builder().status(status).body(body);
      for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
        if (h.getKey() != null) {
          h.getValue().forEach(v -> b.header(h.getKey(), v));
        }
      }
      return b.build();
    } catch (IOException e) {
      throw new DatabricksException(request + " failed: " + e, e);
    }
  }

  @Override
  public HttpSender withLimits(Duration connectTimeout, Duration budget) {
    return this;
  }
}
