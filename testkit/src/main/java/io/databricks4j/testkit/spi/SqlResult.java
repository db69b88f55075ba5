package io.databricks4j.testkit.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a statement answered: its columns and rows, rendered as the service renders them (every
 * value a string or null), and what it changed in the catalog.
 *
 * @param columns the result columns; empty for a statement without a result set
 * @param rows the rows, each with one entry per column (null for SQL NULL)
 * @param truncated whether rows were left out because of the row or byte limit
 * @param changes the catalogs, schemas and tables the statement created, changed or dropped, parents first
 */
public record SqlResult(List<SqlColumn> columns, List<List<String>> rows, boolean truncated,
    List<SqlChange> changes) {
  public SqlResult {
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      Objects.requireNonNull(row, "row");
      // a row holds nulls, which List.copyOf refuses
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
    changes = List.copyOf(changes);
  }
}
