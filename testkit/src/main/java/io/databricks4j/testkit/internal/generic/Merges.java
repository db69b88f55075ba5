package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What an action request does to a resource's fields: {@code set*}, {@code log*} and {@code add*}
 * requests add theirs (a tag to {@code tags}, a metric to {@code data.metrics}, replacing an item
 * with the same {@code key}); {@code delete*} ones take them away. Also what an update mask
 * removes.
 */
final class Merges {
  private final Types types;
  private final Shapes shapes;

  Merges(Shapes shapes) {
    this.shapes = shapes;
    this.types = shapes.types();
  }

  void addTo(ObjectNode entity, String type, ObjectNode fields, String opName) {
    ObjectNode rest = fields.deepCopy();
    fields.fields().forEachRemaining(f -> {
      String path = shapes.find(type, f.getKey());
      String t = path == null ? null : shapes.typeAt(type, path);
      if (t != null && Types.isList(t) && f.getValue().isArray()) {
        JsonNode current = Shapes.at(entity, path);
        ArrayNode merged = current != null && current.isArray() ? (ArrayNode) current : Json.array();
        f.getValue().forEach(e -> upsert(merged, shapes.project(e, Types.inner(t))));
        Shapes.set(entity, path, merged);
        rest.remove(f.getKey());
      }
    });
    if (rest.isEmpty()) {
      return;
    }
    String list = itemList(type, rest, opName);
    if (list != null) {
      JsonNode current = Shapes.at(entity, list);
      ArrayNode items = current != null && current.isArray() ? (ArrayNode) current : Json.array();
      upsert(items, shapes.project(rest, Types.inner(shapes.typeAt(type, list))));
      Shapes.set(entity, list, items);
    } else {
      shapes.place(entity, type, rest);
    }
  }

  void removeFrom(ObjectNode entity, String type, ObjectNode fields, String opName) {
    String list = itemList(type, fields, opName);
    JsonNode current = list == null ? null : Shapes.at(entity, list);
    if (current != null && current.isArray() && fields.hasNonNull("key")) {
      Iterator<JsonNode> it = current.iterator();
      while (it.hasNext()) {
        if (it.next().path("key").asText().equals(fields.get("key").asText())) {
          it.remove();
        }
      }
    }
  }

  /**
   * The list field (dotted) of a resource whose items have every field of a request: {@code tags}
   * for a tag, {@code data.metrics} for a metric; a name that says which ({@code setTag}) wins.
   */
  private String itemList(String type, ObjectNode fields, String opName) {
    String hint = Templates.noun(opName);
    String best = null;
    for (String path : listFields(type, "", 0)) {
      String item = Types.inner(shapes.typeAt(type, path));
      boolean all = types.isObject(item);
      Iterator<String> names = fields.fieldNames();
      while (all && names.hasNext()) {
        all = types.has(item, names.next());
      }
      if (all) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        if (best == null || hint.endsWith(Templates.singular(leaf))) {
          best = path;
        }
      }
    }
    return best;
  }

  private List<String> listFields(String type, String prefix, int depth) {
    List<String> out = new ArrayList<>();
    for (Types.Field f : types.fields(type)) {
      if (Types.isList(f.type())) {
        out.add(prefix + f.wireName());
      } else if (depth < 1 && types.isObject(f.type())) {
        out.addAll(listFields(f.type(), prefix + f.wireName() + ".", depth + 1));
      }
    }
    return out;
  }

  /** Adds an item, replacing one with the same {@code key} (a tag, a parameter). */
  private static void upsert(ArrayNode items, JsonNode item) {
    if (item == null) {
      return;
    }
    String k = item.path("key").asText(null);
    if (k != null && !item.has("timestamp")) {
      for (int i = 0; i < items.size(); i++) {
        if (k.equals(items.get(i).path("key").asText(null))) {
          items.set(i, item);
          return;
        }
      }
    }
    items.add(item);
  }

  static void removeAt(ObjectNode entity, String dotted) {
    int dot = dotted.lastIndexOf('.');
    JsonNode parent = dot < 0 ? entity : Shapes.at(entity, dotted.substring(0, dot));
    if (parent instanceof ObjectNode o) {
      o.remove(dotted.substring(dot + 1));
    }
  }
}
