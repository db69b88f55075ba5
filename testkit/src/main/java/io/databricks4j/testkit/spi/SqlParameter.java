package io.databricks4j.testkit.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of a {@code :name} marker, as text, with its Databricks type.
 *
 * @param name the marker's name, without the colon
 * @param type a Databricks type such as {@code INT} or {@code DECIMAL(10,2)}; {@code STRING} when the
 *     request named none
 * @param value the value as text, or null for SQL NULL
 */
public record SqlParameter(String name, String type, String value) {
  public SqlParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The value, empty for SQL NULL. */
  public Optional<String> text() {
    return Optional.ofNullable(value);
  }
}
