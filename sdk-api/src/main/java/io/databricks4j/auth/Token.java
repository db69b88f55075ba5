package io.databricks4j.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token with its type and expiry. Its {@code toString} never prints the token or the
 * refresh token.
 */
public final class Token {
  private final String accessToken;
  private final String tokenType;
  private final Instant expiry;
  private final String refreshToken;

  private Token(String accessToken, String tokenType, Instant expiry, String refreshToken) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.tokenType = tokenType == null || tokenType.isEmpty() ? "Bearer" : tokenType;
    this.expiry = expiry;
    this.refreshToken = refreshToken;
  }

  /** A bearer token that expires at {@code expiry}; {@code null} expiry means it never expires. */
  public static Token of(String accessToken, Instant expiry) {
    return new Token(accessToken, "Bearer", expiry, null);
  }

  /** A token with every attribute; {@code tokenType}, {@code expiry} and {@code refreshToken} may be null. */
  public static Token of(String accessToken, String tokenType, Instant expiry, String refreshToken) {
    return new Token(accessToken, tokenType, expiry, refreshToken);
  }

  public String accessToken() {
    return accessToken;
  }

  public String tokenType() {
    return tokenType;
  }

  /** When the token stops working; empty when it does not expire. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiry);
  }

  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** Whether the token is still good at {@code now} plus {@code margin} seconds. */
  public boolean isValidAt(Instant now, long marginSeconds) {
    return expiry == null || now.plusSeconds(marginSeconds).isBefore(expiry);
  }

  /** The value of an {@code Authorization} header: {@code "<type> <token>"}. */
  public String authorizationHeader() {
    return tokenType + " " + accessToken;
  }

  @Override
  public String toString() {
    return "Token{type=" + tokenType + ", expiry=" + expiry + ", accessToken=***"
        + (refreshToken == null ? "" : ", refreshToken=***") + "}";
  }
}
