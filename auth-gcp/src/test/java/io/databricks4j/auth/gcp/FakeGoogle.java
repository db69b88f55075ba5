package io.databricks4j.auth.gcp;

import io.databricks4j.auth.testing.LocalServer;
import io.databricks4j.auth.testing.LocalServer.Reply;
import io.databricks4j.auth.testing.LocalServer.Request;
import io.databricks4j.auth.testing.LocalServices;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.auth.testing.RoutingSender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local stand-ins for Google's OAuth token endpoint (a service account key's {@code token_uri}
 * points at it), the IAM Credentials API and the metadata server, with throwaway RSA keys generated
 * per run, and the sender that routes Google's fixed endpoints to them (any other origin fails: no
 * test reaches the network). The token endpoint checks every JWT assertion against the public key
 * of its service account.
 */
final class FakeGoogle implements LocalServices {
  static final String CANARY = io.databricks4j.auth.testing.CredentialsStrategyContract.CANARY;

  final LocalServer oauth = LocalServer.start();
  final LocalServer iam = LocalServer.start();
  final LocalServer metadata = LocalServer.start();
  final RoutingSender http = new RoutingSender();
  private final KeyPair issuer = rsa();
  private final Map<String, PublicKey> accounts = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  volatile long lifetimeSeconds = 3600;
  /** Appended to every access token issued (a log canary test puts its secret there). */
  volatile String tokenSuffix = "";

  FakeGoogle() {
    reset();
  }

  @Override
  public void reset() {
    oauth.reset();
    iam.reset();
    metadata.reset();
    lifetimeSeconds = 3600;
    tokenSuffix = "";
    oauth.route("POST", "/token", this::token);
    http.clear();
    http.route("https://iamcredentials.googleapis.com", iam.url());
  }

  /** Serves the metadata server's default service account token at its two addresses. */
  void serveMetadata() {
    metadata.route("GET", "/computeMetadata/v1/instance/service-accounts/default/token", r ->
        "Google".equals(r.headers.get("Metadata-Flavor"))
            ? new Reply(200, Map.of("Content-Type", "application/json", "Metadata-Flavor", "Google"),
                "{\"access_token\":\"ya29.sa-" + issued.incrementAndGet() + "-cloud-platform" + tokenSuffix
                    + "\",\"expires_in\":" + lifetimeSeconds + ",\"token_type\":\"Bearer\"}")
            : Reply.json(403, "{}"));
    http.route("http://metadata.google.internal", metadata.url()).route("http://169.254.169.254", metadata.url());
  }

  /** Every request the local servers answered. */
  int served() {
    return oauth.requests().size() + iam.requests().size() + metadata.requests().size();
  }

  /** A configuration whose requests go to these servers. */
  MapConfigView config(Map<String, String> env, Path home, String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new MapConfigView(m, env, home, http);
  }

  /** As {@link #config(Map, Path, String...)} with no environment and the temporary directory as home. */
  MapConfigView config(String... keyValues) {
    return config(Map.of(), Path.of(System.getProperty("java.io.tmpdir")), keyValues);
  }

  /** A service account key JSON for {@code email} whose token_uri is our server; secrets carry the canary. */
  String serviceAccount(String email) {
    return serviceAccount(email, CANARY);
  }

  /** As {@link #serviceAccount(String)}, with {@code secret} in the private key and its id. */
  String serviceAccount(String email, String secret) {
    KeyPair key = rsa();
    accounts.put(email, key.getPublic());
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    // PEM readers skip text before BEGIN: the canary sits inside the secret itself
    String privateKey = secret + "\n" + pem;
    return "{\n  \"type\": \"service_account\",\n  \"project_id\": \"proj\",\n"
        + "  \"private_key_id\": \"kid-" + secret + "\",\n"
        + "  \"private_key\": \"" + privateKey.replace("\n", "\\n") + "\",\n"
        + "  \"client_email\": \"" + email + "\",\n  \"client_id\": \"1234567890\",\n"
        + "  \"token_uri\": \"" + oauth.url() + "/token\",\n  \"universe_domain\": \"googleapis.com\"\n}\n";
  }

  /** The base64 body of a key in {@code json}: what must never show up anywhere. */
  static String keyMaterial(String json) {
    Matcher m = Pattern.compile("-----BEGIN PRIVATE KEY-----\\\\n(.{64})").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no key in " + json.length() + " chars");
    }
    return m.group(1);
  }

  private Reply token(Request r) {
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(r.param("grant_type"))) {
      return Reply.json(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    String[] jwt = r.param("assertion").split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    String email = field(claims, "iss");
    PublicKey key = accounts.get(email);
    if (key == null || !verifies(key, jwt)) {
      return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
    }
    String audience = field(claims, "target_audience");
    if (audience != null) {
      return Reply.json(200, "{\"id_token\":\"" + idToken(audience, email) + "\"}");
    }
    return Reply.json(200, "{\"access_token\":\"ya29.sa-" + issued.incrementAndGet() + "-" + field(claims, "scope")
        .replace("https://www.googleapis.com/auth/", "").replace(' ', '+') + tokenSuffix + "\",\"expires_in\":" + lifetimeSeconds
        + ",\"token_type\":\"Bearer\"}");
  }

  /** An ID token as Google signs them (with our issuer key); {@code n} makes each one distinct. */
  String idToken(String audience, String email) {
    long now = Instant.now().getEpochSecond();
    String header = b64("{\"alg\":\"RS256\",\"kid\":\"issuer\",\"typ\":\"JWT\"}");
    String payload = b64("{\"iss\":\"https://accounts.google.com\",\"aud\":\"" + audience + "\",\"azp\":\"" + email
        + "\",\"email\":\"" + email + "\",\"sub\":\"1234567890\",\"iat\":" + now + ",\"exp\":" + (now + lifetimeSeconds)
        + ",\"n\":" + issued.incrementAndGet() + "}");
    return header + "." + payload + "." + sign(issuer.getPrivate(), header + "." + payload);
  }

  /** The claims of a JWT, as JSON text. */
  static String claims(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]++|\\\\.)*+)\"|true|false)").matcher(json);
    return m.find() ? (m.group(2) != null ? m.group(2).replace("\\/", "/") : m.group(1)) : null;
  }

  private static boolean verifies(PublicKey key, String[] jwt) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getUrlDecoder().decode(jwt[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String sign(PrivateKey key, String content) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
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
    oauth.close();
    iam.close();
    metadata.close();
  }
}
