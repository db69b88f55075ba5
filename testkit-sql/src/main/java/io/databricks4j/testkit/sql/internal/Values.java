package io.databricks4j.testkit.sql.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * Values as the Statement Execution API renders them in JSON_ARRAY results: every value a string
 * or null. Numbers as Spark prints them ({@code 1.0E10}, a DECIMAL with its scale: {@code 1.50}),
 * dates ISO ({@code 2024-01-31}), timestamps ISO in UTC with milliseconds
 * ({@code 2024-01-31T10:15:30.000Z}, microseconds when there are some), binary in base64, and
 * arrays, maps and structs as compact JSON.
 */
final class Values {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  private Values() {
  }

  /** The rendering of a value that JDBC returned. */
  static String render(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof OffsetDateTime t) {
      return timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }
    if (v instanceof ZonedDateTime t) {
      return render(t.toOffsetDateTime());
    }
    if (v instanceof Instant t) {
      return render(t.atOffset(ZoneOffset.UTC));
    }
    if (v instanceof LocalDateTime t) {
      return timestamp(t);
    }
    if (v instanceof Timestamp t) {
      return timestamp(t.toLocalDateTime());
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Blob b) {
      return Base64.getEncoder().encodeToString(bytes(b));
    }
    if (v instanceof Array || v instanceof DuckDBStruct || v instanceof Map) {
      try {
        return JSON.writeValueAsString(json(v));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return v.toString();
  }

  /** A value inside an array, map or struct, as JSON. */
  static JsonNode json(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Array a) {
      ArrayNode out = NODES.arrayNode();
      try {
        for (Object e : (Object[]) a.getArray()) {
          out.add(json(e));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read an array value: " + e.getMessage(), e);
      }
      return out;
    }
    if (v instanceof DuckDBStruct s) {
      try {
        return object(s.getMap());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read a struct value: " + e.getMessage(), e);
      }
    }
    if (v instanceof Map<?, ?> m) {
      return object(m);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).intValue());
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(v.toString());
    }
    return NODES.textNode(render(v));
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode out = NODES.objectNode();
    map.forEach((k, val) -> out.set(k == null ? "null" : render(k), json(val)));
    return out;
  }

  private static String timestamp(LocalDateTime t) {
    return (t.getNano() % 1_000_000 == 0 ? MILLIS : MICROS).format(t);
  }

  private static byte[] bytes(Blob b) {
    try {
      return b.getBytes(1, (int) b.length());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a binary value: " + e.getMessage(), e);
    }
  }

  /** The size of a rendered value, as the byte limit counts it. */
  static long size(String rendered) {
    return rendered == null ? 4 : rendered.getBytes(StandardCharsets.UTF_8).length;
  }
}
