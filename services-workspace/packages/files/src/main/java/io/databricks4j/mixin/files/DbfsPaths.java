package io.databricks4j.mixin.files;

/** DBFS path spelling: {@code /x}, {@code dbfs:/x} and {@code dbfs:///x} all name {@code /x}. */
public final class DbfsPaths {
  private DbfsPaths() {}

  /**
   * The absolute path the DBFS API takes: without the {@code dbfs:} scheme and without a trailing
   * slash (but {@code /} itself).
   *
   * @throws IllegalArgumentException for a relative path or a {@code dbfs://host/...} URI
   */
  public static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a DBFS path is required, such as /tmp/x or dbfs:/tmp/x");
    }
    String p = path;
    if (p.regionMatches(true, 0, "dbfs:", 0, 5)) {
      p = p.substring(5);
      if (p.startsWith("//")) {
        if (!p.startsWith("///")) {
          throw new IllegalArgumentException("'" + path + "' names a host; a DBFS path is dbfs:/x or dbfs:///x");
        }
        p = p.substring(2);
      }
    }
    if (!p.startsWith("/")) {
      throw new IllegalArgumentException("a DBFS path is absolute, such as /tmp/x or dbfs:/tmp/x; got '" + path + "'");
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** {@code dbfs:/x} for the path {@code /x} in any spelling. */
  public static String uri(String path) {
    return "dbfs:" + normalize(path);
  }
}
