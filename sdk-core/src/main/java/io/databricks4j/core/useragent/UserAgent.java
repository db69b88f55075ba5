package io.databricks4j.core.useragent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} header databricks4j sends:
 * {@code <product>/<version> databricks4j/<version> jvm/<version> os/<name> [auth/<type>]
 * [<key>/<value> ...] [upstream/<name> upstream-version/<version>] [runtime/<version>] [cicd/<provider>]}.
 *
 * <p>The product ({@code unknown/0.0.0} unless set), partners and extras are process-wide, like
 * in the official SDKs: a tool built on databricks4j calls {@link #withProduct} once at start-up.
 * Names match {@code [0-9A-Za-z_.+-]+}; versions are semantic versions.
 */
public final class UserAgent {
  /** The name databricks4j sends for itself. */
  public static final String SDK_NAME = "databricks4j";

  static final Pattern NAME = Pattern.compile("[0-9A-Za-z_.+-]+");
  static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  private static final String NAME_RULE = "letters, digits and _ . + - only";
  private static final String SEMVER_RULE = "a semantic version such as 1.2.3 or 1.2.3-beta.1 (https://semver.org)";

  private static volatile String productName = "unknown";
  private static volatile String productVersion = "0.0.0";
  private static final List<String[]> EXTRAS = new CopyOnWriteArrayList<>();
  private static final String VERSION = readVersion();

  private UserAgent() {}

  /**
   * Sets the product that uses databricks4j, sent first in every user agent.
   *
   * @throws IllegalArgumentException when {@code name} or {@code version} breaks the rules
   */
  public static void withProduct(String name, String version) {
    requireName("product name", name);
    requireSemver("product version", version);
    productName = name;
    productVersion = version;
  }

  /** Adds a partner ({@code partner/<name>}) to every user agent; a partner added twice is sent once. */
  public static void withPartner(String partner) {
    withExtra("partner", partner);
  }

  /** Adds {@code key/value} to every user agent; a pair added twice is sent once. */
  public static void withExtra(String key, String value) {
    requireName("user agent key", key);
    requireValue("user agent value for " + key, value);
    synchronized (EXTRAS) {
      if (EXTRAS.stream().noneMatch(e -> e[0].equals(key) && e[1].equals(value))) {
        EXTRAS.add(new String[] {key, value});
      }
    }
  }

  /** The product as {@code name/version}. */
  public static String product() {
    return productName + "/" + productVersion;
  }

  /** The version of databricks4j: from the build, else the jar manifest, else {@code 0.0.0}. */
  public static String version() {
    return VERSION;
  }

  /**
   * The user agent of a client.
   *
   * @param env the environment variables (a seam): {@code DATABRICKS_SDK_UPSTREAM[_VERSION]},
   *     {@code DATABRICKS_RUNTIME_VERSION} and the CI/CD markers are read from it
   * @param authType the auth type in use, empty when not known yet
   * @param extras the client's own {@code key/value} pairs, in order
   * @throws IllegalArgumentException when an extra breaks the naming rules
   */
  public static String forClient(Map<String, String> env, String authType, Map<String, String> extras) {
    List<String> parts = new ArrayList<>();
    parts.add(product());
    parts.add(SDK_NAME + "/" + VERSION);
    parts.add("jvm/" + sanitize(System.getProperty("java.version", "unknown")));
    parts.add("os/" + osName(System.getProperty("os.name", "unknown")));
    if (!authType.isEmpty()) {
      parts.add("auth/" + sanitize(authType));
    }
    extras.forEach((k, v) -> {
      requireName("user agent key", k);
      requireValue("user agent value for " + k, v);
      parts.add(k + "/" + v);
    });
    for (String[] e : EXTRAS) {
      parts.add(e[0] + "/" + e[1]);
    }
    String upstream = env.getOrDefault("DATABRICKS_SDK_UPSTREAM", "");
    String upstreamVersion = env.getOrDefault("DATABRICKS_SDK_UPSTREAM_VERSION", "");
    if (NAME.matcher(upstream).matches() && isValue(upstreamVersion)) {
      parts.add("upstream/" + upstream);
      parts.add("upstream-version/" + upstreamVersion);
    }
    String runtime = env.getOrDefault("DATABRICKS_RUNTIME_VERSION", "");
    if (!runtime.isBlank()) {
      parts.add("runtime/" + sanitize(runtime));
    }
    CiCd.detect(env).ifPresent(p -> parts.add("cicd/" + p));
    return String.join(" ", parts);
  }

  /** Restores the defaults; for tests. */
  static void reset() {
    productName = "unknown";
    productVersion = "0.0.0";
    EXTRAS.clear();
  }

  static String osName(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.contains("darwin")) {
      return "darwin";
    }
    if (os.startsWith("windows")) {
      return "windows";
    }
    return sanitize(os);
  }

  /** Any character outside the name rule becomes {@code -}. */
  static String sanitize(String s) {
    String out = s.strip().replaceAll("[^0-9A-Za-z_.+-]", "-");
    return out.isEmpty() ? "unknown" : out;
  }

  private static boolean isValue(String v) {
    return NAME.matcher(v).matches() || SEMVER.matcher(v).matches();
  }

  private static void requireName(String what, String v) {
    if (v == null || !NAME.matcher(v).matches()) {
      throw new IllegalArgumentException("invalid " + what + " '" + v + "': use " + NAME_RULE);
    }
  }

  private static void requireSemver(String what, String v) {
    if (v == null || !SEMVER.matcher(v).matches()) {
      throw new IllegalArgumentException("invalid " + what + " '" + v + "': use " + SEMVER_RULE);
    }
  }

  private static void requireValue(String what, String v) {
    if (v == null || !isValue(v)) {
      throw new IllegalArgumentException("invalid " + what + " '" + v + "': use " + NAME_RULE + ", or " + SEMVER_RULE);
    }
  }

  private static String readVersion() {
    String v = property("/io/databricks4j/core/useragent/version.properties", "version");
    if (v == null) {
      v = property("/META-INF/maven/io.databricks4j/sdk-core/pom.properties", "version");
    }
    if (v == null) {
      v = UserAgent.class.getPackage() == null ? null : UserAgent.class.getPackage().getImplementationVersion();
    }
    return v == null || v.isBlank() || v.contains("${") ? "0.0.0" : sanitize(v);
  }

  private static String property(String resource, String key) {
    try (InputStream in = UserAgent.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty(key);
      return v == null || v.contains("${") ? null : v.strip();
    } catch (IOException e) {
      return null;
    }
  }
}
