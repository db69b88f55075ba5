package io.databricks4j.mixin.compute;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.compute.SparkVersion;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Picks a runtime from the list the workspace offers; pure, so it is tested without a server. */
public final class SparkVersionSelector {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
  /** Newest first: by major and minor version, then by key. */
  static final Comparator<String> NEWEST_FIRST = Comparator.<String>comparingLong(k -> part(k, 1))
      .thenComparingLong(k -> part(k, 2)).thenComparing(Comparator.naturalOrder()).reversed();

  private SparkVersionSelector() {}

  /**
   * The key of the runtime of {@code available} that matches {@code query}.
   *
   * @throws DatabricksException when none matches, or several do and {@code latest} is off; the
   *     message lists what exists
   */
  public static String select(List<SparkVersion> available, SparkVersionQuery query) {
    List<String> matches = available.stream().filter(v -> matches(v, query)).map(SparkVersion::key)
        .sorted(NEWEST_FIRST).toList();
    if (matches.isEmpty()) {
      throw new DatabricksException("no Spark version matches " + query + "; the workspace offers: "
          + available.stream().map(SparkVersion::key).sorted(NEWEST_FIRST).collect(Collectors.joining(", ")));
    }
    if (matches.size() > 1 && !query.latest()) {
      throw new DatabricksException(matches.size() + " Spark versions match " + query + ": "
          + String.join(", ", matches) + "; narrow the query, or ask for the latest with latest(true)");
    }
    return matches.get(0);
  }

  static boolean matches(SparkVersion v, SparkVersionQuery q) {
    String key = v.key() == null ? "" : v.key();
    String name = v.name() == null ? "" : v.name();
    if (!key.contains("-scala" + q.scala()) || key.contains("apache-spark-")) {
      return false;
    }
    boolean ok = key.contains("-ml-") == q.ml()
        && key.contains("-hls-") == q.genomics()
        && key.contains("-gpu-") == q.gpu()
        && key.contains("-photon-") == q.photon()
        && key.contains("-aarch64-") == q.graviton()
        && name.contains("Beta") == q.beta();
    if (ok && q.longTermSupport()) {
      ok = name.contains("LTS") || key.contains("-esr-");
    }
    if (ok && q.sparkVersion().isPresent()) {
      ok = name.contains("Apache Spark " + q.sparkVersion().get());
    }
    return ok;
  }

  private static long part(String key, int group) {
    Matcher m = VERSION.matcher(key);
    return m.find() ? Long.parseLong(m.group(group)) : -1;
  }
}
