package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The requests an emulator answered, newest last, for tests that assert what a client called:
 * method, path, query, status and operation, never headers or bodies (they carry tokens and
 * secrets). Bounded: beyond {@code capacity} the oldest go, counted as dropped.
 */
public final class Journal {
  /** One answered request; {@code operation} is {@code Clusters.create}, or empty off the API description. */
  public record Entry(long sequence, long timeMillis, String method, String path, String query, int status,
      String operation, long durationMillis) {
    ObjectNode toJson() {
      ObjectNode o = Json.object("sequence", sequence, "time", timeMillis, "method", method, "path", path);
      if (!query.isEmpty()) {
        o.put("query", query);
      }
      o.put("status", status);
      if (!operation.isEmpty()) {
        o.put("operation", operation);
      }
      o.put("duration_ms", durationMillis);
      return o;
    }
  }

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long sequence;
  private long dropped;

  /** @param capacity the most entries kept; 0 keeps none */
  public Journal(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void record(long timeMillis, String method, String path, String query, int status,
      String operation, long durationMillis) {
    if (capacity == 0) {
      dropped++;
      return;
    }
    if (entries.size() == capacity) {
      entries.removeFirst();
      dropped++;
    }
    entries.addLast(new Entry(++sequence, timeMillis, method, path, query == null ? "" : query, status,
        operation == null ? "" : operation, durationMillis));
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  public synchronized void clear() {
    entries.clear();
    dropped = 0;
  }

  /** {@code {"entries": [...], "dropped": n, "capacity": n}}. */
  public synchronized ObjectNode toJson() {
    ArrayNode items = Json.array();
    entries.forEach(e -> items.add(e.toJson()));
    return Json.object("entries", items, "dropped", dropped, "capacity", capacity);
  }
}
