package io.databricks4j.testkit.internal.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types of the API description in the notation of codegen/README.md: scalars ({@code string},
 * {@code int64}, {@code timestamp}, ...), {@code list<T>}, {@code map<string,T>} and model
 * references ({@code apps.App}) that are objects or enums.
 */
public final class Types {
  /** A JSON field of an object type. */
  public record Field(String wireName, String type, boolean required) {
  }

  private final Map<String, JsonNode> defs;
  private final Map<String, List<Field>> fields = new ConcurrentHashMap<>();

  public Types(Map<String, JsonNode> defs) {
    this.defs = defs;
  }

  public boolean isObject(String type) {
    JsonNode d = type == null ? null : defs.get(type);
    return d != null && "object".equals(d.path("kind").asText());
  }

  public boolean isEnum(String type) {
    JsonNode d = type == null ? null : defs.get(type);
    return d != null && "enum".equals(d.path("kind").asText());
  }

  public static boolean isList(String type) {
    return type != null && type.startsWith("list<");
  }

  public static boolean isMap(String type) {
    return type != null && type.startsWith("map<");
  }

  /** The element type of {@code list<T>} or the value type of {@code map<string,T>}. */
  public static String inner(String type) {
    if (isList(type)) {
      return type.substring(5, type.length() - 1);
    }
    if (isMap(type)) {
      return type.substring(type.indexOf(',') + 1, type.length() - 1).trim();
    }
    return type;
  }

  public static boolean isNumber(String type) {
    return switch (type) {
      case "int32", "int64", "double", "float" -> true;
      default -> false;
    };
  }

  public static boolean isInteger(String type) {
    return type.equals("int32") || type.equals("int64");
  }

  /** Whether the type is carried as a JSON string: strings, timestamps, durations, field masks, enums. */
  public boolean isText(String type) {
    return switch (type) {
      case "string", "timestamp", "duration", "field_mask", "bytes" -> true;
      default -> isEnum(type);
    };
  }

  /** The JSON fields of an object type (body fields, and query fields that are JSON properties too). */
  public List<Field> fields(String type) {
    if (!isObject(type)) {
      return List.of();
    }
    return fields.computeIfAbsent(type, t -> {
      List<Field> out = new ArrayList<>();
      for (JsonNode f : defs.get(t).path("fields")) {
        String location = f.path("location").asText("body");
        if (location.equals("body") || f.path("also_json").asBoolean(false)) {
          out.add(new Field(f.path("wire_name").asText(), f.path("type").asText(), f.path("required").asBoolean(false)));
        }
      }
      return List.copyOf(out);
    });
  }

  /** Every field of an object type whatever its location (path, query, body). */
  public List<Field> allFields(String type) {
    List<Field> out = new ArrayList<>();
    if (isObject(type)) {
      for (JsonNode f : defs.get(type).path("fields")) {
        out.add(new Field(f.path("wire_name").asText(), f.path("type").asText(), f.path("required").asBoolean(false)));
      }
    }
    return out;
  }

  public Optional<Field> field(String type, String wireName) {
    for (Field f : fields(type)) {
      if (f.wireName().equals(wireName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public boolean has(String type, String wireName) {
    return field(type, wireName).isPresent();
  }

  /** The wire values of an enum type. */
  public List<String> enumValues(String type) {
    List<String> out = new ArrayList<>();
    if (isEnum(type)) {
      defs.get(type).path("values").forEach(v -> out.add(v.path("wire").asText()));
    }
    return out;
  }

  /**
   * The type a response wraps: {@code GetExperimentResponse {experiment: Experiment}} wraps
   * {@code ml.Experiment} in {@code experiment}; null when the type is not such a wrapper.
   */
  public Field wrapped(String type) {
    List<Field> fs = fields(type);
    if (fs.size() == 1 && isObject(fs.get(0).type())) {
      return fs.get(0);
    }
    return null;
  }

  /** The type itself, or the one it wraps. */
  public String unwrap(String type) {
    Field w = wrapped(type);
    return w == null ? type : w.type();
  }
}
