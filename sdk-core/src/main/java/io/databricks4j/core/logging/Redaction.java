package io.databricks4j.core.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which headers, JSON fields and query parameters hold secrets. */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String REDACTED = "**REDACTED**";

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Pattern DATABRICKS_TOKEN_HEADER = Pattern.compile("(?i)x-databricks-.*-token");
  private static final Set<String> SECRET_FIELDS = Set.of(
      "token_value", "string_value", "bytes_value", "password", "client_secret", "access_token",
      "refresh_token", "id_token", "token", "secret", "private_key", "pat", "credentials", "client_assertion",
      "assertion", "subject_token", "accesstoken", "client_assertion_jwt");

  private Redaction() {}

  /** Whether header {@code name} is always redacted: {@code Authorization}, {@code X-Databricks-*-Token}, cookies. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || DATABRICKS_TOKEN_HEADER.matcher(name).matches();
  }

  /**
   * Whether the JSON field or query parameter {@code name} holds a secret. {@code value} counts
   * inside secrets payloads only ({@code secretsPayload}), where it is the secret itself.
   */
  public static boolean isSecretField(String name, boolean secretsPayload) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_FIELDS.contains(n) || (secretsPayload && n.equals("value"));
  }

  /** Whether {@code path} is of an API whose payloads carry secret values (secrets, credentials). */
  public static boolean isSecretsPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.contains("/secrets") || p.contains("credential");
  }
}
