package io.databricks4j.service.testing;

import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.FlatParam;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the request of an operation by reflection through the generated builders, from the
 * field types of the description, and says what the request must look like on the wire. Every
 * field of the request is set: strings, numbers, booleans, enums (first constant), lists (one
 * element), maps (one entry); nested objects are empty, except the leaves a flattened query
 * parameter names and the fields of an object that is the whole body.
 *
 */
public final class WireRequests {
  /** Every string: a slash (DBFS paths must be absolute) and characters a query must encode. */
  public static final String STRING = "/s t+&=%?#é";
  public static final byte[] STREAM = "x".getBytes(StandardCharsets.UTF_8);
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  /** A value as the builder takes it and as JSON carries it (enums by wire value, models as maps). */
  public record Value(Object java, Object json) {}

  /**
   * A request and how it must look on the wire; {@code body} is JSON (maps, lists, scalars), bytes
   * or null. {@code defects}: what the description gets wrong for this operation.
   */
  public record Expected(Object request, String path, Map<String, List<String>> query, Object body, List<String> defects) {}

  private final Map<String, TypeDef> types = new HashMap<>();
  private final String accountId;

  public WireRequests(List<PackageDescription> packages, String accountId) {
    for (PackageDescription p : packages) {
      if (p.types() != null) p.types().forEach((name, t) -> types.put(p.name() + "." + name, t));
    }
    this.accountId = accountId;
  }

  public boolean isModel(String notation) {
    return types.containsKey(notation);
  }

  public Class<?> javaClass(String ref) {
    TypeDef t = types.get(ref);
    try {
      return Class.forName("io.databricks4j.service." + t.packageName() + "." + t.name());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no model class for " + ref, e);
    }
  }

