package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the workspace accepts: its PAT, tokens made through the Tokens API and OAuth access tokens. */
public final class Authenticator implements Durable {
  /** Who a token belongs to and until when; {@code expiresAt} 0 means never. */
  public record Grant(String user, long expiresAtMillis) {
  }

  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String primaryToken;
  private final String primaryUser;

  /** Accepts {@code primaryToken} of {@code primaryUser} for ever; it is the emulator's own, never in a snapshot. */
  public Authenticator(Clock clock, String primaryToken, String primaryUser) {
    this.clock = clock;
    this.primaryToken = primaryToken;
    this.primaryUser = primaryUser;
    accept(primaryToken, primaryUser, 0);
  }

  public void accept(String token, String user, long expiresAtMillis) {
    tokens.put(token, new Grant(user, expiresAtMillis));
  }

  public void revoke(String token) {
    tokens.remove(token);
  }

  /** The user of an {@code Authorization} header, or null when it carries no valid bearer token. */
  public String authenticate(String authorization) {
    if (authorization == null || authorization.length() < 8
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    Grant grant = tokens.get(authorization.substring(7).trim());
    if (grant == null) {
      return null;
    }
    if (grant.expiresAtMillis() > 0 && clock.millis() >= grant.expiresAtMillis()) {
      return null;
    }
    return grant.user();
  }

  @Override
  public String stateName() {
    return "bearer-tokens";
  }

  @Override
  public JsonNode snapshot(BlobShelf shelf) {
    ObjectNode out = Json.object();
    new java.util.TreeMap<>(tokens).forEach((token, grant) -> {
      if (!token.equals(primaryToken)) {
        out.set(token, Json.object("user", grant.user(), "expires_at", grant.expiresAtMillis()));
      }
    });
    return out;
  }

  @Override
  public void restore(JsonNode state, BlobShelf shelf) {
    Map<String, Grant> restored = new java.util.HashMap<>();
    state.fields().forEachRemaining(f -> restored.put(f.getKey(),
        new Grant(f.getValue().path("user").asText(), f.getValue().path("expires_at").asLong())));
    restored.put(primaryToken, new Grant(primaryUser, 0));
    // the primary token stays valid throughout, for requests served meanwhile
    tokens.keySet().retainAll(restored.keySet());
    tokens.putAll(restored);
  }
}
