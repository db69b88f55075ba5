package io.databricks4j.transport.jdk.internal;

import io.databricks4j.http.HttpRequest;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Builds the java.net.http request for one of ours. */
final class JdkRequests {
  /**
   * Headers the JDK writes itself (it refuses the first five, and would send the others twice or
   * wrongly). {@code Content-Type} joins them when there is a body: the body's own type wins.
   */
  private static final Set<String> TRANSPORT_HEADERS = caseInsensitive("Connection", "Content-Length", "Expect", "Host",
      "Upgrade", "Transfer-Encoding", "Keep-Alive", "TE", "Trailer", "Proxy-Connection", "Proxy-Authorization");

  private JdkRequests() {}

  /**
   * @param upload the body, or null for none
   * @param headerTimeout whether the JDK's own time-out bounds the wait for the response headers
   *     (requests without a body to watch); it starts before the connection is made
   * @param proxyAuthorization the {@code Proxy-Authorization} value when the request goes through a proxy that needs one
   */
  static java.net.http.HttpRequest toJdk(HttpRequest request, URI uri, Upload upload, boolean headerTimeout,
      Duration readTimeout, Optional<String> proxyAuthorization) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
        .method(request.method(), upload == null ? BodyPublishers.noBody() : upload.publisher());
    if (headerTimeout) {
      b.timeout(readTimeout);
    }
    request.headers().forEach((name, value) -> {
      if (TRANSPORT_HEADERS.contains(name) || upload != null && name.equalsIgnoreCase("Content-Type")) {
        if (name.equalsIgnoreCase("Expect") && value.equalsIgnoreCase("100-continue")) {
          b.expectContinue(true);
        }
        return;
      }
      set(b, name, value);
    });
    if (upload != null) {
      request.body().ifPresent(body -> set(b, "Content-Type", body.contentType()));
    }
    proxyAuthorization.ifPresent(v -> b.setHeader("Proxy-Authorization", v));
    return b.build();
  }

  /** The JDK puts an invalid value in its exception message; ours names the header only. */
  private static void set(java.net.http.HttpRequest.Builder b, String name, String value) {
    try {
      b.setHeader(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("header " + name + " has a name or value HTTP does not allow "
          + "(the value is not shown: it may be a secret)");
    }
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Set.of(names));
    return set;
  }
}
