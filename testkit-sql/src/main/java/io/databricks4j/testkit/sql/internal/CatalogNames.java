package io.databricks4j.testkit.sql.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Unity Catalog catalog names and the DuckDB databases that hold them. A catalog keeps its own
 * name in DuckDB unless DuckDB reserves it ({@code main}, {@code system}, {@code temp}, and
 * {@code memory}, the database of statements whose catalog does not exist) or another catalog
 * holds it; then it gets {@code uc_<name>}, numbered if need be. A rename changes only the
 * mapping, since DuckDB cannot rename a database. Names compare ignoring case, as in both.
 */
final class CatalogNames {
  /** The DuckDB database that statements use when their catalog or schema does not exist. */
  static final String SCRATCH = "memory";
  private static final Set<String> RESERVED = Set.of("main", "system", "temp", SCRATCH);

  private final Map<String, String> engineByCatalog = new HashMap<>();
  private final Map<String, String> catalogByEngine = new HashMap<>();

  /** Adds a catalog and answers its new DuckDB database name. */
  synchronized String add(String catalog) {
    String key = key(catalog);
    if (engineByCatalog.containsKey(key)) {
      throw new IllegalStateException("catalog " + catalog + " is already mapped");
    }
    String engine = catalog;
    if (RESERVED.contains(key) || catalogByEngine.containsKey(key)) {
      engine = "uc_" + catalog;
      for (int n = 2; RESERVED.contains(key(engine)) || catalogByEngine.containsKey(key(engine)); n++) {
        engine = "uc_" + catalog + "_" + n;
      }
    }
    engineByCatalog.put(key, engine);
    catalogByEngine.put(key(engine), catalog);
    return engine;
  }

  /** The DuckDB database of a catalog, or null when there is no such catalog. */
  synchronized String engine(String catalog) {
    return engineByCatalog.get(key(catalog));
  }

  /** The catalog a DuckDB database holds, or null when it holds none. */
  synchronized String catalog(String engine) {
    return catalogByEngine.get(key(engine));
  }

  synchronized void rename(String from, String to) {
    String engine = engineByCatalog.remove(key(from));
    if (engine != null) {
      engineByCatalog.put(key(to), engine);
      catalogByEngine.put(key(engine), to);
    }
  }

  /** Forgets a catalog and answers its database, or null when there was none. */
  synchronized String remove(String catalog) {
    String engine = engineByCatalog.remove(key(catalog));
    if (engine != null) {
      catalogByEngine.remove(key(engine));
    }
    return engine;
  }

  synchronized List<String> catalogs() {
    List<String> names = new ArrayList<>(catalogByEngine.values());
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return names;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
