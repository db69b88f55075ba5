package io.databricks4j.core.http.internal;

import io.databricks4j.error.ConfigException;
import io.databricks4j.http.HttpTransportProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports on the class path or module path, found once with {@link ServiceLoader} (through
 * the SPI's own class loader). The one {@code http_transport} names wins; otherwise the lowest
 * priority, ties by name. A named transport that is missing is an error naming its artifact.
 */
public final class Transports {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j.http");
  private static final Map<String, String> ARTIFACTS = Map.of(
      "apache", "io.databricks4j:sdk-core",
      "jdk", "io.databricks4j:transport-jdk");

  private static final class Holder {
    static final List<HttpTransportProvider> ALL = ServiceLoader
        .load(HttpTransportProvider.class, HttpTransportProvider.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(HttpTransportProvider::priority).thenComparing(HttpTransportProvider::name))
        .collect(Collectors.toUnmodifiableList());
  }

  private Transports() {}

  /** Every transport found, in the order they are preferred. */
  public static List<HttpTransportProvider> available() {
    return Holder.ALL;
  }

  /**
   * The transport to use.
   *
   * @param name the {@code http_transport} setting, null or empty for the preferred one
   * @throws ConfigException when the named one is missing, or none is on the class path
   */
  public static HttpTransportProvider select(String name) {
    List<HttpTransportProvider> all = available();
    String names = all.stream().map(HttpTransportProvider::name).collect(Collectors.joining(", "));
    if (name != null && !name.isBlank()) {
      Optional<HttpTransportProvider> named = all.stream().filter(p -> p.name().equals(name.strip())).findFirst();
      if (named.isEmpty()) {
        String artifact = ARTIFACTS.get(name.strip());
        throw new ConfigException("http_transport \"" + name + "\" not found: "
            + (artifact == null ? "no plug-in provides it" : "add the dependency " + artifact
                + " (version from io.databricks4j:databricks4j-bom)")
            + "; available: " + (names.isEmpty() ? "none" : names));
      }
      LOG.debug("HTTP transport: {} (named by http_transport; available: {})", name, names);
      return named.get();
    }
    if (all.isEmpty()) {
      throw new ConfigException("no HTTP transport found: add io.databricks4j:sdk-core, which brings the Apache "
          + "HttpClient transport, to the class path");
    }
    LOG.debug("HTTP transport: {} (available: {})", all.get(0).name(), names);
    return all.get(0);
  }
}
