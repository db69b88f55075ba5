package io.databricks4j.mixin.sql;

import io.databricks4j.service.sql.ColumnInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a statement result, its values converted by the manifest's column types: BOOLEAN to
 * Boolean, BYTE/SHORT/INT/LONG to Byte/Short/Integer/Long, FLOAT/DOUBLE to Float/Double, DECIMAL
 * to BigDecimal, DATE to LocalDate, TIMESTAMP to Instant, TIMESTAMP_NTZ to LocalDateTime, BINARY
 * to byte[], ARRAY to a List and MAP or STRUCT to a Map (from their JSON), anything else to the
 * String the service sent. SQL NULL is null.
 */
public final class StatementRow {
  private final List<ColumnInfo> columns;
  private final Map<String, Integer> positions;
  private final List<String> values;

  StatementRow(List<ColumnInfo> columns, Map<String, Integer> positions, List<String> values) {
    this.columns = columns;
    this.positions = positions;
    this.values = values;
  }

  public int size() {
    return values.size();
  }

  /** The value of the column at {@code index} (from 0), converted; null for SQL NULL. */
  public Object get(int index) {
    return SqlValues.convert(column(index), values.get(index));
  }

  /** The value of the column named {@code name}, converted; null for SQL NULL. */
  public Object get(String name) {
    return get(position(name));
  }

  /** The converted value as {@code type}; a ClassCastException names the type it is. */
  public <T> T get(int index, Class<T> type) {
    Object v = get(index);
    if (v != null && !type.isInstance(v)) {
      throw new ClassCastException("column " + column(index).name() + " (" + column(index).typeText() + ") holds a "
          + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return type.cast(v);
  }

  public <T> T get(String name, Class<T> type) {
    return get(position(name), type);
  }

  /** The value as the service sent it; null for SQL NULL. */
  public String getString(int index) {
    return values.get(index);
  }

  public String getString(String name) {
    return values.get(position(name));
  }

  /** The converted values in column order (null for SQL NULL). */
  public List<Object> asList() {
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(get(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** The converted values by column name, in column order (null for SQL NULL). */
  public Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      out.put(column(i).name(), get(i));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The values as the service sent them. */
  public List<String> raw() {
    return Collections.unmodifiableList(values);
  }

  private ColumnInfo column(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new IndexOutOfBoundsException("column " + index + " of a row of " + columns.size() + " columns");
    }
    return columns.get(index);
  }

  private int position(String name) {
    Integer i = positions.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no column " + name + "; the columns are " + positions.keySet());
    }
    return i;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
