package io.databricks4j.core.internal;

import io.databricks4j.auth.HostResolver;
import io.databricks4j.core.DatabricksConfig;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills in a missing host with the first {@link HostResolver} (found once by ServiceLoader) that applies. */
public final class HostResolution {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j.config");

  private static final class Holder {
    static final List<HostResolver> RESOLVERS = ServiceLoader.load(HostResolver.class, HostResolver.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).collect(Collectors.toUnmodifiableList());
  }

  private HostResolution() {}

  /** {@code config} itself when it has a host, else a copy with the host a resolver found. */
  public static DatabricksConfig withHost(DatabricksConfig config, io.databricks4j.http.HttpSender http) {
    if (config.host().isPresent() || config.attribute("azure_workspace_resource_id").isEmpty() && Holder.RESOLVERS.isEmpty()) {
      return config;
    }
    for (HostResolver r : Holder.RESOLVERS) {
      Optional<String> host = r.resolveHost(new PluginView(config, http));
      if (host.isPresent()) {
        LOG.debug("host {} found by {}", host.get(), r.name());
        return config.toBuilder().host(host.get()).build().resolve();
      }
    }
    if (config.attribute("azure_workspace_resource_id").isPresent() && Holder.RESOLVERS.isEmpty()) {
      throw new io.databricks4j.error.ConfigException("azure_workspace_resource_id is set but host is not, and no plug-in can look "
          + "the host up: add the dependency io.databricks4j:auth-azure, or set host");
    }
    return config;
  }
}
