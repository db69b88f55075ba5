package io.databricks4j.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to send requests that leave through a proxy, and which hosts bypass it. Loopback addresses
 * and the cloud instance-metadata endpoints always bypass it, whatever the settings say: a token
 * request to them must reach this machine's own metadata service. Immutable; {@link #builder(String, int)}.
 */
public final class ProxySettings {
  /** How the client authenticates to the proxy. */
  public enum AuthType {
    /** No proxy authentication. */
    NONE,
    /** {@code Proxy-Authorization: Basic}, with {@link #username()} and the password. */
    BASIC
  }

  private static final List<String> NEVER_PROXIED = List.of("localhost", "127.0.0.1", "::1", "[::1]",
      "169.254.169.254", "fd00:ec2::254", "[fd00:ec2::254]", "metadata.google.internal", "metadata");

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final AuthType authType;
  private final List<String> nonProxyHosts;

  private ProxySettings(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.username = b.username;
    this.password = b.password;
    this.authType = b.authType != null ? b.authType : b.username != null ? AuthType.BASIC : AuthType.NONE;
    this.nonProxyHosts = List.copyOf(b.nonProxyHosts);
  }

  /** A proxy at {@code host}:{@code port}. */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The proxy password; never printed. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public AuthType authType() {
    return authType;
  }

  /**
   * Hosts that bypass the proxy, as in {@code NO_PROXY}: {@code example.com} matches it and its
   * subdomains, {@code .example.com} and {@code *.example.com} only subdomains, {@code *} everything.
   */
  public List<String> nonProxyHosts() {
    return nonProxyHosts;
  }

  /** Whether a request to {@code host} goes through this proxy. */
  public boolean appliesTo(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (NEVER_PROXIED.contains(h) || h.startsWith("127.") || h.startsWith("169.254.")) {
      return false;
    }
    for (String pattern : nonProxyHosts) {
      String p = pattern.strip().toLowerCase(Locale.ROOT);
      if (p.equals("*")) {
        return false;
      }
      if (p.startsWith("*.")) {
        p = p.substring(1);
      }
      if (p.startsWith(".") ? h.endsWith(p) : h.equals(p) || h.endsWith("." + p)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ProxySettings{" + host + ":" + port + ", auth=" + authType + (username == null ? "" : ", username=" + username)
        + (password == null ? "" : ", password=***") + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHosts) + "}";
  }

  /** Builder of {@link ProxySettings}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private String username;
    private String password;
    private AuthType authType;
    private List<String> nonProxyHosts = List.of();

    private Builder(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("proxy port must be 1-65535, got " + port);
      }
      this.port = port;
    }

    /** Credentials for the proxy; {@link AuthType#BASIC} unless {@link #authType} says otherwise. */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder authType(AuthType v) {
      authType = v;
      return this;
    }

    public Builder nonProxyHosts(List<String> v) {
      nonProxyHosts = List.copyOf(v);
      return this;
    }

    public ProxySettings build() {
      return new ProxySettings(this);
    }
  }
}
