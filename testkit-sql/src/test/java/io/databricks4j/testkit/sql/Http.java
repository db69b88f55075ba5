package io.databricks4j.testkit.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.testkit.LocalWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP to a local workspace, for what the SDK hides: status codes and the exact JSON. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final LocalWorkspace ws;

  Http(LocalWorkspace ws) {
    this.ws = ws;
  }

  record Response(int status, JsonNode json) {
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(ws.host() + path)).GET());
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(ws.host() + path)).DELETE());
  }

  private Response send(String method, String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(ws.host() + path))
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = CLIENT.send(request.header("Authorization", "Bearer " + ws.token())
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
