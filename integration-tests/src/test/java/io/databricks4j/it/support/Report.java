package io.databricks4j.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The numbers a test measured, printed and appended to {@code target/it-logs/report.txt}. */
public final class Report {
  private Report() {}

  public static synchronized void line(String text) {
    System.out.println("[report] " + text);
    Path dir = Path.of(System.getProperty("it.logs", "target/it-logs"));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.txt"), text + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
