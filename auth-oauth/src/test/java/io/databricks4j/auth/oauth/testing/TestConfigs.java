package io.databricks4j.auth.oauth.testing;

import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.testing.MapConfigView;
import io.databricks4j.http.HttpSender;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configurations for tests: attributes, environment and home of one's own, and local accounts hosts. */
public final class TestConfigs {
  private TestConfigs() {}

  /** A configuration of {@code keyValues} with environment {@code env} and home {@code home}. */
  public static ConfigView of(Map<String, String> env, Path home, String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new MapConfigView(m, env, home);
  }

  /** {@code view} taken for an accounts host although its host is a local server. */
  public static ConfigView asAccountHost(ConfigView view) {
    return new ConfigView() {
      @Override
      public Optional<String> attribute(String name) {
        return view.attribute(name);
      }

      @Override
      public Optional<String> host() {
        return view.host();
      }

      @Override
      public boolean isAccountClient() {
        return true;
      }

      @Override
      public Cloud cloud() {
        return view.cloud();
      }

      @Override
      public List<String> scopes() {
        return view.scopes();
      }

      @Override
      public Map<String, String> environment() {
        return view.environment();
      }

      @Override
      public Path homeDirectory() {
        return view.homeDirectory();
      }

      @Override
      public int httpTimeoutSeconds() {
        return view.httpTimeoutSeconds();
      }

      @Override
      public HttpSender http() {
        return view.http();
      }
    };
  }
}
