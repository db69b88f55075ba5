package io.databricks4j.benchmarks.jmh;

/** What the harness tells a benchmark JVM about the server, as system properties. */
public final class Fixture {
  public static final String URL = "bench.url";
  public static final String TOKEN = "bench.token";
  public static final String LIST_ITEMS = "bench.listItems";
  public static final String FILE_SIZE = "bench.fileSize";

  private Fixture() {}

  static String url() {
    String url = System.getProperty(URL);
    if (url == null) {
      throw new IllegalStateException("-D" + URL + " is not set: run the benchmarks through io.databricks4j.benchmarks.Main");
    }
    return url;
  }

  static String token() {
    return System.getProperty(TOKEN);
  }

  static long listItems() {
    return Long.getLong(LIST_ITEMS);
  }

  static long fileSize() {
    return Long.getLong(FILE_SIZE);
  }
}
