package io.databricks4j.core.auth;

import io.databricks4j.auth.CredentialsStrategy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential strategies on the class path or module path, found once with
 * {@link ServiceLoader} (through the SPI's own class loader) and cached, ordered by priority and
 * then by name.
 */
public final class StrategyRegistry {
  private static final Logger LOG = LoggerFactory.getLogger("io.databricks4j.auth");

  /** Which artifact provides each official auth type, so a missing plug-in can be named. */
  private static final Map<String, String> ARTIFACTS = Map.ofEntries(
      Map.entry("pat", "io.databricks4j:auth-pat"),
      Map.entry("basic", "io.databricks4j:auth-pat"),
      Map.entry("oauth-m2m", "io.databricks4j:auth-oauth"),
      Map.entry("external-browser", "io.databricks4j:auth-oauth"),
      Map.entry("databricks-cli", "io.databricks4j:auth-oauth"),
      Map.entry("metadata-service", "io.databricks4j:auth-oauth"),
      Map.entry("github-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("env-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("file-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("azure-client-secret", "io.databricks4j:auth-azure"),
      Map.entry("azure-cli", "io.databricks4j:auth-azure"),
      Map.entry("azure-msi", "io.databricks4j:auth-azure"),
      Map.entry("google-credentials", "io.databricks4j:auth-gcp"),
      Map.entry("google-id", "io.databricks4j:auth-gcp"));

  private static final class Holder {
    static final StrategyRegistry INSTANCE = new StrategyRegistry(load());
  }

  private final List<CredentialsStrategy> strategies;

  private StrategyRegistry(List<CredentialsStrategy> strategies) {
    this.strategies = strategies;
  }

  /** The strategies found by {@link ServiceLoader}, loaded on first use. */
  public static StrategyRegistry discovered() {
    return Holder.INSTANCE;
  }

  /** A registry of exactly these strategies (tests, or an application that wants full control). */
  public static StrategyRegistry of(List<CredentialsStrategy> strategies) {
    return new StrategyRegistry(sorted(strategies));
  }

  private static List<CredentialsStrategy> load() {
    ServiceLoader<CredentialsStrategy> loader =
        ServiceLoader.load(CredentialsStrategy.class, CredentialsStrategy.class.getClassLoader());
    List<CredentialsStrategy> found = sorted(loader.stream().map(ServiceLoader.Provider::get).collect(Collectors.toList()));
    LOG.debug("credential strategies found: {}", found.stream()
        .map(s -> s.authType() + "(" + s.priority() + ", " + s.getClass().getName() + ")").collect(Collectors.joining(", ")));
    return found;
  }

  private static List<CredentialsStrategy> sorted(List<CredentialsStrategy> list) {
    return list.stream()
        .sorted(Comparator.comparingInt(CredentialsStrategy::priority).thenComparing(CredentialsStrategy::authType))
        .collect(Collectors.toUnmodifiableList());
  }

  /** All strategies, in the order they are tried. */
  public List<CredentialsStrategy> strategies() {
    return strategies;
  }

  /** The strategy with this {@code auth_type}. */
  public Optional<CredentialsStrategy> byAuthType(String authType) {
    return strategies.stream().filter(s -> s.authType().equals(authType)).findFirst();
  }

  /** The artifact that provides an official auth type, if it is one. */
  public static Optional<String> artifactFor(String authType) {
    return Optional.ofNullable(ARTIFACTS.get(authType));
  }
}
