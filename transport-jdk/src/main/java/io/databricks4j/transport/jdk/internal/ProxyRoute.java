package io.databricks4j.transport.jdk.internal;

import io.databricks4j.error.ConfigException;
import io.databricks4j.http.ProxySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The proxy of one transport: a {@link ProxySelector} that sends a request through the proxy only
 * when {@link ProxySettings#appliesTo} accepts its host, and the preemptive
 * {@code Proxy-Authorization: Basic} header for those requests.
 *
 * <p>An {@code Authenticator} is not used: on a client that has one, java.net.http drops the
 * caller's own {@code Authorization} header, which carries the Databricks credentials. The header
 * reaches the proxy in the request itself for {@code http://} URLs and in the {@code CONNECT} for
 * {@code https://} ones, where java.net.http removes it from the tunnelled request. But for a
 * {@code CONNECT} the JDK drops a {@code Basic} header unless the JVM-wide net property
 * {@value #TUNNEL_DISABLED_SCHEMES} leaves {@code Basic} out (its shipped value is {@code Basic});
 * the JDK reads it once, when java.net.http is first used. This transport does not change it, and
 * refuses Basic proxy credentials when it is in force rather than sending requests that the proxy
 * will answer with 407.
 */
final class ProxyRoute extends ProxySelector {
  static final String TUNNEL_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  private final ProxySettings settings;
  private final List<Proxy> viaProxy;
  private final String authorization;

  private ProxyRoute(ProxySettings settings) {
    this.settings = settings;
    this.viaProxy = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host(), settings.port())));
    this.authorization = settings.authType() == ProxySettings.AuthType.BASIC ? basic(settings) : null;
  }

  /**
   * The route for {@code settings}.
   *
   * @param systemProperty reads a system property ({@code System::getProperty} outside tests)
   * @throws ConfigException for Basic credentials that the JDK would not send to the proxy
   */
  static ProxyRoute of(ProxySettings settings, UnaryOperator<String> systemProperty) {
    if (settings.authType() == ProxySettings.AuthType.BASIC && basicDisabledForTunnels(systemProperty)) {
      throw new ConfigException("the jdk HTTP transport cannot send Basic proxy credentials for https:// requests: "
          + "java.net.http drops them from CONNECT while the JVM-wide property " + TUNNEL_DISABLED_SCHEMES
          + " lists Basic, as it does by default. Start the JVM with -D" + TUNNEL_DISABLED_SCHEMES
          + "= (empty) to allow it, or use the default transport (http_transport=apache).");
    }
    return new ProxyRoute(settings);
  }

  /** Whether {@code host} goes through the proxy. */
  boolean proxies(String host) {
    return host != null && settings.appliesTo(host);
  }

  /** The {@code Proxy-Authorization} value for requests through the proxy, if it needs one. */
  Optional<String> authorization() {
    return Optional.ofNullable(authorization);
  }

  /** {@code host:port} of the proxy, for messages. */
  String address() {
    return settings.host() + ":" + settings.port();
  }

  String host() {
    return settings.host();
  }

  @Override
  public List<Proxy> select(URI uri) {
    return proxies(uri.getHost()) ? viaProxy : List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // one proxy, no alternative to fall back to: the failure reaches the caller
  }

  private static String basic(ProxySettings s) {
    String pair = s.username().orElse("") + ":" + s.password().orElse("");
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the JDK will drop {@code Basic} from a {@code CONNECT}: the system property if set,
   * otherwise the value in the JDK's {@code conf/net.properties}, otherwise its built-in
   * {@code Basic}.
   */
  static boolean basicDisabledForTunnels(UnaryOperator<String> systemProperty) {
    String value = systemProperty.apply(TUNNEL_DISABLED_SCHEMES);
    if (value == null) {
      value = netProperty(systemProperty.apply("java.home")).orElse("Basic");
    }
    for (String scheme : value.split(",")) {
      if (scheme.strip().toLowerCase(Locale.ROOT).equals("basic")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> netProperty(String javaHome) {
    if (javaHome == null) {
      return Optional.empty();
    }
    Path file = Path.of(javaHome, "conf", "net.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.ofNullable(properties.getProperty(TUNNEL_DISABLED_SCHEMES));
  }

  @Override
  public String toString() {
    return "ProxyRoute{" + settings + "}";
  }
}
