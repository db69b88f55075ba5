package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Service;
import java.util.List;
import java.util.Set;

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
    Src s = new Src();
    s.line("package " + pkg + ";").line();
    s.javadoc("The " + level + " services: one accessor each, made on first use and cached. Building",
        "an instance makes no request and builds no proxy. A service found in {@code overrides} (a mock,",
        "keyed by its class) is handed out instead of the real one.");
    s.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    s.open("public abstract class " + className + " {");
    s.line("private final " + ServiceWriter.API_CLIENT + " api;");
    s.line("private final java.util.Map<Class<?>, Object> overrides;");
    s.line("private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> services = new java.util.concurrent.ConcurrentHashMap<>();").line();
    s.open("protected " + className + "(" + ServiceWriter.API_CLIENT + " api, java.util.Map<Class<?>, Object> overrides) {");
    s.line("this.api = java.util.Objects.requireNonNull(api, \"api\");");
    s.line("this.overrides = java.util.Map.copyOf(overrides);");
    s.close("}").line();
    List<Service> top = plan.generated(level).stream().filter(x -> x.parent() == null).toList();
    for (Service svc : top) {
      if (RESERVED.contains(svc.accessor())) {
        throw new IllegalStateException("accessor " + svc.accessor() + " of " + Plan.key(svc) + " is reserved");
      }
      String type = plan.accessorClass(svc);
      boolean subs = !Plan.nullSafe(svc.subServices()).isEmpty();
      s.javadoc("Service {@code " + Plan.key(svc) + "}.", "",
          "@see <a href=\"https://docs.databricks.com/api/" + level + "/" + svc.name().toLowerCase() + "\">REST API reference</a>");
      s.open("public " + type + " " + svc.accessor() + "() {");
      String call = "service(" + type + ".class, () -> new " + type + "(api" + (subs ? ", overrides" : "") + "))";
      if (level.equals("workspace")) {
        // the package modules are optional dependencies of the client: say which one is missing
        s.open("try {");
        s.line("return " + call + ";");
        s.reopen("} catch (NoClassDefFoundError e) {");
        s.line("throw missing(\"" + svc.accessor() + "\", \"" + svc.packageName() + "\", e);");
        s.close("}");
      } else {
        s.line("return " + call + ";");
      }
      s.close("}").line();
    }
    if (level.equals("workspace")) {
      s.javadoc("The error of an accessor whose package module is not on the class path.");
      s.open("private static RuntimeException missing(String accessor, String apiPackage, NoClassDefFoundError e) {");
      s.line("String missing = e.getMessage() == null ? \"\" : e.getMessage();");
      s.line("if (!missing.startsWith(\"io/databricks4j/service/\" + apiPackage + \"/\")");
      s.line("    && !missing.startsWith(\"io/databricks4j/mixin/\" + apiPackage + \"/\")) throw e;");
      s.line("return new io.databricks4j.error.ConfigException(accessor + \"() needs the module io.databricks4j:service-\" + apiPackage");
      s.line("    + \" on the class path: add it next to services-workspace-client, or depend on io.databricks4j:services-workspace\"");
      s.line("    + \" for every service. Missing: \" + missing.replace('/', '.'));");
      s.close("}").line();
    }
    s.open("private <T> T service(Class<T> type, java.util.function.Supplier<T> factory) {");
    s.line("Object o = overrides.get(type);");
    s.line("if (o != null) return type.cast(o);");
    s.line("return type.cast(services.computeIfAbsent(type, k -> factory.get()));");
    s.close("}");
    s.close("}");
    return s.toString();
  }
}
