package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.Pages;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import java.util.List;
import java.util.Map;

/**
 * The answer of an operation in its response type: the resource itself, the resource in a
 * wrapper ({@code {"experiment": {...}}}), or a response built field by field from the resource
 * and the request; and pages of a list in the operation's pagination style.
 */
final class Answers {
  private final Shapes shapes;
  private final Types types;

  Answers(Shapes shapes) {
    this.shapes = shapes;
    this.types = shapes.types();
  }

  /** The response of {@code op} about {@code entity} (may be null) of resource {@code r} (may be null). */
  JsonNode respond(Operation op, ObjectNode entity, Resource r, Call call) {
    String t = op.responseType();
    if (t.equals("void") || (!types.isObject(t) && !Types.isList(t) && !Types.isMap(t))) {
      return Json.object();
    }
    if (Types.isList(t)) {
      return Json.array();
    }
    if (Types.isMap(t)) {
      return Json.object();
    }
    String rt = r == null ? null : r.entityType;
    if (entity != null && t.equals(rt)) {
      return shapes.projectObject(entity, t);
    }
    Types.Field w = types.wrapped(t);
    if (entity != null && w != null && related(w.type(), r)) {
      return Json.object(w.wireName(), shapes.projectObject(entity, w.type()));
    }
    return build(t, entity, r, call);
  }

  /** A response built field by field: from the resource, else from the request. */
  ObjectNode build(String t, ObjectNode entity, Resource r, Call call) {
    ObjectNode out = Json.object();
    for (Types.Field f : types.fields(t)) {
      JsonNode v = entity == null ? null : entity.get(f.wireName());
      if (v == null && entity != null && types.isObject(f.type()) && related(f.type(), r)) {
        v = entity;
      }
      if (v == null && entity != null && r != null && r.entityType != null) {
        String path = shapes.find(r.entityType, f.wireName());
        v = path == null ? null : Shapes.at(entity, path);
      }
      if ((v == null || v.isMissingNode()) && call != null) {
        v = call.body().get(f.wireName());
        if (v == null && types.isText(f.type()) && call.param(f.wireName()) != null) {
          v = Json.MAPPER.getNodeFactory().textNode(call.param(f.wireName()));
        }
      }
      if ((v == null || v.isMissingNode()) && entity != null && r != null && !r.keys.isEmpty()
          && f.wireName().endsWith("_id") && types.fields(t).size() == 1) {
        String keyField = r.keyFields.get(r.keys.get(r.keys.size() - 1));
        v = keyField == null ? null : Shapes.at(entity, keyField);
      }
      JsonNode p = v == null || v.isMissingNode() ? null : shapes.project(v, f.type());
      if (p != null) {
        out.set(f.wireName(), p);
      }
    }
    return out;
  }

  /** Whether a type shows the resource (the resource's type, or one that carries its key fields). */
  boolean related(String type, Resource r) {
    if (r == null || r.entityType == null) {
      return false;
    }
    if (type.equals(r.entityType)) {
      return true;
    }
    boolean any = false;
    for (String f : r.keyFields.values()) {
      if (f == null) {
        continue;
      }
      if (!types.has(type, f.contains(".") ? f.substring(0, f.indexOf('.')) : f)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** One page of {@code items} as the list operation answers it. */
  JsonNode page(Operation op, List<Map.Entry<String, ObjectNode>> items, String itemType, Call call, int pageSize) {
    String t = op.responseType();
    JsonNode pagination = op.spec().path("pagination");
    String style = pagination.path("style").asText(null);
    String itemsField = pagination.path("items_field").asText(null);
    if (itemsField == null) {
      itemsField = listField(t);
    }
    ArrayNode array = Json.array();
    String next = null;
    int total = items.size();
    if ("token".equals(style) || (style == null && types.has(t, "next_page_token"))) {
      String tokenIn = pagination.path("request_token_field").asText("page_token");
      String limitField = pagination.path("limit_field").asText(null);
      long limit = limitField != null ? call.longParam(limitField, 0) : firstLong(call, "page_size", "max_results", "limit");
      Pages.Page<Map.Entry<String, ObjectNode>> page = Pages.after(items,
          e -> Pages.numericKey(e.getValue().path("seq").asLong()), call.param(tokenIn), Pages.size(Math.max(0, limit), pageSize));
      page.items().forEach(e -> add(array, e, itemType));
      next = page.nextToken();
    } else if ("page_number".equals(style)) {
      long size = Pages.size(Math.max(0, firstLong(call, "page_size")), pageSize);
      long first = pagination.path("first_page").asLong(1);
      long pageNo = call.longParam(pagination.path("page_field").asText("page"), first);
      int from = (int) Math.min(items.size(), Math.max(0, (pageNo - first) * size));
      items.subList(from, (int) Math.min(items.size(), from + size)).forEach(e -> add(array, e, itemType));
    } else {
      items.forEach(e -> add(array, e, itemType));
    }
    if (Types.isList(t)) {
      return array;
    }
    ObjectNode out = Json.object();
    if (itemsField != null) {
      out.set(itemsField, array);
    }
    String tokenOut = pagination.path("response_token_field").asText("next_page_token");
    if (next != null && types.has(t, tokenOut)) {
      out.put(tokenOut, next);
    }
    if (types.has(t, "has_more")) {
      out.put("has_more", next != null);
    }
    for (String count : List.of("count", "total_count")) {
      if (types.field(t, count).map(f -> Types.isInteger(f.type())).orElse(false)) {
        out.put(count, total);
      }
    }
    return out;
  }

  private void add(ArrayNode array, Map.Entry<String, ObjectNode> e, String itemType) {
    JsonNode value = e.getValue().get("value");
    array.add(itemType == null || !types.isObject(itemType) ? value : shapes.projectObject(value, itemType));
  }

  /** The item type of a list operation's response. */
  String itemType(Operation op) {
    String declared = op.spec().path("pagination").path("item_type").asText(null);
    if (declared != null) {
      return declared;
    }
    String t = op.responseType();
    if (Types.isList(t)) {
      return Types.inner(t);
    }
    String field = listField(t);
    return field == null ? null : Types.inner(types.field(t, field).get().type());
  }

  /** The list field of a response type that holds the items (the first list of objects). */
  String listField(String t) {
    String any = null;
    for (Types.Field f : types.fields(t)) {
      if (Types.isList(f.type())) {
        if (types.isObject(Types.inner(f.type()))) {
          return f.wireName();
        }
        any = any == null ? f.wireName() : any;
      }
    }
    return any;
  }

  private static long firstLong(Call call, String... names) {
    for (String n : names) {
      String v = call.param(n);
      if (v != null && !v.isEmpty()) {
        try {
          return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
          throw ApiException.invalid("Invalid value for " + n + ": expected an integer, got '" + v + "'");
        }
      }
    }
    return 0;
  }
}
