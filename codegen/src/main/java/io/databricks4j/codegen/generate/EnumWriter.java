package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.databricks4j.codegen.model.ApiModel.EnumValue;
import io.databricks4j.codegen.model.ApiModel.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes an open enum: a final class with one constant per known value, {@code of(String)} for
 * any value (a value the service added after this SDK was generated survives a read and a write),
 * {@code value()} for the wire value, and {@code known()}, a nested plain enum {@code Known} to
 * {@code switch} on, empty for a value this SDK does not know.
 *
 * <p>{@code UNKNOWN} is a real value of several enums, so no constant may stand for "not known";
 * that is what the empty {@code known()} says. Known values are one instance each, so {@code ==}
 * against a constant works as {@code equals} does.
 */
final class EnumWriter {
  TypeSpec write(TypeDef t) {
    ClassName self = ClassName.get(TypeIndex.modelPackage(t.packageName()), t.name());
    ClassName known = self.nestedClass("Known");
    List<String> wires = new ArrayList<>();
    for (EnumValue v : t.values()) wires.add("{@code " + Src.doc(v.wire()) + "}");
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(PUBLIC, FINAL)
        .addJavadoc(Poet.doc(
            "Enum {@code " + t.packageName() + "." + t.name() + "}: " + String.join(", ", wires) + ", or a value",
            "added to the API later, which is kept as it was read. Compare with {@code equals}; {@code switch} on",
            "{@link #known()}."))
        .addAnnotation(Poet.generated());
    for (EnumValue v : t.values()) {
      type.addField(FieldSpec.builder(self, v.name(), PUBLIC, STATIC, FINAL)
          .initializer("new $T($S,$W$T.$N)", self, v.wire(), known, v.name()).build());
    }
    CodeBlock.Builder all = CodeBlock.builder();
    for (int i = 0; i < t.values().size(); i++) all.add(i == 0 ? "$N" : ",$W$N", t.values().get(i).name());
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), self), "values",
        PRIVATE, STATIC, FINAL).initializer("$T.of($L)", List.class, all.build()).build());
    TypeName byValueType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), self);
    type.addField(FieldSpec.builder(byValueType, "byValue", PRIVATE, STATIC, FINAL)
        .initializer("values.stream()$Z.collect($T.toUnmodifiableMap($T::value, v -> v))", Collectors.class, self).build());
    type.addField(String.class, "value", PRIVATE, FINAL);
    type.addField(known, "known", PRIVATE, FINAL);

    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE)
        .addParameter(String.class, "value").addParameter(known, "known")
        .addStatement("this.value = value").addStatement("this.known = known").build());
    type.addMethod(MethodSpec.methodBuilder("of").addModifiers(PUBLIC, STATIC).returns(self)
        .addJavadoc("The value {@code value}: a constant when it is known, else a new value that keeps it.")
        .addAnnotation(Poet.annotation(Poet.JSON_CREATOR, "mode = $T.Mode.DELEGATING", Poet.JSON_CREATOR))
        .addParameter(String.class, "value")
        .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
        .addStatement("$T found = byValue.get(value)", self)
        .addStatement("return found != null$W? found$W: new $T(value, null)", self).build());
    type.addMethod(MethodSpec.methodBuilder("value").addModifiers(PUBLIC).returns(String.class)
        .addJavadoc("The value on the wire.").addAnnotation(Poet.JSON_VALUE)
        .addStatement("return value").build());
    type.addMethod(MethodSpec.methodBuilder("known").addModifiers(PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), known))
        .addJavadoc(Poet.doc("The value as a {@link Known} constant to {@code switch} on; empty for a value this SDK does not know."))
        .addStatement("return $T.ofNullable(known)", Optional.class).build());
    type.addMethod(MethodSpec.methodBuilder("values").addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), self))
        .addJavadoc("The values this SDK knows, in the order of the API description.")
        .addStatement("return values").build());
    type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
        .addStatement("return this == o$W|| o instanceof $T$W&& (($T) o).value.equals(value)", self, self).build());
    type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(TypeName.INT).addStatement("return value.hashCode()").build());
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(String.class).addJavadoc("The value on the wire, known or not.")
        .addStatement("return value").build());

    TypeSpec.Builder knownType = TypeSpec.enumBuilder(known).addModifiers(PUBLIC)
        .addJavadoc("The values of {@link $L} this SDK knows, for {@code switch}.", t.name());
    for (EnumValue v : t.values()) knownType.addEnumConstant(v.name());
    type.addType(knownType.build());
    return type.build();
  }
}
