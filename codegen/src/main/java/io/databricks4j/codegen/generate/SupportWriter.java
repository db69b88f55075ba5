package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small internal helpers the generated classes share, written into each module's internal package. */
final class SupportWriter {
  private SupportWriter() {}

  static String toStringer(String pkg) {
    ClassName self = ClassName.get(pkg, "ToStringer");
    TypeSpec type = TypeSpec.classBuilder(self).addModifiers(PUBLIC, FINAL)
        .addJavadoc(Poet.doc("Builds {@code toString} of models: only set fields, sensitive ones as {@code ***}. Not public API."))
        .addAnnotation(Poet.generated())
        .addField(StringBuilder.class, "b", PRIVATE, FINAL)
        .addField(FieldSpec.builder(TypeName.BOOLEAN, "first", PRIVATE).initializer("true").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PUBLIC).addParameter(String.class, "name")
            .addStatement("b = new $T(name).append('{')", StringBuilder.class).build())
        .addMethod(MethodSpec.methodBuilder("add").addModifiers(PUBLIC).returns(self)
            .addParameter(String.class, "name").addParameter(Object.class, "value")
            .addStatement("return value == null ? this : append(name, $T.valueOf(value))", String.class).build())
        .addMethod(MethodSpec.methodBuilder("addSensitive").addModifiers(PUBLIC).returns(self)
            .addParameter(String.class, "name").addParameter(Object.class, "value")
            .addStatement("return value == null ? this : append(name, $S)", "***").build())
        .addMethod(MethodSpec.methodBuilder("append").addModifiers(PRIVATE).returns(self)
            .addParameter(String.class, "name").addParameter(String.class, "value")
            .addStatement("if (!first) b.append($S)", ", ")
            .addStatement("first = false")
            .addStatement("b.append(name).append('=').append(value)")
            .addStatement("return this").build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(String.class).addStatement("return b.toString() + '}'").build())
        .build();
    return Poet.source(pkg, type);
  }

  static String mappedWait(String pkg) {
    TypeVariableName s = TypeVariableName.get("S");
    TypeVariableName t = TypeVariableName.get("T");
    ClassName self = ClassName.get(pkg, "MappedWait");
    TypeName waitS = ParameterizedTypeName.get(Poet.WAIT, s);
    TypeName waitT = ParameterizedTypeName.get(Poet.WAIT, t);
    TypeName map = ParameterizedTypeName.get(ClassName.get(Function.class), s, t);
    TypeSpec type = TypeSpec.classBuilder(self).addModifiers(PUBLIC, FINAL).addTypeVariable(s).addTypeVariable(t)
        .addSuperinterface(waitT)
        .addJavadoc(Poet.doc("A wait whose polled value is mapped to the result the caller wants (an LRO's decoded "
            + "response). Not public API."))
        .addAnnotation(Poet.generated())
        .addField(waitS, "wait", PRIVATE, FINAL)
        .addField(map, "map", PRIVATE, FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE)
            .addParameter(waitS, "wait").addParameter(map, "map")
            .addStatement("this.wait = wait").addStatement("this.map = map").build())
        .addMethod(MethodSpec.methodBuilder("of").addModifiers(PUBLIC, STATIC).addTypeVariable(s).addTypeVariable(t)
            .returns(waitT).addParameter(waitS, "wait").addParameter(map, "map")
            .addStatement("return new $T<>(wait, map)", self).build())
        .addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(PUBLIC).returns(t)
            .addStatement("return map.apply(wait.get())").build())
        .addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(PUBLIC).returns(t)
            .addParameter(Duration.class, "timeout")
            .addStatement("return map.apply(wait.get(timeout))").build())
        .addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(PUBLIC).returns(t)
            .addJavadoc(Poet.doc("Progress values are the polled ones before they are done, so they are not mapped: "
                + "{@code onProgress} sees none."))
            .addParameter(Duration.class, "timeout")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), t), "onProgress")
            .addStatement("return map.apply(wait.get(timeout))").build())
        .addMethod(MethodSpec.methodBuilder("toFuture").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), t))
            .addStatement("return wait.toFuture().thenApply(map)").build())
        .build();
    return Poet.source(pkg, type);
  }
}
