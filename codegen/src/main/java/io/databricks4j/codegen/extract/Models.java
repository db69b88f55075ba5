package io.databricks4j.codegen.extract;

import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import io.databricks4j.codegen.extract.SourceSet.ClassInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads model classes: their fields, annotations and types in our type notation. */
final class Models {
  /** A field of a model class as the official code declares it. */
  record FieldInfo(
      String name,
      Type javaType,
      String jsonProperty,
      String queryParam,
      String header,
      boolean jsonIgnore) {
    String wireName() {
      if (jsonProperty != null) return jsonProperty;
      if (queryParam != null) return queryParam;
      if (header != null) return header;
      return Names.snake(name);
    }
  }

  private final SourceSet sources;
  private final Problems problems;
  private final Map<String, List<FieldInfo>> fieldCache = new LinkedHashMap<>();

  Models(SourceSet sources, Problems problems) {
    this.sources = sources;
    this.problems = problems;
  }

  SourceSet sources() {
    return sources;
  }

  List<FieldInfo> fields(ClassInfo c) {
    return fieldCache.computeIfAbsent(c.fqn(), k -> readFields(c));
  }

  Optional<FieldInfo> field(ClassInfo c, String javaName) {
    return fields(c).stream().filter(f -> f.name().equals(javaName)).findFirst();
  }

  /** The field behind a getter or setter name ({@code getClusterId}, {@code setClusterId}). */
  Optional<FieldInfo> fieldOfAccessor(ClassInfo c, String accessor) {
    String base;
    if (accessor.startsWith("get") || accessor.startsWith("set")) {
      base = accessor.substring(3);
    } else if (accessor.startsWith("is")) {
      base = accessor.substring(2);
    } else {
      return Optional.empty();
    }
    String javaName = Character.toLowerCase(base.charAt(0)) + base.substring(1);
    return field(c, javaName);
  }

  private List<FieldInfo> readFields(ClassInfo c) {
    List<FieldInfo> result = new ArrayList<>();
    for (FieldDeclaration fd : c.decl().getFields()) {
      if (fd.isStatic() || !fd.isPrivate()) {
        continue;
      }
      String json = annotationValue(fd.getAnnotations(), "JsonProperty");
      String query = annotationValue(fd.getAnnotations(), "QueryParam");
      String header = annotationValue(fd.getAnnotations(), "Header");
      boolean ignore = fd.getAnnotationByName("JsonIgnore").isPresent();
      for (VariableDeclarator v : fd.getVariables()) {
        result.add(new FieldInfo(v.getNameAsString(), v.getType(), json, query, header, ignore));
      }
    }
    return result;
  }

  /** True for classes that are models (not services, impls, operation wrappers). */
  boolean isModel(ClassInfo c) {
    String n = c.simpleName();
    if (c.decl().isEnumDeclaration()) return true;
    if (!c.decl().isClassOrInterfaceDeclaration()) return false;
    if (c.decl().asClassOrInterfaceDeclaration().isInterface()) return false;
    return !(n.endsWith("API") || n.endsWith("Impl") || n.endsWith("Service"));
  }

  static List<String[]> enumValues(ClassInfo c) {
    List<String[]> values = new ArrayList<>();
    EnumDeclaration e = c.decl().asEnumDeclaration();
    for (EnumConstantDeclaration k : e.getEntries()) {
      String wire = annotationValue(k.getAnnotations(), "JsonProperty");
      values.add(new String[] {k.getNameAsString(), wire != null ? wire : k.getNameAsString()});
    }
    return values;
  }

  static String annotationValue(List<AnnotationExpr> annotations, String name) {
    for (AnnotationExpr a : annotations) {
      if (a.getNameAsString().equals(name) && a instanceof SingleMemberAnnotationExpr s) {
        Expression v = s.getMemberValue();
        if (v instanceof StringLiteralExpr lit) {
          return lit.asString();
        }
      }
    }
    return null;
  }

  /**
   * Our type notation for a Java type: {@code string}, {@code int64}, {@code list<T>}, {@code
   * map<string,T>}, {@code compute.ClusterSpec}, ... Model classes met on the way are added to
   * {@code reached}.
   */
  String typeOf(Type t, ClassInfo context, Set<String> reached) {
    if (t instanceof PrimitiveType p) {
      return switch (p.getType()) {
        case LONG -> "int64";
        case INT, SHORT, BYTE -> "int32";
        case BOOLEAN -> "boolean";
        case DOUBLE -> "double";
        case FLOAT -> "float";
        case CHAR -> "string";
      };
    }
    if (t.isArrayType()) {
      String component = typeOf(t.asArrayType().getComponentType(), context, reached);
      return component.equals("int32") ? "bytes" : "list<" + component + ">";
    }
    if (!(t instanceof ClassOrInterfaceType c)) {
      problems.add(context.where(), "unsupported type " + t);
      return "any";
    }
    String name = c.getNameWithScope();
    List<Type> args = c.getTypeArguments().map(List::copyOf).orElse(List.of());
    switch (name) {
      case "String", "java.lang.String":
        return "string";
      case "Long", "java.lang.Long":
        return "int64";
      case "Integer", "java.lang.Integer", "Short", "Byte":
        return "int32";
      case "Boolean", "java.lang.Boolean":
        return "boolean";
      case "Double", "java.lang.Double":
        return "double";
      case "Float", "java.lang.Float":
        return "float";
      case "Object", "java.lang.Object", "JsonNode":
        return "any";
      case "Void", "java.lang.Void":
        return "void";
      case "InputStream", "java.io.InputStream":
        return "stream";
      case "Collection", "List", "Set", "Iterable", "java.util.Collection", "java.util.List":
        return "list<" + (args.isEmpty() ? "any" : typeOf(args.get(0), context, reached)) + ">";
      case "Map", "java.util.Map":
        if (args.size() == 2) {
          return "map<" + typeOf(args.get(0), context, reached) + "," + typeOf(args.get(1), context, reached) + ">";
        }
        return "map<string,any>";
      default:
        break;
    }
    String imported = sources.importedName(name, context).orElse(name);
    switch (imported) {
      case "com.google.protobuf.Timestamp":
        return "timestamp";
      case "com.google.protobuf.Duration":
        return "duration";
      case "com.google.protobuf.FieldMask":
        return "field_mask";
      default:
        break;
    }
    Optional<ClassInfo> target = sources.resolve(name, context);
    if (target.isEmpty() || target.get().servicePackage() == null) {
      problems.add(context.where(), "cannot resolve type " + name);
      return "any";
    }
    reached.add(target.get().fqn());
    return Names.ref(target.get());
  }
}
