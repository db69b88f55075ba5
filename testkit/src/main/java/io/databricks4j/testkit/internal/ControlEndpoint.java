package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.service.OAuth;
import java.io.IOException;

/**
 * {@code /testkit/...}: what a test or a script can change in a running emulator without the Java
 * API: the fault plan, OAuth clients and trusted ID tokens, and a health check. Never faulted and
 * never authenticated, so that it stays reachable whatever the plan says.
 */
final class ControlEndpoint {
  private final FaultEngine faults;
  private final OAuth oauth;
  private final String host;

  ControlEndpoint(FaultEngine faults, OAuth oauth, String host) {
    this.faults = faults;
    this.oauth = oauth;
    this.host = host;
  }

  Reply handle(HttpExchange exchange, String path, String method) throws IOException {
    ObjectNode body = Json.object();
    if (method.equals("POST") || method.equals("PUT")) {
      try {
        var parsed = Json.parse(exchange.getRequestBody());
        if (parsed != null && parsed.isObject()) {
          body = (ObjectNode) parsed;
        }
      } catch (IOException e) {
        throw ApiException.malformed("Invalid JSON: " + e.getMessage());
      }
    }
    switch (path) {
      case "/testkit/health" -> {
        return Reply.json(Json.object("status", "OK", "host", host));
      }
      case "/testkit/faults" -> {
        switch (method) {
          case "GET" -> {
            return Reply.json(faults.describe());
          }
          case "POST", "PUT" -> {
            faults.configure(body);
            return Reply.json(faults.describe());
          }
          case "DELETE" -> {
            faults.clear();
            return Reply.json(faults.describe());
          }
          default -> {
            return Reply.json(405, Json.object("error_code", "BAD_REQUEST", "message", "Use GET, POST or DELETE"));
          }
        }
      }
      case "/testkit/oauth/clients" -> {
        String id = Json.string(body, "client_id");
        String secret = Json.string(body, "client_secret");
        if (id == null || secret == null) {
          throw ApiException.missing(id == null ? "client_id" : "client_secret");
        }
        oauth.registerClient(id, secret);
        return Reply.empty();
      }
      case "/testkit/oauth/id-tokens" -> {
        String token = Json.string(body, "id_token");
        if (token == null) {
          throw ApiException.missing("id_token");
        }
        oauth.registerIdToken(token);
        return Reply.empty();
      }
      default -> {
        return Reply.json(404, EmulatorServer.endpointNotFound(method, path));
      }
    }
  }
}
