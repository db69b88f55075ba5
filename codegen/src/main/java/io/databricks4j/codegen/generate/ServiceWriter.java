package io.databricks4j.codegen.generate;

import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.SubService;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the public service class: typed methods per operation, convenience overloads taking the
 * required fields, paged lists, waiters and the operations that start them.
 */
final class ServiceWriter {
  static final String API_CLIENT = "io.databricks4j.core.ApiClient";
  static final String QUERY = "io.databricks4j.core.http.QueryParams";

  private final Plan plan;
  private final FlowWriter flows;
  private final RawWriter raw;

  ServiceWriter(Plan plan) {
    this.plan = plan;
    this.flows = new FlowWriter(plan, this);
    this.raw = new RawWriter(plan, this);
  }

  /** Per-class context. */
  final class Ctx {
    final Service s;
    final String pkg;
    final String modelPkg;
    final List<Operation> ops;
    final List<Waiter> waiters;

    Ctx(Service s) {
      this.s = s;
      this.pkg = plan.servicePackage(s);
      this.modelPkg = TypeIndex.modelPackage(s.packageName());
      this.ops = plan.operations(s);
      this.waiters = plan.waiters(s);
    }

    String j(String notation) {
      return plan.types.java(notation, pkg);
    }

    String resp(Operation o) {
      return o.responseType().equals("void") ? "void" : j(o.responseType());
    }

    String respBoxed(Operation o) {
      return o.responseType().equals("void") ? "Void" : j(o.responseType());
    }

    Operation op(String name) {
      return ops.stream().filter(o -> o.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException(s.name() + " has no operation " + name));
    }

    String docUrl(String op) {
      String base = "https://docs.databricks.com/api/" + s.level() + "/" + s.name().toLowerCase();
      return op == null ? base : base + "/" + op.toLowerCase();
    }
  }

  String write(Service s) {
    Ctx c = new Ctx(s);
    Src src = new Src();
    src.line("package " + c.pkg + ";").line();
    String reached = s.parent() == null
        ? "{@code " + s.accessor() + "()} of the " + s.level() + " client"
        : "{@code " + s.accessor() + "()} of {@code " + s.parent() + "}";
    src.javadoc("Service {@code " + Plan.key(s) + "}, reached as " + reached + ".", "",
        "@see <a href=\"" + c.docUrl(null) + "\">REST API reference</a>");
    src.line("@javax.annotation.processing.Generated(\"io.databricks4j.codegen\")");
    src.open("public class " + s.className() + " {");
    boolean feign = c.ops.stream().anyMatch(o -> !Plan.isRaw(o));
    boolean subs = !Plan.nullSafe(s.subServices()).isEmpty();
    src.line("private final " + API_CLIENT + " api;");
    if (subs) {
      src.line("private final java.util.Map<Class<?>, Object> overrides;");
      src.line("private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> services = new java.util.concurrent.ConcurrentHashMap<>();");
    }
    if (feign) src.line("private volatile " + plan.wireClass(s) + " wire;");
    src.line();
    src.javadoc("A service calling the API through {@code api}. Makes no request and builds no proxy.");
    src.open("public " + s.className() + "(" + API_CLIENT + " api) {");
    if (subs) {
      src.line("this(api, java.util.Map.of());");
      src.close("}").line();
      src.javadoc("Like {@link #" + s.className() + "(" + API_CLIENT + ")}, with sub-services replaced by {@code overrides} (mocks).");
      src.open("public " + s.className() + "(" + API_CLIENT + " api, java.util.Map<Class<?>, Object> overrides) {");
      src.line("this.api = java.util.Objects.requireNonNull(api, \"api\");");
      src.line("this.overrides = java.util.Map.copyOf(overrides);");
    } else {
      src.line("this.api = java.util.Objects.requireNonNull(api, \"api\");");
    }
    src.close("}").line();
    helpers(src, c, feign);
    for (SubService sub : Plan.nullSafe(s.subServices())) subService(src, sub);
    for (Waiter w : c.waiters) flows.waiter(src, c, w);
    for (Operation o : c.ops) operation(src, c, o);
    src.close("}");
    return src.toString();
  }