  public Expected build(Operation o) {
    if (o.requestType() == null) return new Expected(null, path(o, Map.of()), Map.of(), null, List.of());
    if (!isModel(o.requestType())) {
      Map<String, String> map = Map.of("k", STRING);
      return new Expected(map, path(o, Map.of()), Map.of(), map, List.of());
    }
    Map<String, Value> byWire = new LinkedHashMap<>();
    Object builder = builder(o.requestType());
    int pathIndex = 0;
    for (Field f : fields(o.requestType())) {
      PathParam pp = list(o.pathParams()).stream().filter(p -> p.name().equals(f.wireName())).findFirst().orElse(null);
      Param qp = list(o.queryParams()).stream().filter(p -> p.field().equals(f.name())).findFirst().orElse(null);
      Value v;
      if (pp != null) {
        v = pathValue(f.type(), pp.multiSegment(), pathIndex++);
      } else if (qp != null && qp.flattened() != null && !qp.flattened().isEmpty()) {
        v = flattened(f.type(), qp.name(), qp.flattened());
      } else if (o.body() != null && "field".equals(o.body().kind()) && f.wireName().equals(o.body().field())) {
        v = value(f.type(), true);
      } else {
        v = value(f.type(), false);
      }
      set(builder, f, v.java());
      byWire.put(f.wireName(), v);
    }
    Object request = invoke(builder, "build");
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Param q : list(o.queryParams())) {
      Value v = byWire.get(q.name());
      if (v != null) flatten(q.name(), v.json(), query);
    }
    List<String> defects = new ArrayList<>();
    for (PathParam p : list(o.pathParams())) {
      if (isModel(p.type()) && types.get(p.type()).kind().equals("object")) {
        defects.add("path parameter " + p.name() + " has the model type " + p.type() + ", so the model's toString() goes in the path");
      }
    }
    return new Expected(request, path(o, byWire), query, body(o, byWire), defects);
  }

  private Object body(Operation o, Map<String, Value> byWire) {
    if (o.body() == null) return null;
    return switch (o.body().kind()) {
      case "json" -> {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String wire : list(o.body().fields())) {
          if (byWire.containsKey(wire)) json.put(wire, byWire.get(wire).json());
        }
        yield json;
      }
      case "field" -> byWire.get(o.body().field()).json();
      case "stream" -> STREAM;
      default -> throw new IllegalStateException("body kind " + o.body().kind());
    };
  }

  /** The path template with every parameter filled and percent-encoded (per segment for whole paths). */
  private String path(Operation o, Map<String, Value> byWire) {
    Matcher m = PARAM.matcher(o.path() == null ? "" : o.path());
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      PathParam p = list(o.pathParams()).stream().filter(x -> x.name().equals(m.group(1))).findFirst().orElseThrow();
      String raw = p.source().equals("config") ? accountId : text(byWire.get(p.name()));
      String encoded = String.join("/", Arrays.stream(raw.split("/", -1)).map(WireRequests::encode).toList());
      m.appendReplacement(b, Matcher.quoteReplacement(encoded));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String text(Value v) {
    return v.json() instanceof String s ? s : String.valueOf(v.java());
  }

  /** RFC 3986: everything but unreserved characters is percent-encoded. */
  public static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c & 0xff));
      }
    }
    return b.toString();
  }

  /** A path value that needs encoding: a space, reserved characters; a whole path keeps its slashes. */
  private Value pathValue(String type, boolean multiSegment, int index) {
    if (type.equals("string")) {
      String s = multiSegment ? "/Volumes/c s/v/f+&=%?#é;@ " + index + ".txt" : "a b+&=%?#é;:@" + index;
      return new Value(s, s);
    }
    return value(type, false);
  }

  public Value value(String type, boolean fill) {
    if (type.startsWith("list<")) {
      Value v = value(type.substring(5, type.length() - 1), false);
      return new Value(List.of(v.java()), List.of(v.json()));
    }
    if (type.startsWith("map<")) {
      Value v = value(type.substring(type.indexOf(',') + 1, type.length() - 1), false);
      return new Value(Map.of("k", v.java()), Map.of("k", v.json()));
    }
    return switch (type) {
      case "string", "timestamp", "duration", "field_mask", "bytes", "any" -> new Value(STRING, STRING);
      case "boolean" -> new Value(true, true);
      case "int32" -> new Value(7, 7);
      case "int64" -> new Value(7L, 7L);
      case "double" -> new Value(7.5d, 7.5d);
      case "float" -> new Value(7.5f, 7.5f);
      case "stream" -> new Value(new ByteArrayInputStream(STREAM), null);
      default -> model(type, fill);
    };
  }

  private Value model(String ref, boolean fill) {
    TypeDef t = types.get(ref);
    if (t == null) throw new IllegalStateException("unknown type " + ref);
    if (t.kind().equals("enum")) {
      String wire = t.values().get(0).wire();
      return new Value(invokeStatic(javaClass(ref), "of", wire), wire);
    }
    Object builder = builder(ref);
    Map<String, Object> json = new LinkedHashMap<>();
    if (fill) {
      for (Field f : fields(ref)) {
        Value v = value(f.type(), false);
        set(builder, f, v.java());
        if (f.isJson()) json.put(f.wireName(), v.json());
      }
    }
    return new Value(invoke(builder, "build"), json);
  }

  /** An object query value with exactly the leaves the description flattens it to. */
  private Value flattened(String type, String prefix, List<FlatParam> leaves) {
    if (type.startsWith("list<")) {
      Value v = flattened(type.substring(5, type.length() - 1), prefix, leaves);
      return new Value(List.of(v.java()), List.of(v.json()));
    }
    Object builder = builder(type);
    Map<String, Object> json = new LinkedHashMap<>();
    for (Field f : fields(type)) {
      String key = prefix + "." + f.wireName();
      Value v;
      if (leaves.stream().anyMatch(l -> l.name().equals(key))) {
        v = value(f.type(), false);
      } else if (leaves.stream().anyMatch(l -> l.name().startsWith(key + "."))) {
        v = flattened(f.type(), key, leaves);
      } else {
        continue;
      }
      set(builder, f, v.java());
      json.put(f.wireName(), v.json());
    }
    return new Value(invoke(builder, "build"), json);
  }

  /** A JSON value as query parameters: objects flattened with dots, lists repeated, numbers plain. */
  public static void flatten(String name, Object json, Map<String, List<String>> out) {
    if (json == null) return;
    if (json instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(name + "." + k, v, out));
    } else if (json instanceof List<?> l) {
      l.forEach(v -> flatten(name, v, out));
    } else {
      String s = json instanceof Double || json instanceof Float
          ? new BigDecimal(json.toString()).stripTrailingZeros().toPlainString() : json.toString();
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    }
  }

  private List<Field> fields(String ref) {
    return list(types.get(ref).fields());
  }

  private Object builder(String ref) {
    try {
      return javaClass(ref).getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no builder on " + ref, e);
    }
  }

  private static void set(Object builder, Field f, Object value) {
    for (Method m : builder.getClass().getMethods()) {
      if (m.getName().equals(f.name()) && m.getParameterCount() == 1) {
        try {
          m.invoke(builder, value);
          return;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
          throw new IllegalStateException("cannot set " + f.name() + " (" + f.type() + ") on " + builder.getClass().getName(), e);
        }
      }
    }
    throw new IllegalStateException("no setter " + f.name() + " on " + builder.getClass().getName());
  }

  private static Object invoke(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(method + "() of " + target.getClass().getName(), e);
    }
  }

  private static Object invokeStatic(Class<?> type, String method, String arg) {
    try {
      return type.getMethod(method, String.class).invoke(null, arg);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(method + "(String) of " + type.getName(), e);
    }
  }

  public static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
