package io.databricks4j.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions this build compares, written into the jar by Maven. */
public final class Versions {
  private static final Properties P = load();

  private Versions() {}

  public static String databricks4j() {
    return P.getProperty("databricks4j");
  }

  public static String official() {
    return P.getProperty("official");
  }

  public static String httpclient5() {
    return P.getProperty("httpclient5");
  }

  public static String jackson() {
    return P.getProperty("jackson");
  }

  public static String jmh() {
    return P.getProperty("jmh");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/io/databricks4j/benchmarks/versions.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
