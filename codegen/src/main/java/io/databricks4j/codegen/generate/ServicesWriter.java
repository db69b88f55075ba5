package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.databricks4j.codegen.model.ApiModel.Service;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes {@code WorkspaceServices} / {@code AccountServices}: one lazy, thread-safe accessor per
 * top-level service; a service passed in {@code overrides} (a mock) wins.
 */
final class ServicesWriter {
  /** Names the hand-written clients use; a service accessor must not take them. */
  private static final Set<String> RESERVED = Set.of("config", "apiClient", "close", "toString",
      "hashCode", "equals", "getClass", "builder", "create", "workspaceClient", "service");

  private final Plan plan;

  ServicesWriter(Plan plan) {
    this.plan = plan;
  }

  String write(String level, String pkg, String className) {
    ClassName self = ClassName.get(pkg, className);
    TypeName anyClass = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(PUBLIC, ABSTRACT)
        .addJavadoc(Poet.doc("The " + level + " services: one accessor each, made on first use and cached. Building",
            "an instance makes no request and builds no proxy. A service found in {@code overrides} (a mock,",
            "keyed by its class) is handed out instead of the real one."))
        .addAnnotation(Poet.generated())
        .addField(Poet.API_CLIENT, "api", PRIVATE, FINAL)
        .addField(ParameterizedTypeName.get(ClassName.get(Map.class), anyClass, ClassName.OBJECT), "overrides", PRIVATE, FINAL)
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(ConcurrentHashMap.class), anyClass, ClassName.OBJECT),
            "services", PRIVATE, FINAL).initializer("new $T<>()", ConcurrentHashMap.class).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PROTECTED)
            .addParameter(Poet.API_CLIENT, "api")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), anyClass, ClassName.OBJECT), "overrides")
            .addStatement("this.api = $T.requireNonNull(api, $S)", Objects.class, "api")
            .addStatement("this.overrides = $T.copyOf(overrides)", Map.class).build());
    List<Service> top = plan.generated(level).stream().filter(x -> x.parent() == null).toList();
    for (Service svc : top) {
      if (RESERVED.contains(svc.accessor())) {
        throw new IllegalStateException("accessor " + svc.accessor() + " of " + Plan.key(svc) + " is reserved");
      }
      ClassName service = plan.accessorClass(svc);
      boolean subs = !Plan.nullSafe(svc.subServices()).isEmpty();
      MethodSpec.Builder m = MethodSpec.methodBuilder(svc.accessor()).addModifiers(PUBLIC).returns(service)
          .addJavadoc(Poet.doc("Service {@code " + Plan.key(svc) + "}.", "",
              "@see <a href=\"https://docs.databricks.com/api/" + level + "/" + svc.name().toLowerCase() + "\">REST API reference</a>"));
      String create = subs ? "service($T.class, () -> new $T(api, overrides))" : "service($T.class, () -> new $T(api))";
      if (level.equals("workspace")) {
        // the package modules are optional dependencies of the client: say which one is missing
        m.beginControlFlow("try")
            .addStatement("return " + create, service, service)
            .nextControlFlow("catch ($T e)", NoClassDefFoundError.class)
            .addStatement("throw missing($S, $S, e)", svc.accessor(), svc.packageName())
            .endControlFlow();
      } else {
        m.addStatement("return " + create, service, service);
      }
      type.addMethod(m.build());
    }
    if (level.equals("workspace")) type.addMethod(missing());
    TypeVariableName t = TypeVariableName.get("T");
    type.addMethod(MethodSpec.methodBuilder("service").addModifiers(PRIVATE).addTypeVariable(t).returns(t)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class), t), "factory")
        .addStatement("Object o = overrides.get(type)")
        .addStatement("if (o != null) return type.cast(o)")
        .addStatement("return type.cast(services.computeIfAbsent(type, k -> factory.get()))").build());
    return Poet.source(pkg, type.build());
  }

  /** The error of an accessor whose package module is not on the class path. */
  private static MethodSpec missing() {
    return MethodSpec.methodBuilder("missing").addModifiers(PRIVATE, STATIC).returns(RuntimeException.class)
        .addJavadoc("The error of an accessor whose package module is not on the class path.")
        .addParameter(String.class, "accessor").addParameter(String.class, "apiPackage")
        .addParameter(NoClassDefFoundError.class, "e")
        .addStatement("String missing = e.getMessage() == null ? $S : e.getMessage()", "")
        .addStatement("if (!missing.startsWith($S + apiPackage + $S)\n&& !missing.startsWith($S + apiPackage + $S)) throw e",
            "io/databricks4j/service/", "/", "io/databricks4j/mixin/", "/")
        .addStatement("return new $T(accessor + $S + apiPackage\n+ $S\n+ $S + missing.replace('/', '.'))",
            Poet.CONFIG_EXCEPTION, "() needs the module io.databricks4j:service-",
            " on the class path: add it next to services-workspace-client, or depend on io.databricks4j:services-workspace",
            " for every service. Missing: ")
        .build();
  }
}