  private void helpers(Src src, Ctx c, boolean feign) {
    if (feign) {
      src.open("private " + plan.wireClass(c.s) + " wire() {");
      src.line(plan.wireClass(c.s) + " w = wire;");
      src.open("if (w == null) {");
      src.line("w = api.wire(" + plan.wireClass(c.s) + ".class);");
      src.line("wire = w;");
      src.close("}");
      src.line("return w;");
      src.close("}").line();
    }
    if (c.ops.stream().anyMatch(Operation::workspaceIdHeader)) {
      src.open("private String workspaceId() {");
      src.line("return api.workspaceId().orElse(null);");
      src.close("}").line();
    }
    if (c.ops.stream().anyMatch(o -> Plan.nullSafe(o.pathParams()).stream().anyMatch(p -> p.source().equals("config")))) {
      src.open("private String accountId() {");
      src.line("return api.config().accountId().orElseThrow(() -> new io.databricks4j.error.ConfigException(");
      src.line("    \"no account_id configured: set account_id, DATABRICKS_ACCOUNT_ID or a profile with an account_id\"));");
      src.close("}").line();
    }
    if (c.ops.stream().anyMatch(RawWriter::needsSegments)) {
      src.javadoc("Percent-encodes each segment of a path value; slashes stay.");
      src.open("private static String segments(String value) {");
      src.line("java.util.StringJoiner j = new java.util.StringJoiner(\"/\");");
      src.open("for (String part : value.split(\"/\", -1)) {");
      src.line("j.add(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace(\"+\", \"%20\"));");
      src.close("}");
      src.line("return j.toString();");
      src.close("}").line();
    }
    if (c.ops.stream().anyMatch(RawWriter::needsJson)) {
      src.open("private String json(Object value) {");
      src.open("try {");
      src.line("return api.objectMapper().writeValueAsString(value);");
      src.close("} catch (com.fasterxml.jackson.core.JsonProcessingException e) {");
      src.line("  throw new io.databricks4j.error.DatabricksException(\"cannot write the request body: \" + e.getMessage(), e);");
      src.line("}");
      src.close("}").line();
    }
    if (c.ops.stream().anyMatch(o -> Plan.nullSafe(o.pathParams()).stream().anyMatch(p -> p.source().equals("request")))) {
      src.open("private static String path(String value, String name) {");
      src.open("if (value == null) {");
      src.line("throw new IllegalArgumentException(name + \" is required: it is part of the request path\");");
      src.close("}");
      src.line("return value;");
      src.close("}").line();
    }
  }

  private void subService(Src src, SubService sub) {
    io.databricks4j.codegen.model.ApiModel.Service child = plan.services.get(sub.service());
    String type = plan.accessorClass(child);
    src.javadoc("Sub-service {@code " + sub.service() + "}.");
    src.open("public " + type + " " + sub.accessor() + "() {");
    src.line("Object o = overrides.get(" + type + ".class);");
    src.line("if (o != null) return " + type + ".class.cast(o);");
    src.line("return " + type + ".class.cast(services.computeIfAbsent(" + type + ".class, k -> new " + type + "(api)));");
    src.close("}").line();
  }

  private void operation(Src src, Ctx c, Operation o) {
    boolean paged = o.pagination() != null;
    boolean waits = o.waitStart() != null || o.lro() != null;
    String direct = directName(o);
    String reqJ = o.requestType() == null ? null : c.j(o.requestType());
    String sig = reqJ == null ? "()" : "(" + reqJ + " request)";
    src.javadoc(doc(c, o, paged ? "One page of {@link #" + o.name() + (reqJ == null ? "()" : "(" + reqJ + ")") + "}." : null));
    if (waits) {
      flows.waitingOperation(src, c, o, sig);
    } else {
      src.open("public " + c.resp(o) + " " + direct + sig + " {");
      prologue(src, c, o);
      if (Plan.isRaw(o)) {
        raw.body(src, c, o);
      } else {
        src.line((o.responseType().equals("void") ? "" : "return ") + call(c, o, "request") + ";");
      }
      src.close("}").line();
    }
    if (paged) flows.paged(src, c, o, reqJ);
    overload(src, c, o, reqJ);
  }

  /** The method that makes exactly one call: {@code listPage} for paged operations. */
  static String directName(Operation o) {
    return o.pagination() != null ? o.name() + "Page" : o.name();
  }

  void prologue(Src src, Ctx c, Operation o) {
    if (o.requestType() == null) return;
    src.line("java.util.Objects.requireNonNull(request, \"request\");");
    if (o.idempotencyToken() != null) {
      String f = plan.field(o.requestType(), o.idempotencyToken()).name();
      src.open("if (request." + f + "() == null || request." + f + "().isEmpty()) {");
      src.line("request = request.toBuilder()." + f + "(java.util.UUID.randomUUID().toString()).build();");
      src.close("}");
    }
  }

