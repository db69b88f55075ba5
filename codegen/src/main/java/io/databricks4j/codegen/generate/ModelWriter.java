package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.EnumValue;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one model: an immutable value with a builder (deserialized through the builder), or an
 * enum with wire values. Only body fields carry {@code @JsonProperty}, so serializing a request
 * yields exactly its JSON body; path, query and header fields stay out of it.
 */
final class ModelWriter {
  /** Each package module carries its own copy, so no package is split across modules. */
  static String toStringer(String apiPackage) {
    return TypeIndex.modelPackage(apiPackage) + ".internal.ToStringer";
  }
  private static final String JP = "@com.fasterxml.jackson.annotation.JsonProperty";

  private final TypeIndex types;

  ModelWriter(TypeIndex types) {
    this.types = types;
  }

  String write(TypeDef t) {
    return t.kind().equals("enum") ? writeEnum(t) : writeObject(t);
  }

  private String writeEnum(TypeDef t) {
    String pkg = TypeIndex.modelPackage(t.packageName());
    Src s = new Src();
    s.line("package " + pkg + ";").line();
    List<String> wires = new ArrayList<>();
    for (EnumValue v : t.values()) wires.add("{@code " + Src.doc(v.wire()) + "}");
    s.javadoc("Enum {@code " + t.packageName() + "." + t.name() + "}. Wire values: " + String.join(", ", wires) + ".");
    s.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    s.open("public enum " + t.name() + " {");
    for (int i = 0; i < t.values().size(); i++) {
      EnumValue v = t.values().get(i);
      String end = i == t.values().size() - 1 ? ";" : ",";
      s.line(JP + "(" + Src.str(v.wire()) + ")");
      s.line(v.name() + "(" + Src.str(v.wire()) + ")" + end);
    }
    s.line();
    s.line("private final String wireValue;").line();
    s.open(t.name() + "(String wireValue) {");
    s.line("this.wireValue = wireValue;");
    s.close("}").line();
    s.javadoc("The value on the wire.");
    s.open("public String wireValue() {");
    s.line("return wireValue;");
    s.close("}");
    s.close("}");
    return s.toString();
  }

  private String writeObject(TypeDef t) {
    String pkg = TypeIndex.modelPackage(t.packageName());
    String name = t.name();
    List<Field> fields = t.fields() == null ? List.of() : t.fields();
    Src s = new Src();
    s.line("package " + pkg + ";").line();
    s.javadoc("Model {@code " + t.packageName() + "." + name + "}." + requiredDoc(fields));
    s.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    s.line("@com.fasterxml.jackson.databind.annotation.JsonDeserialize(builder = " + name + ".Builder.class)");
    // only @JsonProperty accessors are JSON: isX() of a query field must not become property "x"
    String none = "com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE";
    s.line("@com.fasterxml.jackson.annotation.JsonAutoDetect(getterVisibility = " + none + ", isGetterVisibility = " + none
        + ",\n    fieldVisibility = " + none + ", setterVisibility = " + none + ", creatorVisibility = " + none + ")");
    s.open("public final class " + name + " {");
    for (Field f : fields) {
      s.line("private final " + types.java(f.type(), pkg) + " " + f.name() + ";");
    }
    if (!fields.isEmpty()) s.line();
    s.open("private " + name + "(Builder b) {");
    for (Field f : fields) s.line("this." + f.name() + " = b." + f.name() + ";");
    s.close("}").line();
    s.javadoc("A new, empty builder.");
    s.open("public static Builder builder() {");
    s.line("return new Builder();");
    s.close("}").line();
    s.javadoc("A builder holding the values of this one.");
    s.open("public Builder toBuilder() {");
    s.line("return new Builder(this);");
    s.close("}").line();
    for (Field f : fields) {
      s.javadoc(fieldDoc(f));
      if (f.isJson()) s.line(JP + "(" + Src.str(f.wireName()) + ")");
      s.open("public " + types.java(f.type(), pkg) + " " + f.name() + "() {");
      s.line("return " + f.name() + ";");
      s.close("}").line();
    }
    writeEquals(s, name, fields);
    writeToString(s, t.packageName(), name, fields);
    writeBuilder(s, t, pkg, fields);
    s.close("}");
    return s.toString();
  }

