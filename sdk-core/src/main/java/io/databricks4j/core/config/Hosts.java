package io.databricks4j.core.config;

import io.databricks4j.auth.Cloud;
import io.databricks4j.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Host normalisation and classification (account host, cloud). */
public final class Hosts {
  private Hosts() {}

  /**
   * {@code https://name[:port]}: the scheme added when missing, path, query, trailing slash and
   * default port dropped. Empty when {@code raw} is blank or has no host name.
   *
   * @throws ConfigException when {@code raw} is not a URL at all
   */
  public static Optional<String> normalize(String raw) {
    URI uri = parse(raw);
    if (uri == null || uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return Optional.of(scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port));
  }

  /** The query parameters of the host URL ({@code ?o=123}), in order. */
  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    URI uri = parse(raw);
    if (uri == null || uri.getRawQuery() == null) {
      return out;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static URI parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    if (!v.contains("://")) {
      v = "https://" + v;
    }
    try {
      URI uri = new URI(v);
      if (uri.getHost() == null && uri.getRawAuthority() != null && !uri.getRawAuthority().startsWith(":")) {
        throw new URISyntaxException(v, "not a valid host name");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException("host \"" + raw + "\" is not a valid URL (" + e.getReason()
          + "). Set host to the workspace URL, for example https://my-workspace.cloud.databricks.com", e);
    }
  }

  /** Whether {@code host} is an accounts console host ({@code accounts.} or {@code accounts-dod.}). */
  public static boolean isAccountHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("https://accounts.") || h.startsWith("https://accounts-dod.")
        || h.startsWith("http://accounts.") || h.startsWith("http://accounts-dod.");
  }

  /**
   * The cloud: an Azure resource id means Azure; else the {@code cloud} attribute; else the DNS
   * suffix of the host; AWS when nothing tells.
   */
  public static Cloud cloud(String host, String cloudAttribute, boolean hasAzureResourceId) {
    if (hasAzureResourceId) {
      return Cloud.AZURE;
    }
    if (cloudAttribute != null && !cloudAttribute.isBlank()) {
      try {
        return Cloud.valueOf(cloudAttribute.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("cloud must be AWS, AZURE or GCP, got \"" + cloudAttribute + "\"");
      }
    }
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    // workspaces, and the account consoles of Azure Government and China (accounts.azuredatabricks.us, .cn)
    if (h.endsWith(".azuredatabricks.net") || h.endsWith(".databricks.azure.cn") || h.endsWith(".databricks.azure.us")
        || h.endsWith(".azuredatabricks.us") || h.endsWith(".azuredatabricks.cn")) {
      return Cloud.AZURE;
    }
    if (h.endsWith(".gcp.databricks.com")) {
      return Cloud.GCP;
    }
    return Cloud.AWS;
  }
}