  /** {@code wire().op(workspaceId(), path(...), query, body)}. */
  String call(Ctx c, Operation o, String req) {
    List<String> args = new ArrayList<>();
    if (o.workspaceIdHeader()) args.add("workspaceId()");
    for (PathParam p : Plan.nullSafe(o.pathParams())) args.add(pathValue(c, o, p, req));
    for (Param h : Plan.nullSafe(o.headerParams())) args.add(stringValue(c, o.requestType(), h.name(), req + "." + h.field() + "()"));
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) args.add(query(o, req));
    if (o.body() != null) {
      switch (o.body().kind()) {
        case "field" -> args.add(req + "." + plan.field(o.requestType(), o.body().field()).name() + "()");
        default -> args.add(req);
      }
    }
    return "wire()." + o.name() + "(" + String.join(", ", args) + ")";
  }

  String pathValue(Ctx c, Operation o, PathParam p, String req) {
    if (p.source().equals("config")) return "accountId()";
    Field f = plan.field(o.requestType(), p.name());
    return "path(" + stringValue(c, o.requestType(), f.wireName(), req + "." + f.name() + "()") + ", " + Src.str(p.name()) + ")";
  }

  private String stringValue(Ctx c, String typeRef, String wire, String expr) {
    Field f = plan.field(typeRef, wire);
    if (f.type().equals("string")) return expr;
    if (plan.types.isEnum(f.type())) return "java.util.Optional.ofNullable(" + expr + ").map(it -> it.wireValue()).orElse(null)";
    return "java.util.Optional.ofNullable(" + expr + ").map(String::valueOf).orElse(null)";
  }

  String query(Operation o, String req) {
    StringBuilder b = new StringBuilder(QUERY + ".create()");
    for (Param q : o.queryParams()) {
      b.append("\n            .add(").append(Src.str(q.name())).append(", ").append(req).append('.').append(q.field()).append("())");
    }
    return b.append("\n            .toMap()").toString();
  }

  private void overload(Src src, Ctx c, Operation o, String reqJ) {
    List<String> required = Plan.nullSafe(o.required());
    if (reqJ == null || required.isEmpty() || !plan.types.isRef(o.requestType()) || required.size() > 4) return;
    List<String> params = new ArrayList<>();
    StringBuilder build = new StringBuilder(reqJ + ".builder()");
    for (String r : required) {
      Field f = plan.field(o.requestType(), r);
      params.add(c.j(f.type()) + " " + f.name());
      build.append('.').append(f.name()).append('(').append(f.name()).append(')');
    }
    build.append(".build()");
    String ret = returnTypeOfMain(c, o);
    src.javadoc("Calls {@link #" + o.name() + "(" + reqJ + ")} with the required fields.");
    src.open("public " + ret + " " + o.name() + "(" + String.join(", ", params) + ") {");
    src.line((ret.equals("void") ? "" : "return ") + o.name() + "(" + build + ");");
    src.close("}").line();
  }

  String returnTypeOfMain(Ctx c, Operation o) {
    if (o.pagination() != null) return "io.databricks4j.paging.PagedIterable<" + c.j(o.pagination().itemType()) + ">";
    if (o.waitStart() != null || o.lro() != null) return flows.longRunningType(c, o);
    return c.resp(o);
  }

  private List<String> doc(Ctx c, Operation o, String lead) {
    List<String> d = new ArrayList<>();
    if (lead != null) {
      d.add(lead);
      d.add("");
    }
    d.add(o.path() != null ? "{@code " + o.verb() + " " + Src.doc(o.path()) + "}." : "{@code " + o.verb() + "} to a data-plane URL.");
    if (!Plan.nullSafe(o.required()).isEmpty()) {
      d.add("");
      d.add("<p>Required: " + String.join(", ", o.required().stream().map(r -> "{@code " + Src.doc(r) + "}").toList()) + ".");
    }
    List<String> enums = new ArrayList<>();
    for (PathParam p : Plan.nullSafe(o.pathParams())) enumDoc(enums, p.name(), p.type());
    for (Param p : Plan.nullSafe(o.queryParams())) enumDoc(enums, p.name(), p.type());
    if (!enums.isEmpty()) {
      d.add("");
      d.add("<p>" + String.join("; ", enums) + ".");
    }
    for (String n : Plan.nullSafe(o.notes())) {
      d.add("");
      d.add("<p>Note: " + Src.doc(n) + ".");
    }
    d.add("");
    d.add("@see <a href=\"" + c.docUrl(o.name()) + "\">REST API reference</a>");
    return d;
  }

  private void enumDoc(List<String> out, String name, String type) {
    String t = type.startsWith("list<") ? type.substring(5, type.length() - 1) : type;
    if (!plan.types.isEnum(t)) return;
    out.add("{@code " + Src.doc(name) + "}: " + String.join(", ",
        plan.types.get(t).values().stream().map(v -> Src.doc(v.wire())).toList()));
  }
}
