package io.databricks4j.testkit.internal.service;

import io.databricks4j.testkit.spi.SqlEngineProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the SQL engine on the class path or module path, once per JVM. */
public final class SqlEngines {
  /** The artifact that brings the engine; messages name it. */
  public static final String ARTIFACT = "io.databricks4j:testkit-sql";

  private static final System.Logger LOG = System.getLogger(SqlEngines.class.getName());
  private static volatile List<SqlEngineProvider> providers;

  private SqlEngines() {
  }

  /** The preferred provider, or empty when none is on the class path. */
  public static Optional<SqlEngineProvider> provider() {
    List<SqlEngineProvider> found = providers();
    if (found.isEmpty()) {
      LOG.log(System.Logger.Level.DEBUG, "no SqlEngineProvider found; SQL statements answer 501 until "
          + ARTIFACT + " is on the class path");
      return Optional.empty();
    }
    LOG.log(System.Logger.Level.DEBUG, "SQL engine providers {0}; using {1}",
        found.stream().map(SqlEngineProvider::name).toList(), found.get(0).name());
    return Optional.of(found.get(0));
  }

  private static List<SqlEngineProvider> providers() {
    List<SqlEngineProvider> p = providers;
    if (p == null) {
      List<SqlEngineProvider> loaded = new ArrayList<>();
      ServiceLoader.load(SqlEngineProvider.class, SqlEngineProvider.class.getClassLoader()).forEach(loaded::add);
      loaded.sort(Comparator.comparingInt(SqlEngineProvider::priority).thenComparing(SqlEngineProvider::name));
      p = List.copyOf(loaded);
      providers = p;
    }
    return p;
  }
}
