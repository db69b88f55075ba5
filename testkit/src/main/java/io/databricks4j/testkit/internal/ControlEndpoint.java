package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.service.OAuth;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code /testkit/...}: what a test or a script can do to a running emulator without the Java API:
 * the fault plan, OAuth clients and trusted ID tokens, the request journal, a reset and a health
 * check. Never faulted, never journaled and never authenticated, so that it stays reachable
 * whatever the plan says.
 */
final class ControlEndpoint {
  private final FaultEngine faults;
  private final OAuth oauth;
  private final Journal journal;
  private final Runnable reset;
  private final Supplier<ObjectNode> health;

  ControlEndpoint(FaultEngine faults, OAuth oauth, Journal journal, Runnable reset, Supplier<ObjectNode> health) {
    this.faults = faults;
    this.oauth = oauth;
    this.journal = journal;
    this.reset = reset;
    this.health = health;
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
        return Reply.json(health.get());
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
            return notAllowed("GET, POST or DELETE");
          }
        }
      }
      case "/testkit/journal" -> {
        switch (method) {
          case "GET" -> {
            return Reply.json(journal.toJson());
          }
          case "DELETE" -> {
            journal.clear();
            return Reply.json(journal.toJson());
          }
          default -> {
            return notAllowed("GET or DELETE");
          }
        }
      }
      case "/testkit/reset" -> {
        if (!method.equals("POST")) {
          return notAllowed("POST");
        }
        reset.run();
        return Reply.empty();
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

  private static Reply notAllowed(String allowed) {
    return Reply.json(405, Json.object("error_code", "BAD_REQUEST", "message", "Use " + allowed));
  }
}
