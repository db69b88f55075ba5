package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Writes one model: an immutable value with a builder (deserialized through the builder), or an
 * open enum ({@link EnumWriter}). Only body fields carry {@code @JsonProperty}, so serializing a
 * request yields exactly its JSON body; path, query and header fields stay out of it.
 */
final class ModelWriter {
  private final TypeIndex types;
  private final EnumWriter enums = new EnumWriter();

  ModelWriter(TypeIndex types) {
    this.types = types;
  }

  /** Each package module carries its own copy, so no package is split across modules. */
  static ClassName toStringer(String apiPackage) {
    return ClassName.get(TypeIndex.modelPackage(apiPackage) + ".internal", "ToStringer");
  }

  String write(TypeDef t) {
    String pkg = TypeIndex.modelPackage(t.packageName());
    return Poet.source(pkg, t.kind().equals("enum") ? enums.write(t) : writeObject(t));
  }

  private TypeSpec writeObject(TypeDef t) {
    ClassName self = ClassName.get(TypeIndex.modelPackage(t.packageName()), t.name());
    ClassName builder = self.nestedClass("Builder");
    List<Field> fields = Plan.nullSafe(t.fields());
    ClassName visibility = Poet.JSON_AUTO_DETECT.nestedClass("Visibility");
    // only @JsonProperty accessors are JSON: isX() of a query field must not become property "x"
    AnnotationSpec.Builder detect = AnnotationSpec.builder(Poet.JSON_AUTO_DETECT);
    for (String member : List.of("getterVisibility", "isGetterVisibility", "fieldVisibility", "setterVisibility",
        "creatorVisibility")) {
      detect.addMember(member, "$T.NONE", visibility);
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(PUBLIC, FINAL)
        .addJavadoc(Poet.doc("Model {@code " + t.packageName() + "." + t.name() + "}." + requiredDoc(fields)))
        .addAnnotation(Poet.generated())
        .addAnnotation(Poet.annotation(Poet.JSON_DESERIALIZE, "builder = $T.class", builder))
        .addAnnotation(detect.build());
    for (Field f : fields) type.addField(types.typeName(f.type()), f.name(), PRIVATE, FINAL);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(PRIVATE).addParameter(builder, "b");
    for (Field f : fields) ctor.addStatement("this.$N = b.$N", f.name(), f.name());
    type.addMethod(ctor.build());
    type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(PUBLIC, STATIC).returns(builder)
        .addJavadoc("A new, empty builder.").addStatement("return new $T()", builder).build());
    type.addMethod(MethodSpec.methodBuilder("toBuilder").addModifiers(PUBLIC).returns(builder)
        .addJavadoc("A builder holding the values of this one.").addStatement("return new $T(this)", builder).build());
    for (Field f : fields) {
      MethodSpec.Builder get = MethodSpec.methodBuilder(f.name()).addModifiers(PUBLIC)
          .returns(types.typeName(f.type())).addJavadoc(Poet.doc(fieldDoc(f)))
          .addStatement("return $N", f.name());
      if (f.isJson()) get.addAnnotation(Poet.annotation(Poet.JSON_PROPERTY, "$S", f.wireName()));
      type.addMethod(get.build());
    }
    type.addMethod(equalsMethod(self, fields));
    type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(TypeName.INT)
        .addStatement("return $T.hash($L)", Objects.class,
            CodeBlock.join(fields.stream().map(f -> CodeBlock.of("$N", f.name())).toList(), ",$W"))
        .build());
    type.addMethod(toStringMethod(t, fields));
    type.addType(builderType(self, builder, fields));
    return type.build();
  }

  private static MethodSpec equalsMethod(ClassName self, List<Field> fields) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
        .addStatement("if (this == o) return true")
        .addStatement("if (!(o instanceof $T)) return false", self);
    if (fields.isEmpty()) return m.addStatement("return true").build();
    m.addStatement("$T that = ($T) o", self, self);
    CodeBlock.Builder all = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      String n = fields.get(i).name();
      all.add(i == 0 ? "" : "\n&& ").add("$T.equals(this.$N, that.$N)", Objects.class, n, n);
    }
    return m.addStatement("return $L", all.build()).build();
  }

  private static MethodSpec toStringMethod(TypeDef t, List<Field> fields) {
    CodeBlock.Builder b = CodeBlock.builder().add("return new $T($S)", toStringer(t.packageName()), t.name());
    for (Field f : fields) b.add("\n.$L($S, $N)", f.sensitive() ? "addSensitive" : "add", f.name(), f.name());
    b.add("\n.toString()");
    return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(String.class).addStatement(b.build()).build();
  }

  private TypeSpec builderType(ClassName self, ClassName builder, List<Field> fields) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder).addModifiers(PUBLIC, STATIC, FINAL)
        .addJavadoc("Builder of {@link $L}.", self.simpleName())
        .addAnnotation(Poet.annotation(Poet.JSON_POJO_BUILDER, "withPrefix = $S", ""))
        .addAnnotation(Poet.annotation(Poet.JSON_IGNORE_PROPERTIES, "ignoreUnknown = true"));
    for (Field f : fields) type.addField(FieldSpec.builder(types.typeName(f.type()), f.name(), PRIVATE).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    MethodSpec.Builder copy = MethodSpec.constructorBuilder().addModifiers(PRIVATE).addParameter(self, "o");
    for (Field f : fields) copy.addStatement("this.$N = o.$N", f.name(), f.name());
    type.addMethod(copy.build());
    for (Field f : fields) {
      MethodSpec.Builder set = MethodSpec.methodBuilder(f.name()).addModifiers(PUBLIC).returns(builder)
          .addJavadoc(Poet.doc(fieldDoc(f)))
          .addAnnotation(f.isJson() ? Poet.annotation(Poet.JSON_PROPERTY, "$S", f.wireName())
              : AnnotationSpec.builder(Poet.JSON_IGNORE).build())
          .addParameter(types.typeName(f.type()), f.name());
      String n = f.name();
      if (f.type().startsWith("list<")) {
        set.addStatement("this.$N = $N == null$W? null$W: $T.unmodifiableList(new $T<>($N))", n, n,
            Collections.class, ArrayList.class, n);
      } else if (f.type().startsWith("map<")) {
        set.addStatement("this.$N = $N == null$W? null$W: $T.unmodifiableMap(new $T<>($N))", n, n,
            Collections.class, LinkedHashMap.class, n);
      } else {
        set.addStatement("this.$N = $N", n, n);
      }
      type.addMethod(set.addStatement("return this").build());
    }
    type.addMethod(MethodSpec.methodBuilder("build").addModifiers(PUBLIC).returns(self)
        .addJavadoc("The value.").addStatement("return new $T(this)", self).build());
    return type.build();
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
      if (v.size() <= 12) b.append(": one of ").append(String.join(", ", v)).append(", or a value added later");
    }
    return b.append('.').toString();
  }

  private static String requiredDoc(List<Field> fields) {
    List<String> req = fields.stream().filter(Field::required).map(f -> "{@code " + Src.doc(f.wireName()) + "}").toList();
    return req.isEmpty() ? "" : " Required: " + String.join(", ", req) + ".";
  }
}
