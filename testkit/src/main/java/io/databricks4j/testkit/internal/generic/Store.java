package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state of the generic engine: JSON records keyed by the path that addresses them
 * ({@code /api/2.0/apps/my-app}, {@code /api/2.0/postgres/projects/p/branches/b}), so that a
 * collection is every key one level below its path. A record is plain JSON,
 * {@code {"resource": "apps.Apps#app", "type": "apps.App", "seq": 7, "value": {...}}}, and the
 * whole store is one JSON object ({@link #toJson()}), ready to be written to disk.
 *
 * <p>Deleted records move to a trash from which restore operations bring them back.
 */
public final class Store {
  private final TreeMap<String, ObjectNode> live = new TreeMap<>();
  private final TreeMap<String, ObjectNode> trash = new TreeMap<>();
  private long seq;

  /** A copy of the record at {@code key}, or null. */
  public synchronized ObjectNode get(String key) {
    ObjectNode r = live.get(key);
    return r == null ? null : r.deepCopy();
  }

  public synchronized boolean contains(String key) {
    return live.containsKey(key);
  }

  /** Stores a new record (or replaces one, keeping its place in listings); returns a copy. */
  public synchronized ObjectNode put(String key, String resource, String type, ObjectNode value) {
    ObjectNode old = live.get(key);
    ObjectNode record = Json.object("resource", resource, "type", type,
        "seq", old == null ? ++seq : old.path("seq").asLong(), "value", value.deepCopy());
    live.put(key, record);
    trash.remove(key);
    return record.deepCopy();
  }

  /** Stores a new record unless one is at {@code key}; whether it did. */
  public synchronized boolean putIfAbsent(String key, String resource, String type, ObjectNode value) {
    if (live.containsKey(key)) {
      return false;
    }
    put(key, resource, type, value);
    return true;
  }

  /** Applies {@code change} to the value at {@code key} atomically; null when there is no record. */
  public synchronized <T> T update(String key, Function<ObjectNode, T> change) {
    ObjectNode r = live.get(key);
    return r == null ? null : change.apply((ObjectNode) r.get("value"));
  }

  /** Removes the record at {@code key} and every record below it; the record goes to the trash. */
  public synchronized ObjectNode remove(String key) {
    ObjectNode r = live.remove(key);
    if (r != null) {
      trash.put(key, r);
      live.subMap(key + "/", key + "/\uffff").clear();
    }
    return r;
  }

  /** Brings a removed record back; null when the trash has none at {@code key}. */
  public synchronized ObjectNode restore(String key) {
    ObjectNode r = trash.remove(key);
    if (r != null) {
      live.put(key, r);
    }
    return r == null ? null : r.deepCopy();
  }

  /** Whether a removed record waits in the trash at {@code key}. */
  public synchronized boolean trashed(String key) {
    return trash.containsKey(key);
  }

  /**
   * Copies of the records of {@code resource} below {@code prefix} (any depth; every key when
   * {@code prefix} is null), in the order they were created.
   */
  public synchronized List<Map.Entry<String, ObjectNode>> list(String prefix, String resource) {
    NavigableMap<String, ObjectNode> range = prefix == null ? live : live.subMap(prefix + "/", true, prefix + "/\uffff", true);
    List<Map.Entry<String, ObjectNode>> out = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : range.entrySet()) {
      if (resource == null || resource.equals(e.getValue().path("resource").asText())) {
        out.add(Map.entry(e.getKey(), e.getValue().deepCopy()));
      }
    }
    out.sort(Comparator.comparingLong(e -> e.getValue().path("seq").asLong()));
    return out;
  }

  /** The whole state as one JSON object. */
  public synchronized ObjectNode toJson() {
    ObjectNode liveJson = Json.object();
    live.forEach((k, v) -> liveJson.set(k, v.deepCopy()));
    ObjectNode trashJson = Json.object();
    trash.forEach((k, v) -> trashJson.set(k, v.deepCopy()));
    return Json.object("seq", seq, "live", liveJson, "trash", trashJson);
  }

  /** Replaces the state with one {@link #toJson()} wrote. */
  public synchronized void load(JsonNode state) {
    live.clear();
    trash.clear();
    seq = state.path("seq").asLong();
    copy(state.path("live"), live);
    copy(state.path("trash"), trash);
  }

  private static void copy(JsonNode from, Map<String, ObjectNode> into) {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue().isObject()) {
        into.put(f.getKey(), (ObjectNode) f.getValue().deepCopy());
      }
    }
  }
}
