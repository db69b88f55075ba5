package io.databricks4j.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.LocalWorkspace;
import io.databricks4j.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A plain java.net.http client of a local workspace, for end-to-end tests over real HTTP. */
public final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String host;
  private final String token;

  public Api(LocalWorkspace ws) {
    this(ws.host(), ws.token());
  }

  public Api(String host, String token) {
    this.host = host;
    this.token = token;
  }

  /** The answer to one request. */
  public record Response(int status, HttpHeaders headers, byte[] body) {
    public JsonNode json() {
      return body.length == 0 ? Json.object() : Json.parse(text());
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String errorCode() {
      return json().path("error_code").asText();
    }

    public String message() {
      return json().path("message").asText();
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  /**
   * Creates the managed volume {@code catalog.schema.volume} and the catalog and schema it needs
   * (the Files API serves paths in existing volumes only); what exists already is kept.
   */
  public void volume(String fullName) {
    String[] p = fullName.split("\\.");
    post("/api/2.1/unity-catalog/catalogs", Json.object("name", p[0]));
    post("/api/2.1/unity-catalog/schemas", Json.object("name", p[1], "catalog_name", p[0]));
    Response v = post("/api/2.1/unity-catalog/volumes", Json.object("name", p[2], "catalog_name", p[0],
        "schema_name", p[1], "volume_type", "MANAGED"));
    assertThat(v.status()).as("creating volume %s: %s", fullName, v).isIn(200, 409);
  }

  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, Map.of());
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Sends {@code body} as JSON: a String as is, bytes raw, anything else through Jackson. */
  public Response send(String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (body instanceof byte[] bytes) {
      publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
    } else if (body instanceof HttpRequest.BodyPublisher p) {
      publisher = p;
    } else {
      publisher = HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.text((JsonNode) body));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host + path)).timeout(Duration.ofSeconds(30))
        .method(method, publisher);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A 200 answer's JSON; fails the test on anything else. */
  public JsonNode ok(Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json();
  }

  public JsonNode getOk(String pathAndQuery) {
    return ok(get(pathAndQuery));
  }

  public JsonNode postOk(String path, Object body) {
    return ok(post(path, body));
  }

  /** {@code path?k1=v1&k2=v2}, URL-encoded. */
  public static String query(String path, Object... keysAndValues) {
    StringJoiner q = new StringJoiner("&", path + "?", "");
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      q.add(URLEncoder.encode(String.valueOf(keysAndValues[i]), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(String.valueOf(keysAndValues[i + 1]), StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** Polls {@code probe} until {@code done}, at most {@code max}; bounded, never asserts on timing. */
  public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + max + "; last: " + last);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
