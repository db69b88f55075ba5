package io.databricks4j.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A plain java.net.http client of an emulator process: what a Python or Go suite would send. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String host;
  private final String token;

  Http(String host, String token) {
    this.host = host;
    this.token = token;
  }

  record Response(int status, byte[] body) {
    JsonNode json() {
      try {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + new String(body), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + new String(body);
    }
  }

  Response send(String method, String path, String jsonBody) {
    return send(method, path, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(jsonBody), "application/json");
  }

  Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host + path)).timeout(Duration.ofSeconds(30))
        .method(method, body).header("Content-Type", contentType);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  JsonNode ok(String method, String path, String jsonBody) {
    Response r = send(method, path, jsonBody);
    if (r.status() != 200 && r.status() != 201) {
      throw new AssertionError(method + " " + path + " answered " + r);
    }
    return r.json();
  }

  JsonNode get(String path) {
    return ok("GET", path, null);
  }

  JsonNode post(String path, String jsonBody) {
    return ok("POST", path, jsonBody);
  }

  /** Polls {@code path} until {@code done}, at most {@code max}. */
  JsonNode await(String path, Predicate<JsonNode> done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    JsonNode last = get(path);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " did not reach the expected state within " + max + "; last: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = get(path);
    }
    return last;
  }
}
