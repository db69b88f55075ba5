package io.databricks4j.testkit.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the workspace accepts: its PAT, tokens made through the Tokens API and OAuth access tokens. */
public final class Authenticator {
  /** Who a token belongs to and until when; {@code expiresAt} 0 means never. */
  public record Grant(String user, long expiresAtMillis) {
  }

  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  public Authenticator(Clock clock) {
    this.clock = clock;
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
}
