package io.databricks4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/** Maps of JSON records to snapshots and back, in their order. */
public final class Snapshots {
  private Snapshots() {
  }

  /** {@code {key: record}} of deep copies. */
  public static ObjectNode records(Map<?, ObjectNode> records) {
    ObjectNode out = Json.object();
    records.forEach((k, v) -> out.set(String.valueOf(k), v.deepCopy()));
    return out;
  }

  /** Clears {@code into} and fills it from {@link #records}, keys converted by {@code key}. */
  public static <K> void records(JsonNode state, Map<K, ObjectNode> into, Function<String, K> key) {
    into.clear();
    Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      into.put(key.apply(f.getKey()), Json.copyOf(f.getValue()));
    }
  }

  /** Clears {@code into} and fills it from {@link #records} with string keys. */
  public static void records(JsonNode state, Map<String, ObjectNode> into) {
    records(state, into, k -> k);
  }

  /** {@code {key: text}}. */
  public static ObjectNode texts(Map<?, String> values) {
    ObjectNode out = Json.object();
    values.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  public static <K> void texts(JsonNode state, Map<K, String> into, Function<String, K> key) {
    into.clear();
    state.fields().forEachRemaining(f -> into.put(key.apply(f.getKey()), f.getValue().asText()));
  }

  /** The elements of an array as deep-copied objects. */
  public static void objects(JsonNode array, Collection<ObjectNode> into) {
    into.clear();
    for (JsonNode n : array) {
      into.add(Json.copyOf(n));
    }
  }

  public static ArrayNode objects(Collection<ObjectNode> items) {
    ArrayNode out = Json.array();
    items.forEach(i -> out.add(i.deepCopy()));
    return out;
  }

  /** An object field as a deep copy, or null. */
  public static ObjectNode object(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isObject() ? null : ((ObjectNode) v).deepCopy();
  }
}
