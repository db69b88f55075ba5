package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests the coverage probe sends: every path parameter and required field set, the scalar
 * fields of the body set, values valid for the types of the description, names unique.
 */
final class Samples {
  /** A request: its path parameters, query and JSON body. */
  record Request(Map<String, String> path, Map<String, List<String>> query, ObjectNode body) {
  }

  private final Types types;
  private final AtomicInteger n = new AtomicInteger();

  Samples(Types types) {
    this.types = types;
  }

  /** A request of {@code op}; {@code known} values (fixtures, keys of live resources) win by wire name. */
  Request request(Operation op, Map<String, String> known) {
    Map<String, String> path = new LinkedHashMap<>();
    for (Operation.PathParam p : op.pathParams()) {
      path.put(p.name(), known.getOrDefault(p.name(), unique()));
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (JsonNode q : op.spec().path("query_params")) {
      String name = q.path("name").asText();
      if (known.containsKey(name)) {
        query.put(name, List.of(known.get(name)));
      } else if (op.required().contains(name)) {
        String type = q.path("type").asText("string");
        JsonNode v = scalar(name, type);
        query.put(name, List.of(v == null ? unique() : v.asText()));
      }
    }
    ObjectNode body = Json.object();
    JsonNode spec = op.spec().path("body");
    String kind = spec.path("kind").asText("none");
    if (kind.equals("field")) {
      body = object(spec.path("type").asText(), known);
    } else if (kind.equals("json") && op.requestType() != null) {
      for (JsonNode f : spec.path("fields")) {
        String name = f.asText();
        Types.Field field = types.allFields(op.requestType()).stream().filter(x -> x.wireName().equals(name))
            .findFirst().orElse(null);
        if (field == null) {
          continue;
        }
        JsonNode v = known.containsKey(name) ? typed(known.get(name), field.type())
            : types.isObject(field.type()) ? object(field.type(), known)
            : value(name, field.type(), op.required().contains(name), known);
        if (v != null) {
          body.set(name, v);
        }
      }
    }
    return new Request(path, query, body);
  }

  /** An object with its scalar fields set and its object fields left out. */
  ObjectNode object(String type, Map<String, String> known) {
    ObjectNode out = Json.object();
    for (Types.Field f : types.fields(type)) {
      JsonNode v = known.containsKey(f.wireName()) ? typed(known.get(f.wireName()), f.type())
          : value(f.wireName(), f.type(), f.required(), known);
      if (v != null) {
        out.set(f.wireName(), v);
      }
    }
    return out;
  }

  private JsonNode value(String name, String type, boolean required, Map<String, String> known) {
    if (name.equals("access_control_list") && Types.isList(type) && types.isObject(Types.inner(type))) {
      String level = types.field(Types.inner(type), "permission_level").map(Types.Field::type).orElse(null);
      List<String> levels = types.enumValues(level);
      ObjectNode entry = Json.object("user_name", "probe@example.com");
      if (!levels.isEmpty()) {
        entry.put("permission_level", levels.get(0));
      }
      return Json.array(List.of(entry));
    }
    if (types.isObject(type)) {
      return required ? object(type, known) : null;
    }
    if (Types.isList(type) || Types.isMap(type)) {
      return required ? (Types.isList(type) ? Json.array() : Json.object()) : null;
    }
    return scalar(name, type);
  }

  private JsonNode scalar(String name, String type) {
    if (name.equals("update_mask") || name.equals("field_mask")) {
      return Json.MAPPER.getNodeFactory().textNode("*");
    }
    if (name.equals("page_token") || name.endsWith("_token") || name.equals("etag") || name.equals("new_name")) {
      return null;
    }
    if (types.isEnum(type)) {
      List<String> values = types.enumValues(type);
      return values.isEmpty() ? null : Json.MAPPER.getNodeFactory().textNode(values.get(0));
    }
    return switch (type) {
      case "string" -> Json.MAPPER.getNodeFactory().textNode(unique());
      case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(false);
      case "int32", "int64" -> Json.MAPPER.getNodeFactory().numberNode(name.contains("size") || name.contains("max") ? 10 : 1);
      case "double", "float" -> Json.MAPPER.getNodeFactory().numberNode(1.5);
      case "timestamp" -> Json.MAPPER.getNodeFactory().textNode("2025-01-01T00:00:00Z");
      case "duration" -> Json.MAPPER.getNodeFactory().textNode("60s");
      default -> null;
    };
  }

  private JsonNode typed(String value, String type) {
    if (Types.isNumber(type) && value.matches("-?\\d+")) {
      return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(value));
    }
    if (Types.isList(type)) {
      List<JsonNode> one = new ArrayList<>();
      one.add(Json.MAPPER.getNodeFactory().textNode(value));
      return Json.array(one);
    }
    return Json.MAPPER.getNodeFactory().textNode(value);
  }

  String unique() {
    return "tk" + n.incrementAndGet();
  }
}
