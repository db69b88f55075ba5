package io.databricks4j.core.internal;

import io.databricks4j.auth.Cloud;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.config.ConfigAttribute;
import io.databricks4j.http.HttpSender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What plug-ins see: a resolved configuration, read-only, and the client's way to the network. */
public final class PluginView implements ConfigView {
  private final DatabricksConfig config;
  private final HttpSender http;

  public PluginView(DatabricksConfig config, HttpSender http) {
    this.config = config.resolve();
    this.http = http;
  }

  @Override
  public Optional<String> attribute(String name) {
    return config.attribute(name);
  }

  /** As {@link ConfigView#require}, naming the attribute's own environment variables (a plug-in may choose them). */
  @Override
  public String require(String name) {
    return attribute(name).orElseThrow(() -> new CredentialsException(name + " is not set: set it as an"
        + " argument, " + ConfigAttribute.byKey(name)
            .map(a -> a.envVars().isEmpty() ? "" : "in " + String.join(" or ", a.envVars()) + " ")
            .orElse("") + "or in the profile"));
  }

  @Override
  public Optional<String> host() {
    return config.host();
  }

  @Override
  public boolean isAccountClient() {
    return config.isAccountClient();
  }

  @Override
  public Cloud cloud() {
    return config.cloud();
  }

  @Override
  public List<String> scopes() {
    return config.scopes();
  }

  @Override
  public Map<String, String> environment() {
    return config.environment();
  }

  @Override
  public Path homeDirectory() {
    return config.homeDirectory();
  }

  @Override
  public int httpTimeoutSeconds() {
    return config.httpTimeoutSeconds();
  }

  @Override
  public HttpSender http() {
    return http;
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
