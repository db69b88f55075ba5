package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Reply;
import io.databricks4j.testkit.internal.http.Routes;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personal access tokens (Tokens) and the admin view of them (TokenManagement). A token made here
 * authenticates requests until it expires or is deleted.
 */
public final class Tokens implements Emulation, Durable {
  private final Context ctx;
  private final Map<String, Token> tokens = new LinkedHashMap<>();

  private static final class Token {
    final String id;
    final String value;
    final ObjectNode info;

    Token(String id, String value, ObjectNode info) {
      this.id = id;
      this.value = value;
      this.info = info;
    }
  }

  public Tokens(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void register(Routes r) {
    r.on("POST", "/api/2.0/token/create", this::create)
        .on("GET", "/api/2.0/token/list", c -> list(c, false))
        .on("POST", "/api/2.0/token/delete", c -> delete(c.required("token_id")))
        .on("PATCH", "/api/2.0/token/{token_id}", c -> update(c, false))
        .on("PATCH", "/api/2.0/token-management/tokens/{token_id}", c -> update(c, true))
        .on("GET", "/api/2.0/token-management/tokens", c -> list(c, true))
        .on("GET", "/api/2.0/token-management/tokens/{token_id}", this::get)
        .on("DELETE", "/api/2.0/token-management/tokens/{token_id}", c -> delete(c.required("token_id")))
        .on("POST", "/api/2.0/token-management/on-behalf-of/tokens", this::createObo);
  }

  private Reply create(Call call) {
    Token t = issue(call.user(), call.param("comment"), call.longParam("lifetime_seconds", 0));
    return Reply.json(Json.object("token_value", t.value, "token_info", publicInfo(t)));
  }

  private Reply createObo(Call call) {
    String application = call.required("application_id");
    Token t = issue(application, call.param("comment"), call.longParam("lifetime_seconds", 0));
    return Reply.json(Json.object("token_value", t.value, "token_info", t.info.deepCopy()));
  }

  private Token issue(String owner, String comment, long lifetimeSeconds) {
    if (lifetimeSeconds < 0) {
      throw ApiException.invalid("lifetime_seconds must not be negative");
    }
    long now = ctx.now();
    long expiry = lifetimeSeconds == 0 ? -1 : now + lifetimeSeconds * 1000;
    synchronized (this) {
      String id = ctx.ids().hex16() + ctx.ids().hex16();
      String value = "dapi" + ctx.ids().hex16() + ctx.ids().hex16();
      ObjectNode info = Json.object("token_id", id, "creation_time", now, "expiry_time", expiry,
          "created_by_username", owner, "owner_id", Math.abs(owner.hashCode()), "created_by_id", Math.abs(owner.hashCode()));
      Json.put(info, "comment", comment);
      Token t = new Token(id, value, info);
      tokens.put(id, t);
      ctx.authenticator().accept(value, owner, expiry < 0 ? 0 : expiry);
      return t;
    }
  }

  private Reply list(Call call, boolean admin) {
    String createdBy = call.param("created_by_username");
    ArrayNode items = Json.array();
    synchronized (this) {
      for (Token t : tokens.values()) {
        if (!admin && !t.info.get("created_by_username").asText().equals(call.user())) {
          continue;
        }
        if (createdBy != null && !createdBy.equals(t.info.get("created_by_username").asText())) {
          continue;
        }
        items.add(admin ? t.info.deepCopy() : publicInfo(t));
      }
    }
    return Reply.json(Json.object("token_infos", items));
  }

  private Reply get(Call call) {
    synchronized (this) {
      return Reply.json(Json.object("token_info", find(call.required("token_id")).info.deepCopy()));
    }
  }

  private Reply update(Call call, boolean admin) {
    String id = call.required("token_id");
    JsonNode token = call.node("token");
    String mask = call.param("update_mask");
    synchronized (this) {
      Token t = find(id);
      if (token != null && token.has("comment") && (mask == null || mask.contains("comment"))) {
        t.info.put("comment", token.get("comment").asText());
      }
      return Reply.json(admin ? t.info.deepCopy() : publicInfo(t));
    }
  }

  private Reply delete(String id) {
    synchronized (this) {
      Token t = find(id);
      tokens.remove(id);
      ctx.authenticator().revoke(t.value);
    }
    return Reply.empty();
  }

  private Token find(String id) {
    Token t = tokens.get(id);
    if (t == null) {
      throw ApiException.notFound("Token with ID " + id + " does not exist.");
    }
    return t;
  }

  private static ObjectNode publicInfo(Token t) {
    ObjectNode info = Json.object("token_id", t.id, "creation_time", t.info.get("creation_time").asLong(),
        "expiry_time", t.info.get("expiry_time").asLong());
    Json.put(info, "comment", Json.string(t.info, "comment"));
    return info;
  }

  @Override
  public String stateName() {
    return "tokens";
  }

  /** The tokens with their values; the authenticator keeps which values it accepts. */
  @Override
  public synchronized JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    tokens.forEach((id, t) -> out.set(id, Json.object("value", t.value, "info", t.info.deepCopy())));
    return out;
  }

  @Override
  public synchronized void restore(JsonNode state, BlobShelf shelf) {
    tokens.clear();
    state.fields().forEachRemaining(f -> tokens.put(f.getKey(), new Token(f.getKey(),
        f.getValue().path("value").asText(), Json.copyOf(f.getValue().get("info")))));
  }
}
