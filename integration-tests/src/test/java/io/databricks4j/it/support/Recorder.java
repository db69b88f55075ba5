package io.databricks4j.it.support;

import io.databricks4j.http.HttpPolicy;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-attempt policy that counts attempts and keeps what each one sent: the URL, and the values
 * of the headers that carry credentials, which the secret canary test adds to the secrets it looks
 * for (tokens a server issued, whose value the test cannot know beforehand).
 */
public final class Recorder implements HttpPolicy {
  /** One attempt as it left the pipeline. */
  public record Sent(String method, String url, int attempt, Map<String, String> credentials) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final boolean keep;

  private Recorder(boolean keep) {
    this.keep = keep;
  }

  /** Counts attempts and keeps each. */
  public static Recorder keeping() {
    return new Recorder(true);
  }

  /** Only counts (for thousands of calls). */
  public static Recorder counting() {
    return new Recorder(false);
  }

  @Override
  public HttpResponse process(HttpRequest request, Chain chain) throws IOException {
    attempts.incrementAndGet();
    if (chain.attempt() > 1) {
      retries.incrementAndGet();
    }
    if (keep) {
      Map<String, String> credentials = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach((k, v) -> {
        if (k.equalsIgnoreCase("Authorization") || k.toLowerCase(java.util.Locale.ROOT).startsWith("x-databricks-")
            && k.toLowerCase(java.util.Locale.ROOT).contains("token")) {
          credentials.put(k, v);
        }
      });
      sent.add(new Sent(request.method(), request.url(""), chain.attempt(), credentials));
    }
    return chain.proceed(request);
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public long attempts() {
    return attempts.get();
  }

  /** Attempts after the first of their call. */
  public long retries() {
    return retries.get();
  }

  /** The credential values sent (an {@code Authorization} value without its scheme as well). */
  public List<String> credentialValues() {
    List<String> out = new java.util.ArrayList<>();
    for (Sent s : sent) {
      for (String v : s.credentials().values()) {
        out.add(v);
        int space = v.indexOf(' ');
        if (space > 0) {
          out.add(v.substring(space + 1));
        }
      }
    }
    return out.stream().distinct().toList();
  }
}
