package io.databricks4j.auth.testing;

import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.http.HttpSender;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ConfigView} backed by a map of attributes, for tests of credential strategies that do
 * not want the whole of sdk-core. Host normalisation is the simple one (scheme added, trailing
 * slash dropped); account hosts start with {@code accounts.} or {@code accounts-dod.}.
 */
public final class MapConfigView implements ConfigView {
  private final Map<String, String> attributes;
  private final Map<String, String> env;
  private final Path home;
  private final HttpSender http;

  public MapConfigView(Map<String, String> attributes, Map<String, String> env, Path home) {
    this(attributes, env, home, new PlainSender());
  }

  public MapConfigView(Map<String, String> attributes, Map<String, String> env, Path home, HttpSender http) {
    this.attributes = Map.copyOf(attributes);
    this.env = Map.copyOf(env);
    this.home = home;
    this.http = http;
  }

  /** This view with {@code http} as its way to the network. */
  public MapConfigView withHttp(HttpSender http) {
    return new MapConfigView(attributes, env, home, http);
  }

  public static MapConfigView of(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new MapConfigView(m, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Override
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name)).filter(v -> !v.isEmpty());
  }

  @Override
  public Optional<String> host() {
    return attribute("host").map(h -> {
      String v = h.contains("://") ? h : "https://" + h;
      return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    });
  }

  @Override
  public boolean isAccountClient() {
    return host().map(h -> h.startsWith("https://accounts.") || h.startsWith("https://accounts-dod.")).orElse(false);
  }

  @Override
  public Cloud cloud() {
    String h = host().orElse("").toLowerCase(Locale.ROOT);
    if (h.contains(".azuredatabricks.net") || h.contains(".databricks.azure.")) {
      return Cloud.AZURE;
    }
    return h.contains(".gcp.databricks.com") ? Cloud.GCP : Cloud.AWS;
  }

  @Override
  public List<String> scopes() {
    return attribute("scopes").map(s -> Arrays.asList(s.split("[,\\s]+"))).orElse(List.of("all-apis"));
  }

  @Override
  public Map<String, String> environment() {
    return env;
  }

  @Override
  public Path homeDirectory() {
    return home;
  }

  @Override
  public int httpTimeoutSeconds() {
    return 10;
  }

  @Override
  public HttpSender http() {
    return http;
  }
}
