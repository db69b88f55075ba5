package io.databricks4j.core.auth;

import io.databricks4j.auth.CredentialsStrategy;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
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

  /** Where the version of every databricks4j artifact comes from, for messages that name one. */
  public static final String BOM_HINT = "(version from io.databricks4j:databricks4j-bom)";

  /**
   * Which artifact provides each {@code auth_type} word of the official SDKs (Go, Python, Java),
   * so a missing plug-in can be named. Every artifact listed really provides the word; the cli's
   * tests check it against the strategies found on its class path.
   */
  private static final Map<String, String> ARTIFACTS = Map.ofEntries(
      Map.entry("pat", "io.databricks4j:auth-pat"),
      Map.entry("basic", "io.databricks4j:auth-pat"),
      Map.entry("oauth-m2m", "io.databricks4j:auth-oauth"),
      Map.entry("external-browser", "io.databricks4j:auth-oauth"),
      Map.entry("databricks-cli", "io.databricks4j:auth-oauth"),
      Map.entry("metadata-service", "io.databricks4j:auth-oauth"),
      Map.entry("github-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("azure-devops-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("env-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("file-oidc", "io.databricks4j:auth-oauth"),
      Map.entry("runtime", "io.databricks4j:auth-oauth"),
      Map.entry("model-serving", "io.databricks4j:auth-oauth"),
      Map.entry("github-oidc-azure", "io.databricks4j:auth-azure"),
      Map.entry("azure-client-secret", "io.databricks4j:auth-azure"),
      Map.entry("azure-cli", "io.databricks4j:auth-azure"),
      Map.entry("azure-msi", "io.databricks4j:auth-azure"),
      Map.entry("google-credentials", "io.databricks4j:auth-gcp"),
      Map.entry("google-id", "io.databricks4j:auth-gcp"));

  private static final class Holder {
    static final StrategyRegistry INSTANCE = new StrategyRegistry(load(), true);
  }

  private final List<CredentialsStrategy> strategies;
  private final boolean discovered;

  private StrategyRegistry(List<CredentialsStrategy> strategies, boolean discovered) {
    this.strategies = strategies;
    this.discovered = discovered;
  }

  /** The strategies found by {@link ServiceLoader}, loaded on first use. */
  public static StrategyRegistry discovered() {
    return Holder.INSTANCE;
  }

  /** A registry of exactly these strategies (tests, or an application that wants full control). */
  public static StrategyRegistry of(List<CredentialsStrategy> strategies) {
    return new StrategyRegistry(sorted(strategies), false);
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

  /** Every official auth type word and the artifact that provides it, sorted by word. */
  public static Map<String, String> artifacts() {
    return new TreeMap<>(ARTIFACTS);
  }

  /**
   * The official auth types that no strategy here provides, each with its artifact, sorted by
   * artifact and word: what adding a module would bring. Empty for a registry made with {@link
   * #of}, which is not the class path's.
   */
  public Map<String, String> absentWellKnown() {
    if (!discovered) {
      return Map.of();
    }
    Map<String, String> absent = new LinkedHashMap<>();
    ARTIFACTS.entrySet().stream()
        .filter(e -> byAuthType(e.getKey()).isEmpty())
        .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> absent.put(e.getKey(), e.getValue()));
    return absent;
  }
}
