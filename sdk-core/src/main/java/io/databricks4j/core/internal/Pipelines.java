package io.databricks4j.core.internal;

import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.core.http.HttpPipeline;
import io.databricks4j.error.ConfigException;
import io.databricks4j.http.ProxySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a resolved configuration into the pipelines of one client: the base one, which owns the
 * transport and serves the plug-ins ({@link HttpPipeline#sender()}), and the authenticated one of
 * the client's calls, which shares its transport.
 */
public final class Pipelines {
  private Pipelines() {}

  /** The pipeline that owns the transport: no host, no authentication. */
  public static HttpPipeline base(DatabricksConfig config, String userAgent) {
    return common(config).userAgent(userAgent).build();
  }

  /** The pipeline of the client's calls to {@code host}, on {@code base}'s transport. */
  public static HttpPipeline client(DatabricksConfig config, HttpPipeline base, String host, String userAgent,
      Supplier<Map<String, String>> headers, Supplier<String> errorContext) {
    return common(config)
        .sharing(base)
        .baseUrl(origin(host))
        .hostSource(config.source(ConfigAttribute.HOST).map(Object::toString).orElse(""))
        .headers(headers)
        .userAgent(userAgent)
        .errorContext(errorContext)
        .build();
  }

  private static HttpPipeline.Builder common(DatabricksConfig config) {
    HttpOptions o = config.httpOptions();
    HttpPipeline.Builder b = HttpPipeline.builder()
        .httpTimeout(Duration.ofSeconds(config.httpTimeoutSeconds()))
        .retryTimeout(Duration.ofSeconds(config.retryTimeoutSeconds()))
        .disableRetries(config.disableRetries())
        .rateLimit(config.rateLimit())
        .skipVerify(config.skipVerify())
        .maxConnections(o.maxConnections())
        .debugTruncateBytes(config.debugTruncateBytes())
        .debugHeaders(config.debugHeaders())
        .transport(o.transport().or(config::httpTransport).orElse(null));
    o.connectTimeout().ifPresent(b::connectTimeout);
    o.sslContext().ifPresent(b::sslContext);
    o.nameResolver().ifPresent(b::nameResolver);
    o.retryBackoff().ifPresent(b::backoff);
    proxy(config).ifPresent(b::proxy);
    o.policies().forEach(b::policy);
    o.interceptors().forEach(b::interceptor);
    if (o.connectionTtl().isPresent() || o.idleTimeout().isPresent()) {
      b.transportTuning(o.connectionTtl().orElse(null), o.idleTimeout().orElse(null));
    }
    return b;
  }

  /** {@code https://host:port} of a normalised host (which may carry a path for some proxies of ours). */
  private static String origin(String host) {
    URI u = URI.create(host);
    return u.getScheme() + "://" + u.getRawAuthority();
  }

  /**
   * The proxy, first found: {@link HttpOptions#proxy()}; {@code proxy_host}/{@code proxy_port} (builder,
   * {@code DATABRICKS_PROXY_*}, profile); with {@code use_system_properties_http}, the JVM's {@code
   * https.proxyHost}/{@code http.proxyHost}; {@code HTTPS_PROXY} (or {@code https_proxy}) with
   * {@code NO_PROXY}; else the JVM's proxy properties when set. Loopback and instance-metadata
   * addresses never go through it ({@link ProxySettings#appliesTo}).
   */
  static Optional<ProxySettings> proxy(DatabricksConfig config) {
    HttpOptions o = config.httpOptions();
    if (o.proxy().isPresent()) {
      ProxySettings.Builder p = ProxySettings.builder(o.proxy().get().getHostString(), o.proxy().get().getPort());
      o.proxyUsername().ifPresent(u -> p.credentials(u, o.proxyPassword().orElse("")));
      return Optional.of(p.nonProxyHosts(noProxy(config)).build());
    }
    Optional<String> host = config.get(ConfigAttribute.PROXY_HOST);
    if (host.isPresent()) {
      int port = config.get(ConfigAttribute.PROXY_PORT).map(v -> Integer.parseInt(v.strip())).orElseThrow(() ->
          new ConfigException("proxy_host is set (" + host.get() + ") but proxy_port is not: set proxy_port or "
              + "DATABRICKS_PROXY_PORT"));
      ProxySettings.Builder p = ProxySettings.builder(host.get(), port).authType(authType(config));
      config.get(ConfigAttribute.PROXY_USERNAME).ifPresent(u ->
          p.credentials(u, config.get(ConfigAttribute.PROXY_PASSWORD).orElse("")));
      return Optional.of(p.nonProxyHosts(noProxy(config)).build());
    }
    boolean system = config.flag(ConfigAttribute.USE_SYSTEM_PROPERTIES_HTTP.key());
    if (system) {
      Optional<ProxySettings> jvm = jvmProxy();
      if (jvm.isPresent()) {
        return jvm;
      }
    }
    Map<String, String> env = config.environment();
    String url = first(env, "HTTPS_PROXY", "https_proxy");
    if (url != null) {
      return Optional.of(fromUrl(url, "HTTPS_PROXY", noProxy(config)));
    }
    return system ? Optional.empty() : jvmProxy();
  }

  private static ProxySettings.AuthType authType(DatabricksConfig config) {
    String t = config.get(ConfigAttribute.PROXY_AUTH_TYPE).orElse("").strip().toUpperCase(Locale.ROOT);
    return switch (t) {
      case "", "BASIC" -> config.get(ConfigAttribute.PROXY_USERNAME).isPresent()
          ? ProxySettings.AuthType.BASIC : ProxySettings.AuthType.NONE;
      case "NONE" -> ProxySettings.AuthType.NONE;
      default -> throw new ConfigException("proxy_auth_type \"" + t.toLowerCase(Locale.ROOT) + "\" is not supported: "
          + "use basic (with proxy_username and proxy_password) or none");
    };
  }

  private static ProxySettings fromUrl(String url, String from, List<String> noProxy) {
    try {
      URI u = URI.create(url.contains("://") ? url : "http://" + url);
      int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
      ProxySettings.Builder p = ProxySettings.builder(u.getHost(), port).nonProxyHosts(noProxy);
      if (u.getRawUserInfo() != null) {
        String[] userInfo = u.getUserInfo().split(":", 2);
        p.credentials(userInfo[0], userInfo.length > 1 ? userInfo[1] : "");
      }
      return p.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(from + " is not a proxy URL such as http://proxy.example.com:3128: "
          + e.getMessage().replaceAll("//[^@/]*@", "//***@"));
    }
  }

  private static Optional<ProxySettings> jvmProxy() {
    for (String scheme : new String[] {"https", "http"}) {
      String host = System.getProperty(scheme + ".proxyHost");
      if (host != null && !host.isBlank()) {
        int port = Integer.parseInt(System.getProperty(scheme + ".proxyPort", scheme.equals("https") ? "443" : "80"));
        String nonProxy = System.getProperty("http.nonProxyHosts", "");
        ProxySettings.Builder p = ProxySettings.builder(host, port).nonProxyHosts(Arrays.stream(nonProxy.split("\\|"))
            .map(String::strip).filter(s -> !s.isEmpty()).toList());
        String user = System.getProperty(scheme + ".proxyUser");
        if (user != null) {
          p.credentials(user, System.getProperty(scheme + ".proxyPassword", ""));
        }
        return Optional.of(p.build());
      }
    }
    return Optional.empty();
  }

  private static List<String> noProxy(DatabricksConfig config) {
    String v = first(config.environment(), "NO_PROXY", "no_proxy");
    return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
