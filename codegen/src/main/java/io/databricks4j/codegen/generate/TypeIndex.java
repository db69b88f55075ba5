package io.databricks4j.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every model of the description by reference ({@code compute.State}) and the Java type of a type notation. */
final class TypeIndex {
  static final String MODEL_ROOT = "io.databricks4j.service";

  private final Map<String, TypeDef> types = new TreeMap<>();

  TypeIndex(List<PackageDescription> packages) {
    for (PackageDescription p : packages) {
      if (p.types() != null) {
        p.types().forEach((name, t) -> types.put(p.name() + "." + name, t));
      }
    }
  }

  Map<String, TypeDef> all() {
    return types;
  }

  TypeDef get(String ref) {
    TypeDef t = types.get(ref);
    if (t == null) throw new IllegalStateException("unknown type " + ref);
    return t;
  }

  boolean isRef(String notation) {
    return types.containsKey(notation);
  }

  boolean isEnum(String notation) {
    TypeDef t = types.get(notation);
    return t != null && t.kind().equals("enum");
  }

  /** Java package of models of description package {@code pkg}. */
  static String modelPackage(String pkg) {
    return MODEL_ROOT + "." + pkg;
  }

  /** The Java type of a type notation. */
  TypeName typeName(String notation) {
    if (notation.startsWith("list<")) {
      return ParameterizedTypeName.get(ClassName.get(List.class), typeName(inner(notation, 5)));
    }
    if (notation.startsWith("map<")) {
      String[] kv = splitMap(inner(notation, 4));
      return ParameterizedTypeName.get(ClassName.get(Map.class), typeName(kv[0]), typeName(kv[1]));
    }
    return switch (notation) {
      case "string", "timestamp", "duration", "field_mask", "bytes" -> ClassName.get(String.class);
      case "boolean" -> ClassName.get(Boolean.class);
      case "int32" -> ClassName.get(Integer.class);
      case "int64" -> ClassName.get(Long.class);
      case "double" -> ClassName.get(Double.class);
      case "float" -> ClassName.get(Float.class);
      case "any" -> ClassName.OBJECT;
      case "void" -> ClassName.get(Void.class);
      case "stream" -> ClassName.get(java.io.InputStream.class);
      default -> className(notation);
    };
  }

  /** The class of a model reference ({@code compute.State}). */
  ClassName className(String ref) {
    TypeDef t = get(ref);
    return ClassName.get(modelPackage(t.packageName()), t.name());
  }

  private static String inner(String notation, int prefix) {
    return notation.substring(prefix, notation.length() - 1);
  }

  private static String[] splitMap(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') depth++;
      else if (c == '>') depth--;
      else if (c == ',' && depth == 0) return new String[] {s.substring(0, i), s.substring(i + 1)};
    }
    throw new IllegalArgumentException("bad map type " + s);
  }
}