  private void writeEquals(Src s, String name, List<Field> fields) {
    s.line("@Override");
    s.open("public boolean equals(Object o) {");
    s.line("if (this == o) return true;");
    s.line("if (!(o instanceof " + name + ")) return false;");
    if (fields.isEmpty()) {
      s.line("return true;");
    } else {
      s.line(name + " that = (" + name + ") o;");
      List<String> parts = new ArrayList<>();
      for (Field f : fields) parts.add("java.util.Objects.equals(this." + f.name() + ", that." + f.name() + ")");
      s.line("return " + String.join("\n        && ", parts) + ";");
    }
    s.close("}").line();
    s.line("@Override");
    s.open("public int hashCode() {");
    List<String> names = fields.stream().map(Field::name).toList();
    s.line("return java.util.Objects.hash(" + String.join(", ", names) + ");");
    s.close("}").line();
  }

  private static void writeToString(Src s, String apiPackage, String name, List<Field> fields) {
    s.line("@Override");
    s.open("public String toString() {");
    StringBuilder b = new StringBuilder("return new " + toStringer(apiPackage) + "(" + Src.str(name) + ")");
    for (Field f : fields) {
      b.append("\n        .").append(f.sensitive() ? "addSensitive" : "add")
          .append("(").append(Src.str(f.name())).append(", ").append(f.name()).append(")");
    }
    s.line(b + "\n        .toString();");
    s.close("}").line();
  }

  private void writeBuilder(Src s, TypeDef t, String pkg, List<Field> fields) {
    String name = t.name();
    s.javadoc("Builder of {@link " + name + "}.");
    s.line("@com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder(withPrefix = \"\")");
    s.line("@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)");
    s.open("public static final class Builder {");
    for (Field f : fields) s.line("private " + types.java(f.type(), pkg) + " " + f.name() + ";");
    if (!fields.isEmpty()) s.line();
    s.line("private Builder() {}").line();
    s.open("private Builder(" + name + " o) {");
    for (Field f : fields) s.line("this." + f.name() + " = o." + f.name() + ";");
    s.close("}").line();
    for (Field f : fields) {
      String jt = types.java(f.type(), pkg);
      s.javadoc(fieldDoc(f));
      s.line(f.isJson() ? JP + "(" + Src.str(f.wireName()) + ")"
          : "@com.fasterxml.jackson.annotation.JsonIgnore");
      s.open("public Builder " + f.name() + "(" + jt + " " + f.name() + ") {");
      if (f.type().startsWith("list<")) {
        s.line("this." + f.name() + " = " + f.name() + " == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(" + f.name() + "));");
      } else if (f.type().startsWith("map<")) {
        s.line("this." + f.name() + " = " + f.name() + " == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(" + f.name() + "));");
      } else {
        s.line("this." + f.name() + " = " + f.name() + ";");
      }
      s.line("return this;");
      s.close("}").line();
    }
    s.javadoc("The value.");
    s.open("public " + name + " build() {");
    s.line("return new " + name + "(this);");
    s.close("}");
    s.close("}");
  }

  private String fieldDoc(Field f) {
    StringBuilder b = new StringBuilder("{@code " + Src.doc(f.wireName()) + "}");
    List<String> facts = new ArrayList<>();
    if (!f.location().equals("body")) facts.add(f.location());
    if (f.required()) facts.add("required");
    if (f.sensitive()) facts.add("sensitive");
    if (!facts.isEmpty()) b.append(" (").append(String.join(", ", facts)).append(")");
    if (types.isEnum(f.type())) {
      TypeDef e = types.get(f.type());
      List<String> v = e.values().stream().map(x -> Src.doc(x.wire())).toList();
      if (v.size() <= 12) b.append(": one of ").append(String.join(", ", v));
    }
    return b.append('.').toString();
  }

  private static String requiredDoc(List<Field> fields) {
    List<String> req = fields.stream().filter(Field::required).map(f -> "{@code " + Src.doc(f.wireName()) + "}").toList();
    return req.isEmpty() ? "" : " Required: " + String.join(", ", req) + ".";
  }
}
