package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON values read through the description's types: projection onto a type, placement of
 * request fields into a resource, the fields the service sets itself, and a conformance check.
 */
final class Shapes {
  /** Enum values a resource shows once it is ready, most specific first. */
  private static final List<String> READY = List.of("ACTIVE", "RUNNING", "ONLINE", "READY", "AVAILABLE", "SUCCEEDED",
      "SUCCESS", "COMPLETED", "ENABLED", "IDLE", "PROVISIONED", "CREATED", "NOT_UPDATING", "OK", "HEALTHY", "APPROVED",
      "DEPLOYED", "PUBLISHED", "FINISHED");
  private static final int DEPTH = 2;

  private final Types types;

  Shapes(Types types) {
    this.types = types;
  }

  Types types() {
    return types;
  }

  /** The value with only what {@code type} declares, recursively; null when nothing of it fits. */
  JsonNode project(JsonNode v, String type) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (Types.isList(type)) {
      if (!v.isArray()) {
        return null;
      }
      ArrayNode out = Json.array();
      for (JsonNode e : v) {
        JsonNode p = project(e, Types.inner(type));
        if (p != null) {
          out.add(p);
        }
      }
      return out;
    }
    if (Types.isMap(type)) {
      if (!v.isObject()) {
        return null;
      }
      ObjectNode out = Json.object();
      v.fields().forEachRemaining(f -> {
        JsonNode p = project(f.getValue(), Types.inner(type));
        if (p != null) {
          out.set(f.getKey(), p);
        }
      });
      return out;
    }
    if (types.isObject(type)) {
      if (!v.isObject()) {
        return null;
      }
      ObjectNode out = Json.object();
      for (Types.Field f : types.fields(type)) {
        JsonNode p = project(v.get(f.wireName()), f.type());
        if (p != null) {
          out.set(f.wireName(), p);
        }
      }
      return out;
    }
    if (type.equals("any") || type.equals("void")) {
      return v.deepCopy();
    }
    if (type.equals("boolean")) {
      return v.isBoolean() ? v : v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))
          ? Json.MAPPER.getNodeFactory().booleanNode(v.asBoolean()) : null;
    }
    if (Types.isNumber(type)) {
      if (v.isNumber()) {
        return v;
      }
      try {
        return v.isTextual() ? Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(v.asText())) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (types.isEnum(type)) {
      return v.isTextual() && types.enumValues(type).contains(v.asText()) ? v : null;
    }
    return v.isValueNode() ? Json.MAPPER.getNodeFactory().textNode(v.asText()) : null;
  }

  ObjectNode projectObject(JsonNode v, String type) {
    JsonNode p = project(v, type);
    return p instanceof ObjectNode o ? o : Json.object();
  }

  /** What keeps {@code v} from reading as {@code type}, added to {@code problems}. */
  void conform(JsonNode v, String type, String path, List<String> problems) {
    if (v == null || v.isNull()) {
      return;
    }
    if (Types.isList(type)) {
      if (!v.isArray()) {
        problems.add(path + ": expected an array, got " + v.getNodeType());
      } else {
        int i = 0;
        for (JsonNode e : v) {
          conform(e, Types.inner(type), path + "[" + i++ + "]", problems);
        }
      }
    } else if (Types.isMap(type)) {
      if (!v.isObject()) {
        problems.add(path + ": expected an object (map), got " + v.getNodeType());
      } else {
        v.fields().forEachRemaining(f -> conform(f.getValue(), Types.inner(type), path + "." + f.getKey(), problems));
      }
    } else if (types.isObject(type)) {
      if (!v.isObject()) {
        problems.add(path + ": expected an object " + type + ", got " + v.getNodeType());
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        types.field(type, f.getKey()).ifPresentOrElse(
            d -> conform(f.getValue(), d.type(), path + "." + f.getKey(), problems),
            () -> problems.add(path + "." + f.getKey() + ": not a field of " + type));
      }
    } else if (types.isEnum(type)) {
      if (!v.isTextual() || !types.enumValues(type).contains(v.asText())) {
        problems.add(path + ": " + v + " is not a value of " + type);
      }
    } else if (type.equals("boolean") ? !v.isBoolean() : Types.isNumber(type) ? !v.isNumber()
        : types.isText(type) && !v.isTextual()) {
      problems.add(path + ": expected " + type + ", got " + v.getNodeType());
    }
  }

  /**
   * The dotted path of the field {@code wire} in {@code type} or in its object fields, at most
   * {@link #DEPTH} levels down, the shallowest first; null when there is none.
   */
  String find(String type, String wire) {
    List<String> level = List.of("");
    List<String> levelTypes = List.of(type);
    for (int depth = 0; depth <= DEPTH; depth++) {
      List<String> next = new ArrayList<>();
      List<String> nextTypes = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        for (Types.Field f : types.fields(levelTypes.get(i))) {
          if (f.wireName().equals(wire)) {
            return level.get(i) + wire;
          }
          if (types.isObject(f.type())) {
            next.add(level.get(i) + f.wireName() + ".");
            nextTypes.add(f.type());
          }
        }
      }
      level = next;
      levelTypes = nextTypes;
    }
    return null;
  }

  /** The type of the field at a dotted path, or null. */
  String typeAt(String type, String dotted) {
    String t = type;
    for (String part : dotted.split("\\.")) {
      t = types.field(t, part).map(Types.Field::type).orElse(null);
      if (t == null) {
        return null;
      }
    }
    return t;
  }

  static JsonNode at(JsonNode node, String dotted) {
    return dotted == null ? null : Json.at(node, dotted);
  }

  static void set(ObjectNode node, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode current = node;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = current.get(parts[i]);
      if (!(next instanceof ObjectNode)) {
        next = Json.object();
        current.set(parts[i], next);
      }
      current = (ObjectNode) next;
    }
    current.set(parts[parts.length - 1], value);
  }

  /**
   * Puts the fields of a request into a resource of type {@code type}: a field the resource has
   * goes to its top level; an object field of the resource that has several of the request's
   * fields (a {@code spec}, a run's {@code info}) gets them too; what is left goes where
   * {@link #find} finds it.
   */
  void place(ObjectNode entity, String type, ObjectNode source) {
    Set<String> placed = new HashSet<>();
    source.fields().forEachRemaining(f -> types.field(type, f.getKey()).ifPresent(d -> {
      JsonNode p = project(f.getValue(), d.type());
      if (p != null) {
        entity.set(f.getKey(), p);
        placed.add(f.getKey());
      }
    }));
    for (Types.Field holder : types.fields(type)) {
      if (!types.isObject(holder.type())) {
        continue;
      }
      List<String> covered = new ArrayList<>();
      source.fieldNames().forEachRemaining(n -> {
        if (types.has(holder.type(), n)) {
          covered.add(n);
        }
      });
      if (covered.size() >= 2) {
        ObjectNode into = entity.get(holder.wireName()) instanceof ObjectNode o ? o : Json.object();
        for (String n : covered) {
          JsonNode p = project(source.get(n), types.field(holder.type(), n).get().type());
          if (p != null) {
            into.set(n, p);
            placed.add(n);
          }
        }
        entity.set(holder.wireName(), into);
      }
    }
    source.fields().forEachRemaining(f -> {
      if (!placed.contains(f.getKey())) {
        String path = find(type, f.getKey());
        String t = path == null ? null : typeAt(type, path);
        JsonNode p = t == null ? null : project(f.getValue(), t);
        if (p != null) {
          set(entity, path, p);
        }
      }
    });
  }

  /**
   * Sets what the service sets itself on the resource and on its object fields: creator and
   * times, etag, account, a ready state. On {@code created == false} only what an update changes.
   */
  void serverFields(ObjectNode entity, String type, String user, long now, String accountId, boolean created) {
    serverFields(entity, type, user, now, accountId, created, 0);
  }

  private void serverFields(ObjectNode entity, String type, String user, long now, String accountId, boolean created,
      int depth) {
    for (Types.Field f : types.fields(type)) {
      String n = f.wireName().toLowerCase(Locale.ROOT);
      boolean absent = !entity.hasNonNull(f.wireName());
      JsonNode value = null;
      if (isUpdateTime(n) || (created && absent && isCreateTime(n))) {
        value = time(f.type(), now);
      } else if (n.equals("etag") && types.isText(f.type())) {
        value = Json.MAPPER.getNodeFactory().textNode(Long.toHexString(now) + "-" + Integer.toHexString(entity.hashCode()));
      } else if (f.type().equals("string") && (isUpdater(n) || (created && absent && isCreator(n)))) {
        value = Json.MAPPER.getNodeFactory().textNode(user);
      } else if (created && absent && n.equals("account_id") && f.type().equals("string")) {
        value = Json.MAPPER.getNodeFactory().textNode(accountId);
      } else if (created && absent && types.isEnum(f.type()) && isState(n)) {
        value = ready(f.type());
      } else if (created && absent && n.equals("full_name") && entity.hasNonNull("name")
          && entity.hasNonNull("catalog_name")) {
        value = Json.MAPPER.getNodeFactory().textNode(entity.get("catalog_name").asText()
            + (entity.hasNonNull("schema_name") ? "." + entity.get("schema_name").asText() : "")
            + "." + entity.get("name").asText());
      }
      if (value != null) {
        entity.set(f.wireName(), value);
      }
      boolean statusHolder = n.endsWith("status") || n.endsWith("state");
      if (depth < DEPTH && types.isObject(f.type()) && (entity.get(f.wireName()) instanceof ObjectNode
          || (created && statusHolder && hasState(f.type())))) {
        ObjectNode child = entity.get(f.wireName()) instanceof ObjectNode o ? o : Json.object();
        serverFields(child, f.type(), user, now, accountId, created, depth + 1);
        if (!child.isEmpty()) {
          entity.set(f.wireName(), child);
        }
      }
    }
  }

  /** Whether an object type has a state enum directly (compute_status.state). */
  private boolean hasState(String type) {
    for (Types.Field f : types.fields(type)) {
      if (types.isEnum(f.type()) && isState(f.wireName()) && ready(f.type()) != null) {
        return true;
      }
    }
    return false;
  }

  /** The ready value of a state enum, or null when it has none. */
  JsonNode ready(String enumType) {
    List<String> values = types.enumValues(enumType);
    for (String r : READY) {
      for (String v : values) {
        if (v.equalsIgnoreCase(r)) {
          return Json.MAPPER.getNodeFactory().textNode(v);
        }
      }
    }
    return null;
  }

  JsonNode time(String type, long now) {
    if (Types.isInteger(type)) {
      return Json.MAPPER.getNodeFactory().numberNode(now);
    }
    if (Types.isNumber(type)) {
      return Json.MAPPER.getNodeFactory().numberNode(now / 1000.0);
    }
    return Json.MAPPER.getNodeFactory().textNode(Instant.ofEpochMilli(now).toString());
  }

  static boolean isState(String n) {
    return n.equals("state") || n.equals("status") || n.endsWith("_state") || n.endsWith("_status") || n.equals("ready");
  }

  static boolean isCreateTime(String n) {
    return n.startsWith("creat") && (n.endsWith("_at") || n.contains("time") || n.endsWith("_on") || n.endsWith("date"));
  }

  static boolean isUpdateTime(String n) {
    return (n.startsWith("updat") || n.startsWith("last_updat") || n.startsWith("last_modif") || n.startsWith("modif"))
        && (n.endsWith("_at") || n.contains("time") || n.endsWith("_on"));
  }

  static boolean isCreator(String n) {
    return n.equals("creator") || n.equals("created_by") || n.equals("creator_user_name") || n.equals("creator_name")
        || n.equals("owner") || n.equals("creator_username");
  }

  static boolean isUpdater(String n) {
    return n.equals("updated_by") || n.equals("last_updated_by") || n.equals("modified_by") || n.equals("last_modified_by");
  }
}
