package io.databricks4j.mixin.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.error.DatabricksException;
import io.databricks4j.service.sql.ColumnInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java value of a result value, by the column's type in the manifest: the service sends every
 * value as a string (or null) in JSON_ARRAY results.
 */
final class SqlValues {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  /** ISO date-time with a space or a T, and an optional offset ({@code Z}, {@code +00:00}, {@code +0000}). */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendPattern("[XXX][XX][X]").optionalEnd().toFormatter(Locale.ROOT);

  private SqlValues() {
  }

  /**
   * The type family of a column: {@code type_name}, or derived from {@code type_text} when the
   * service named a family this SDK does not know ({@code TIMESTAMP_NTZ}).
   */
  static String family(ColumnInfo column) {
    if (column.typeName() != null) {
      return column.typeName().value();
    }
    String text = column.typeText() == null ? "STRING" : column.typeText().trim().toUpperCase(Locale.ROOT);
    int end = text.length();
    for (char c : new char[] {'(', '<', ' '}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String word = text.substring(0, end);
    return switch (word) {
      case "BIGINT" -> "LONG";
      case "INTEGER" -> "INT";
      case "SMALLINT" -> "SHORT";
      case "TINYINT" -> "BYTE";
      case "VOID" -> "NULL";
      case "DEC", "NUMERIC" -> "DECIMAL";
      default -> word;
    };
  }

  static Object convert(ColumnInfo column, String value) {
    if (value == null) {
      return null;
    }
    String family = family(column);
    try {
      return switch (family) {
        case "BOOLEAN" -> Boolean.valueOf(value);
        case "BYTE" -> Byte.valueOf(value);
        case "SHORT" -> Short.valueOf(value);
        case "INT" -> Integer.valueOf(value);
        case "LONG" -> Long.valueOf(value);
        case "FLOAT" -> Float.valueOf(value);
        case "DOUBLE" -> Double.valueOf(value);
        case "DECIMAL" -> new BigDecimal(value);
        case "DATE" -> LocalDate.parse(value);
        case "TIMESTAMP" -> instant(value);
        case "TIMESTAMP_NTZ" -> LocalDateTime.from(TIMESTAMP.parse(value));
        case "BINARY" -> Base64.getDecoder().decode(value);
        case "ARRAY" -> JSON.readValue(value, new TypeReference<List<Object>>() { });
        case "MAP", "STRUCT" -> JSON.readValue(value, new TypeReference<Map<String, Object>>() { });
        default -> value;
      };
    } catch (RuntimeException | JsonProcessingException e) {
      throw new DatabricksException("column " + column.name() + " of type " + column.typeText() + " has the value '"
          + value + "', which is not a " + family + "; read it with getString", e);
    }
  }

  private static Instant instant(String value) {
    TemporalAccessor t = TIMESTAMP.parse(value);
    return t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(t).toInstant()
        : LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
  }
}
