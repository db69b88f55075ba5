package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Feign wire interface of a service: one method per JSON operation, with the verb and
 * path template, constant headers, path params, the query map and the JSON body. It is an
 * internal definition; the public face is the service class.
 */
final class WireWriter {
  static final String WS_HEADER_VAR = "databricks_workspace_id";

  private final Plan plan;

  WireWriter(Plan plan) {
    this.plan = plan;
  }

  String write(Service s) {
    String pkg = plan.servicePackage(s) + ".internal";
    Src src = new Src();
    src.line("package " + pkg + ";").line();
    src.javadoc("Wire definition of {@link " + plan.serviceClass(s) + "}: not public API.");
    src.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    src.open("public interface " + plan.wireName(s) + " {");
    for (Operation o : plan.operations(s)) {
      if (Plan.isRaw(o)) continue;
      src.line("@feign.RequestLine(" + Src.str(o.verb() + " " + o.path()) + ")");
      List<String> headers = headers(o);
      if (!headers.isEmpty()) {
        src.line("@feign.Headers({" + String.join(", ", headers.stream().map(Src::str).toList()) + "})");
      }
      src.line(returnType(o) + " " + o.name() + "(" + String.join(", ", params(o)) + ");");
      src.line();
    }
    src.close("}");
    return src.toString();
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

  /** Types in a wire interface are always fully qualified ("-" is no package). */
  String returnType(Operation o) {
    return o.responseType().equals("void") ? "void" : plan.types.java(o.responseType(), "-");
  }

  private List<String> params(Operation o) {
    List<String> p = new ArrayList<>();
    if (o.workspaceIdHeader()) p.add("@feign.Param(\"" + WS_HEADER_VAR + "\") String workspaceId");
    int i = 0;
    for (PathParam pp : Plan.nullSafe(o.pathParams())) {
      p.add("@feign.Param(" + Src.str(pp.name()) + ") String path" + i++);
    }
    i = 0;
    for (Param h : Plan.nullSafe(o.headerParams())) {
      p.add("@feign.Param(" + Src.str(headerVar(h)) + ") String header" + i++);
    }
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) {
      p.add("@feign.QueryMap java.util.Map<String, Object> query");
    }
    if (o.body() != null) {
      p.add(plan.types.java(o.body().type(), "-") + " body");
    }
    return p;
  }
}
