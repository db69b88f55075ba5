package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Feign wire interface of a service: one method per JSON operation, with the verb and
 * path template, constant headers, path params, the query map and the JSON body, and
 * {@code @Idempotent} on a POST or PATCH that may be repeated. It is an internal definition; the
 * public face is the service class.
 */
final class WireWriter {
  static final String WS_HEADER_VAR = "databricks_workspace_id";
  /** Methods the pipeline treats as repeatable anyway; {@code @Idempotent} marks the others. */
  private static final Set<String> IDEMPOTENT_VERBS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private final Plan plan;

  WireWriter(Plan plan) {
    this.plan = plan;
  }

  String write(Service s) {
    ClassName wire = plan.wireClass(s);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(wire).addModifiers(PUBLIC)
        .addJavadoc("Wire definition of {@link $T}: not public API.", plan.serviceClass(s))
        .addAnnotation(Poet.generated());
    for (Operation o : plan.operations(s)) {
      if (!Plan.isRaw(o)) type.addMethod(method(o));
    }
    return Poet.source(wire.packageName(), type.build());
  }

  private MethodSpec method(Operation o) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(o.name()).addModifiers(PUBLIC, ABSTRACT)
        .addAnnotation(Poet.annotation(Poet.REQUEST_LINE, "$S", o.verb() + " " + o.path()))
        .returns(o.responseType().equals("void") ? TypeName.VOID : plan.types.typeName(o.responseType()));
    List<String> headers = headers(o);
    if (!headers.isEmpty()) {
      AnnotationSpec.Builder h = AnnotationSpec.builder(Poet.HEADERS);
      for (String header : headers) h.addMember("value", "$S", header);
      m.addAnnotation(h.build());
    }
    if (needsIdempotentMark(o)) m.addAnnotation(Poet.IDEMPOTENT);
    if (o.workspaceIdHeader()) m.addParameter(param(ClassName.get(String.class), "workspaceId", WS_HEADER_VAR));
    int i = 0;
    for (PathParam p : Plan.nullSafe(o.pathParams())) {
      m.addParameter(param(ClassName.get(String.class), "path" + i++, p.name()));
    }
    i = 0;
    for (Param h : Plan.nullSafe(o.headerParams())) {
      m.addParameter(param(ClassName.get(String.class), "header" + i++, headerVar(h)));
    }
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) {
      TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.OBJECT);
      m.addParameter(ParameterSpec.builder(map, "query").addAnnotation(Poet.QUERY_MAP).build());
    }
    if (o.body() != null) m.addParameter(plan.types.typeName(o.body().type()), "body");
    return m.build();
  }

  /** A POST or PATCH the description calls idempotent; the verb says so for the others. */
  static boolean needsIdempotentMark(Operation o) {
    return o.idempotent() && !IDEMPOTENT_VERBS.contains(o.verb());
  }

  private static ParameterSpec param(TypeName type, String name, String template) {
    return ParameterSpec.builder(type, name).addAnnotation(Poet.annotation(Poet.PARAM, "$S", template)).build();
  }

  static List<String> headers(Operation o) {
    List<String> h = new ArrayList<>();
    if (o.accept() != null) h.add("Accept: " + o.accept());
    if (o.contentType() != null && o.body() != null) h.add("Content-Type: " + o.contentType());
    for (Param p : Plan.nullSafe(o.headerParams())) h.add(p.name() + ": {" + headerVar(p) + "}");
    if (o.workspaceIdHeader()) h.add("X-Databricks-Workspace-Id: {" + WS_HEADER_VAR + "}");
    return h;
  }

  static String headerVar(Param p) {
    return "header_" + p.name().replaceAll("[^A-Za-z0-9_]", "_");
  }
}
