package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Context;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.internal.http.ApiException;
import io.databricks4j.testkit.internal.http.Call;
import io.databricks4j.testkit.internal.http.Handler;
import io.databricks4j.testkit.internal.http.Reply;
import java.util.List;

/**
 * The settings of {@code .../settings/types/<type>/names/default}: GET answers the setting (its
 * default until set), PATCH sets the fields of {@code setting} (those of {@code field_mask}
 * only, when given), DELETE restores the default. Every change makes a new etag; a request with
 * a stale etag gets 409 RESOURCE_CONFLICT whose details carry the current one, as the service does.
 */
final class SettingsShape {
  private final Context ctx;
  private final Types types;
  private final Shapes shapes;
  private final Store store;

  SettingsShape(Context ctx, Types types, Store store) {
    this.ctx = ctx;
    this.types = types;
    this.shapes = new Shapes(types);
    this.store = store;
  }

  Handler handler(Operation op) {
    return switch (op.verb()) {
      case "GET" -> call -> Reply.json(shapes.projectObject(current(call, op.responseType()), op.responseType()));
      case "DELETE" -> call -> delete(call, op);
      default -> call -> patch(call, op);
    };
  }

  private ObjectNode current(Call call, String type) {
    String key = key(call);
    ObjectNode rec = store.get(key);
    if (rec != null) {
      return (ObjectNode) rec.get("value");
    }
    ObjectNode setting = Json.object("setting_name", "default", "etag", etag());
    for (Types.Field f : types.fields(type)) {
      List<Types.Field> inner = types.fields(f.type());
      if (inner.size() == 1 && inner.get(0).wireName().equals("value") && inner.get(0).type().equals("boolean")) {
        setting.set(f.wireName(), Json.object("value", false));
      }
    }
    store.put(key, "settings", type, setting);
    return setting;
  }

  private Reply patch(Call call, Operation op) {
    String type = op.responseType();
    JsonNode given = call.node("setting");
    if (!(given instanceof ObjectNode setting)) {
      throw ApiException.missing("setting");
    }
    synchronized (store) {
      ObjectNode current = current(call, type);
      checkEtag(call, current, Json.string(setting, "etag"));
      String mask = call.param("field_mask");
      if (mask != null && !mask.isBlank() && !mask.trim().equals("*")) {
        for (String path : mask.split(",")) {
          JsonNode v = Shapes.at(setting, path.trim());
          if (v != null && !v.isMissingNode()) {
            Shapes.set(current, path.trim(), v.deepCopy());
          }
        }
      } else {
        setting.fields().forEachRemaining(f -> {
          if (!f.getKey().equals("etag") && !f.getKey().equals("setting_name")) {
            current.set(f.getKey(), f.getValue().deepCopy());
          }
        });
      }
      current.put("etag", etag());
      store.put(key(call), "settings", type, current);
      return Reply.json(shapes.projectObject(current, type));
    }
  }

  private Reply delete(Call call, Operation op) {
    synchronized (store) {
      String key = key(call);
      ObjectNode rec = store.get(key);
      if (rec != null) {
        checkEtag(call, (ObjectNode) rec.get("value"), call.param("etag"));
        store.remove(key);
      }
      return Reply.json(types.has(op.responseType(), "etag") ? Json.object("etag", etag()) : Json.object());
    }
  }

  private static void checkEtag(Call call, ObjectNode current, String given) {
    if (given != null && !given.isEmpty() && !given.equals(Json.string(current, "etag"))) {
      ObjectNode info = Json.object("@type", "type.googleapis.com/google.rpc.ErrorInfo", "reason", "ETAG_MISMATCH",
          "domain", "settings.databricks.com", "metadata", Json.object("etag", Json.string(current, "etag")));
      throw new ApiException(409, "RESOURCE_CONFLICT", "The setting was changed since etag " + given
          + " was read; read it again and retry with the new etag", Json.array(List.of(info)));
    }
  }

  private String etag() {
    return Long.toString(ctx.ids().next() * 7919 + ctx.now(), 36);
  }

  private static String key(Call call) {
    return "/settings/" + call.operation().path().replace("{account_id}", "account");
  }
}
