package io.databricks4j.codegen.generate;

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

  /**
   * The Java type of a type notation as written in a source of package {@code from}: models of
   * that package by simple name, everything else fully qualified.
   */
  String java(String notation, String from) {
    if (notation.startsWith("list<")) {
      return "java.util.List<" + java(inner(notation, 5), from) + ">";
    }
    if (notation.startsWith("map<")) {
      String[] kv = splitMap(inner(notation, 4));
      return "java.util.Map<" + java(kv[0], from) + ", " + java(kv[1], from) + ">";
    }
    switch (notation) {
      case "string", "timestamp", "duration", "field_mask", "bytes":
        return "String";
      case "boolean":
        return "Boolean";
      case "int32":
        return "Integer";
      case "int64":
        return "Long";
      case "double":
        return "Double";
      case "float":
        return "Float";
      case "any":
        return "Object";
      case "void":
        return "Void";
      case "stream":
        return "java.io.InputStream";
      default:
        break;
    }
    TypeDef t = get(notation);
    String pkg = modelPackage(t.packageName());
    return pkg.equals(from) ? t.name() : pkg + "." + t.name();
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
