package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** The one {@link ObjectMapper} of the emulator and small helpers over {@link JsonNode}. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** An object of alternating keys and values (String, Number, Boolean, JsonNode or null). */
  public static ObjectNode object(Object... keysAndValues) {
    ObjectNode node = object();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      put(node, (String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return node;
  }

  public static ArrayNode array(Iterable<? extends JsonNode> items) {
    ArrayNode array = array();
    items.forEach(array::add);
    return array;
  }

  public static ArrayNode strings(Iterable<String> items) {
    ArrayNode array = array();
    items.forEach(array::add);
    return array;
  }

  public static void put(ObjectNode node, String key, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof JsonNode j) {
      node.set(key, j);
    } else if (value instanceof String s) {
      node.put(key, s);
    } else if (value instanceof Integer i) {
      node.put(key, i);
    } else if (value instanceof Long l) {
      node.put(key, l);
    } else if (value instanceof Double d) {
      node.put(key, d);
    } else if (value instanceof Boolean b) {
      node.put(key, b);
    } else {
      node.put(key, value.toString());
    }
  }

  public static JsonNode parse(InputStream in) throws IOException {
    return MAPPER.readTree(in);
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code field}, or null when it is absent, null or not a scalar. */
  public static String string(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** The value at a dotted path ({@code state.life_cycle_state}), or a missing node. */
  public static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode current = node;
    for (String part : dottedPath.split("\\.")) {
      if (current == null) {
        break;
      }
      current = current.get(part);
    }
    return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
  }

  /** Copies every field of {@code from} into {@code into}, replacing what was there. */
  public static ObjectNode merge(ObjectNode into, JsonNode from) {
    if (from != null && from.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        into.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    return into;
  }

  /** A deep copy of {@code node} as an object, or an empty object when it is not one. */
  public static ObjectNode copyOf(JsonNode node) {
    return node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : object();
  }
}
