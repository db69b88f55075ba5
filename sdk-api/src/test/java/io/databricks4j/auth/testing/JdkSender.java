package io.databricks4j.auth.testing;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link HttpSender} for plug-in tests over {@code java.net.http}: one attempt per request, no
 * redirects followed, and {@link #withLimits} honoured (the connect time-out, and the budget as the
 * time to the response headers). Unlike {@link PlainSender}, whose {@code HttpURLConnection} logs
 * request headers at FINE, it never logs headers or bodies: at FINE the JDK's client writes only
 * connection events and URLs (logger {@code jdk.internal.httpclient.debug}), so a log canary test can
 * read every logger of the JVM at ALL with this sender below the plug-in.
 */
public final class JdkSender implements HttpSender {
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");
  private final HttpClient client;
  private final Duration budget;
  private final AtomicInteger sent;

  public JdkSender() {
    this(Duration.ofSeconds(10), Duration.ofSeconds(30), new AtomicInteger());
  }

  private JdkSender(Duration connectTimeout, Duration budget, AtomicInteger sent) {
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
    this.budget = budget;
    this.sent = sent;
  }

  /** Requests sent so far, by this sender and every sender {@link #withLimits} made from it. */
  public int sent() {
    return sent.get();
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    sent.incrementAndGet();
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url("")))
        .timeout(budget);
    request.headers().forEach((k, v) -> {
      if (!RESTRICTED.contains(k.toLowerCase(java.util.Locale.ROOT))) {
        b.header(k, v);
      }
    });
    if (request.body().isPresent()) {
      b.header("Content-Type", request.body().get().contentType());
      try (InputStream in = request.body().get().openStream()) {
        b.method(request.method(), BodyPublishers.ofByteArray(in.readAllBytes()));
      } catch (IOException e) {
        throw new DatabricksException(request + ": cannot read the request body: " + e, e);
      }
    } else {
      b.method(request.method(), BodyPublishers.noBody());
    }
    try {
      java.net.http.HttpResponse<byte[]> r = client.send(b.build(), BodyHandlers.ofByteArray());
      HttpResponse.Builder out = HttpResponse.builder().status(r.statusCode()).body(r.body());
      for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
        if (!h.getKey().startsWith(":")) {
          h.getValue().forEach(v -> out.header(h.getKey(), v));
        }
      }
      return out.build();
    } catch (IOException e) {
      throw new DatabricksException(request + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksException(request + " was interrupted", e);
    }
  }

  @Override
  public HttpSender withLimits(Duration connectTimeout, Duration budget) {
    return new JdkSender(connectTimeout, budget, sent);
  }
}
