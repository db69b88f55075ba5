package io.databricks4j.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databricks4j.error.ConfigException;
import io.databricks4j.http.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProxyRouteTest {
  private static final ProxySettings BASIC = ProxySettings.builder("proxy.test", 3128)
      .credentials("user", "pässword").nonProxyHosts(List.of(".internal.test")).build();

  private static UnaryOperator<String> properties(Map<String, String> values) {
    return values::get;
  }

  @Test
  void proxiesOnlyTheHostsTheSettingsApplyTo() {
    ProxyRoute route = ProxyRoute.of(BASIC, properties(Map.of(ProxyRoute.TUNNEL_DISABLED_SCHEMES, "")));
    List<Proxy> proxied = route.select(URI.create("https://x.cloud.databricks.com/api"));
    assertThat(proxied).hasSize(1);
    assertThat(proxied.get(0).type()).isEqualTo(Proxy.Type.HTTP);
    InetSocketAddress address = (InetSocketAddress) proxied.get(0).address();
    assertThat(address.isUnresolved()).as("resolved by the JDK when it connects").isTrue();
    assertThat(address.getHostString() + ":" + address.getPort()).isEqualTo("proxy.test:3128");
    assertThat(route.select(URI.create("http://127.0.0.1:8080/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(route.select(URI.create("http://169.254.169.254/metadata"))).containsExactly(Proxy.NO_PROXY);
    assertThat(route.select(URI.create("https://a.internal.test/"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void basicCredentialsArePreemptiveAndUtf8() {
    ProxyRoute route = ProxyRoute.of(BASIC, properties(Map.of(ProxyRoute.TUNNEL_DISABLED_SCHEMES, "")));
    String value = route.authorization().orElseThrow();
    assertThat(value).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(value.substring(6)), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("user:pässword");
    assertThat(route.toString()).doesNotContain("pässword");
    assertThat(ProxyRoute.of(ProxySettings.builder("proxy.test", 3128).build(), name -> null).authorization()).isEmpty();
  }

  @Test
  void basicCredentialsAreRefusedWhileTheJdkWouldDropThemFromConnect() {
    assertThatThrownBy(() -> ProxyRoute.of(BASIC, properties(Map.of(ProxyRoute.TUNNEL_DISABLED_SCHEMES, "Digest, basic"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=")
        .hasMessageContaining("http_transport=apache")
        .hasMessageNotContaining("pässword");
  }

  @Test
  void withoutTheSystemPropertyTheJdksNetPropertiesDecide(@TempDir Path home) throws IOException {
    Files.createDirectories(home.resolve("conf"));
    UnaryOperator<String> javaHome = properties(Map.of("java.home", home.toString()));
    assertThat(ProxyRoute.basicDisabledForTunnels(javaHome)).as("no net.properties: the JDK's built-in Basic").isTrue();
    Files.writeString(home.resolve("conf/net.properties"), "jdk.http.auth.tunneling.disabledSchemes=Basic\n");
    assertThat(ProxyRoute.basicDisabledForTunnels(javaHome)).isTrue();
    Files.writeString(home.resolve("conf/net.properties"), "jdk.http.auth.tunneling.disabledSchemes=\n");
    assertThat(ProxyRoute.basicDisabledForTunnels(javaHome)).isFalse();
    assertThat(ProxyRoute.basicDisabledForTunnels(properties(Map.of(ProxyRoute.TUNNEL_DISABLED_SCHEMES, "Digest"))))
        .isFalse();
  }
}
