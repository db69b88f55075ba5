package io.databricks4j.auth.oauth.internal;

import java.net.URI;
import java.util.Locale;

/** Host rules for callers that have no {@link io.databricks4j.auth.ConfigView} (the web-application API). */
public final class Hosts {
  private Hosts() {}

  /** {@code https://name[:port]}: scheme added when missing, path and trailing slash dropped. */
  public static String normalize(String host) {
    String withScheme = host.contains("://") ? host.strip() : "https://" + host.strip();
    URI uri = URI.create(withScheme);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("not a host name: " + Http.printable(host, 200));
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  /** Whether a normalised host is an accounts console ({@code accounts.} or {@code accounts-dod.}). */
  public static boolean isAccountHost(String normalizedHost) {
    String h = normalizedHost.toLowerCase(Locale.ROOT);
    return h.startsWith("https://accounts.") || h.startsWith("https://accounts-dod.");
  }

  /** Whether {@code host} names this machine (the only place a local token service may live). */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
  }
}
