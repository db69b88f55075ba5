package io.databricks4j.it.support;

import io.databricks4j.it.support.HttpsStub.Answer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's OAuth token endpoint for one service account, on an {@link HttpsStub}: the JWT-bearer
 * grant, with the assertion's signature checked against the account's key. An assertion with a
 * {@code target_audience} gets an ID token, one without an access token.
 */
public final class FakeGoogleOAuth implements AutoCloseable {
  public static final String EMAIL = "it-sa@it-project.iam.gserviceaccount.com";

  private final HttpsStub server = HttpsStub.start();
  private final KeyPair account = rsa();
  private final KeyPair issuer = rsa();
  private final java.util.List<String> audiences = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile String idToken = "";

  /** @param accessToken the access token to issue */
  public FakeGoogleOAuth(String accessToken) {
    server.route("POST", "/token", r -> {
      if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(r.param("grant_type"))) {
        return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
      }
      String[] jwt = String.valueOf(r.param("assertion")).split("\\.");
      if (jwt.length != 3 || !verifies(jwt)) {
        return Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
      }
      String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
      Matcher audience = Pattern.compile("\"target_audience\"\\s*:\\s*\"([^\"]*)\"").matcher(claims);
      if (audience.find()) {
        audiences.add(audience.group(1).replace("\\/", "/"));
        return Answer.json(200, "{\"id_token\":\"" + idToken + "\"}");
      }
      return Answer.json(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    });
  }

  public int port() {
    return server.port();
  }

  public HttpsStub server() {
    return server;
  }

  /**
   * The service account key JSON, its {@code token_uri} on Google's real host; {@code keyId} is
   * the {@code private_key_id}. With {@code forged}, a key the endpoint does not know.
   */
  public String serviceAccountJson(String keyId, boolean forged) {
    KeyPair key = forged ? rsa() : account;
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    return "{\"type\":\"service_account\",\"project_id\":\"it-project\",\"private_key_id\":\"" + keyId + "\","
        + "\"private_key\":\"" + pem.replace("\n", "\\n") + "\",\"client_email\":\"" + EMAIL + "\","
        + "\"client_id\":\"101010101010\",\"token_uri\":\"https://" + TestCertificate.GOOGLE_TOKEN_HOST + "/token\","
        + "\"universe_domain\":\"googleapis.com\"}";
  }

  /** Slices of the base64 body of the private key in {@code json}: what must never be printed. */
  public static java.util.List<String> keyMaterial(String json) {
    Matcher m = Pattern.compile("-----BEGIN PRIVATE KEY-----\\\\n(.*?)-----END").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no private key in the JSON");
    }
    String[] lines = m.group(1).split("\\\\n");
    return java.util.List.of(lines[0], lines[lines.length / 2], lines[lines.length - 2]);
  }

  /** The audiences ID tokens were asked for. */
  public java.util.List<String> audiences() {
    return java.util.List.copyOf(audiences);
  }

  /**
   * Makes the ID token this endpoint issues from now on, signed as Google would, and returns it;
   * {@code marker} goes in a claim. Its audience is fixed: the token is made before the workspace
   * that accepts it knows its port.
   */
  public String mintIdToken(String marker) {
    idToken = idToken("databricks4j-it-workspace", marker);
    return idToken;
  }

  private String idToken(String audience, String marker) {
    long now = Instant.now().getEpochSecond();
    String header = b64("{\"alg\":\"RS256\",\"kid\":\"it-issuer\",\"typ\":\"JWT\"}");
    String payload = b64("{\"iss\":\"https://accounts.google.com\",\"aud\":\"" + audience + "\",\"azp\":\"" + EMAIL
        + "\",\"email\":\"" + EMAIL + "\",\"sub\":\"101010101010\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
        + ",\"it\":\"" + marker + "\"}");
    return header + "." + payload + "." + sign(header + "." + payload);
  }

  private boolean verifies(String[] jwt) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(account.getPublic());
      s.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getUrlDecoder().decode(jwt[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private String sign(String content) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(issuer.getPrivate());
      s.update(content.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
