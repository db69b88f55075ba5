package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;
import static javax.lang.model.element.Modifier.VOLATILE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import io.databricks4j.codegen.model.ApiModel.Service;
import io.databricks4j.codegen.model.ApiModel.SubService;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes the public service class: typed methods per operation, convenience overloads taking the
 * required fields (none: a no-arg overload), paged lists, waiters and the operations that start
 * them.
 */
final class ServiceWriter {
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
    final List<Operation> ops;
    final List<Waiter> waiters;

    Ctx(Service s) {
      this.s = s;
      this.ops = plan.operations(s);
      this.waiters = plan.waiters(s);
    }

    TypeName type(String notation) {
      return plan.types.typeName(notation);
    }

    /** The response type; {@code void} for none. */
    TypeName resp(Operation o) {
      return o.responseType().equals("void") ? TypeName.VOID : type(o.responseType());
    }

    TypeName respBoxed(Operation o) {
      return o.responseType().equals("void") ? ClassName.get(Void.class) : type(o.responseType());
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
    ClassName self = plan.serviceClass(s);
    String reached = s.parent() == null
        ? "{@code " + s.accessor() + "()} of the " + s.level() + " client"
        : "{@code " + s.accessor() + "()} of {@code " + s.parent() + "}";
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(PUBLIC)
        .addJavadoc(Poet.doc("Service {@code " + Plan.key(s) + "}, reached as " + reached + ".", "",
            "@see <a href=\"" + c.docUrl(null) + "\">REST API reference</a>"))
        .addAnnotation(Poet.generated());
    boolean feign = c.ops.stream().anyMatch(o -> !Plan.isRaw(o));
    boolean subs = !Plan.nullSafe(s.subServices()).isEmpty();
    type.addField(Poet.API_CLIENT, "api", PRIVATE, FINAL);
    TypeName classes = ParameterizedTypeName.get(ClassName.get(Map.class),
        ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)), ClassName.OBJECT);
    TypeName cache = ParameterizedTypeName.get(ClassName.get(ConcurrentHashMap.class),
        ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)), ClassName.OBJECT);
    if (subs) {
      type.addField(classes, "overrides", PRIVATE, FINAL);
      type.addField(FieldSpec.builder(cache, "services", PRIVATE, FINAL).initializer("new $T<>()", ConcurrentHashMap.class).build());
    }
    if (feign) type.addField(plan.wireClass(s), "wire", PRIVATE, VOLATILE);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(PUBLIC)
        .addJavadoc("A service calling the API through {@code api}. Makes no request and builds no proxy.")
        .addParameter(Poet.API_CLIENT, "api");
    if (subs) {
      type.addMethod(ctor.addStatement("this(api, $T.of())", Map.class).build());
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(PUBLIC)
          .addJavadoc(Poet.doc("Like {@link #" + s.className() + "(ApiClient)}, with sub-services replaced by {@code overrides} (mocks)."))
          .addParameter(Poet.API_CLIENT, "api").addParameter(classes, "overrides")
          .addStatement("this.api = $T.requireNonNull(api, $S)", Objects.class, "api")
          .addStatement("this.overrides = $T.copyOf(overrides)", Map.class).build());
    } else {
      type.addMethod(ctor.addStatement("this.api = $T.requireNonNull(api, $S)", Objects.class, "api").build());
    }
    helpers(type, c, feign);
    for (SubService sub : Plan.nullSafe(s.subServices())) type.addMethod(subService(sub));
    if (subs) type.addMethod(subServiceLookup());
    for (Waiter w : c.waiters) flows.waiter(type, c, w);
    for (Operation o : c.ops) operation(type, c, o);
    return Poet.source(self.packageName(), type.build());
  }

  private void helpers(TypeSpec.Builder type, Ctx c, boolean feign) {
    if (feign) {
      ClassName wire = plan.wireClass(c.s);
      type.addMethod(MethodSpec.methodBuilder("wire").addModifiers(PRIVATE).returns(wire)
          .addStatement("$T w = wire", wire)
          .beginControlFlow("if (w == null)")
          .addStatement("w = api.wire($T.class)", wire)
          .addStatement("wire = w")
          .endControlFlow()
          .addStatement("return w").build());
    }
    if (c.ops.stream().anyMatch(Operation::workspaceIdHeader)) {
      type.addMethod(MethodSpec.methodBuilder("workspaceId").addModifiers(PRIVATE).returns(String.class)
          .addStatement("return api.workspaceId().orElse(null)").build());
    }
    if (c.ops.stream().anyMatch(o -> Plan.nullSafe(o.pathParams()).stream().anyMatch(p -> p.source().equals("config")))) {
      type.addMethod(MethodSpec.methodBuilder("accountId").addModifiers(PRIVATE).returns(String.class)
          .addStatement("return api.config().accountId().orElseThrow(() -> new $T(\n$S\n+ $S))", Poet.CONFIG_EXCEPTION,
              "no account_id configured: set account_id, DATABRICKS_ACCOUNT_ID ", "or a profile with an account_id")
          .build());
    }
    if (c.ops.stream().anyMatch(RawWriter::needsSegments)) {
      type.addMethod(MethodSpec.methodBuilder("segments").addModifiers(PRIVATE, STATIC).returns(String.class)
          .addJavadoc("Percent-encodes each segment of a path value; slashes stay.")
          .addParameter(String.class, "value")
          .addStatement("$T j = new $T($S)", StringJoiner.class, StringJoiner.class, "/")
          .beginControlFlow("for (String part : value.split($S, -1))", "/")
          .addStatement("j.add($T.encode(part, $T.UTF_8).replace($S, $S))", URLEncoder.class, StandardCharsets.class, "+", "%20")
          .endControlFlow()
          .addStatement("return j.toString()").build());
    }
    if (c.ops.stream().anyMatch(RawWriter::needsJson)) {
      type.addMethod(MethodSpec.methodBuilder("json").addModifiers(PRIVATE).returns(String.class)
          .addParameter(Object.class, "value")
          .beginControlFlow("try")
          .addStatement("return api.objectMapper().writeValueAsString(value)")
          .nextControlFlow("catch ($T e)", Poet.JSON_PROCESSING_EXCEPTION)
          .addStatement("throw new $T($S + e.getMessage(), e)", Poet.DATABRICKS_EXCEPTION, "cannot write the request body: ")
          .endControlFlow().build());
    }
    if (c.ops.stream().anyMatch(o -> Plan.nullSafe(o.pathParams()).stream().anyMatch(p -> p.source().equals("request")))) {
      type.addMethod(MethodSpec.methodBuilder("path").addModifiers(PRIVATE, STATIC).returns(String.class)
          .addParameter(String.class, "value").addParameter(String.class, "name")
          .beginControlFlow("if (value == null)")
          .addStatement("throw new $T(name + $S)", IllegalArgumentException.class, " is required: it is part of the request path")
          .endControlFlow()
          .addStatement("return value").build());
    }
  }

  private MethodSpec subService(SubService sub) {
    ClassName type = plan.accessorClass(plan.services.get(sub.service()));
    return MethodSpec.methodBuilder(sub.accessor()).addModifiers(PUBLIC).returns(type)
        .addJavadoc("Sub-service {@code $L}.", sub.service())
        .addStatement("return service($T.class, () -> new $T(api))", type, type)
        .build();
  }

  /** The sub-service of class {@code type}: an override (a mock) when given, else made on first use. */
  private static MethodSpec subServiceLookup() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("service").addModifiers(PRIVATE).addTypeVariable(t).returns(t)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class), t), "factory")
        .addStatement("Object o = overrides.get(type)")
        .addStatement("if (o != null) return type.cast(o)")
        .addStatement("return type.cast(services.computeIfAbsent(type, k -> factory.get()))").build();
  }

  private void operation(TypeSpec.Builder type, Ctx c, Operation o) {
    boolean paged = o.pagination() != null;
    boolean waits = o.waitStart() != null || o.lro() != null;
    TypeName req = o.requestType() == null ? null : c.type(o.requestType());
    String sig = req == null ? "()" : "(" + simple(req) + ")";
    List<String> doc = doc(c, o, paged ? "One page of {@link #" + o.name() + sig + "}." : null);
    if (waits) {
      flows.waitingOperation(type, c, o, req, doc);
    } else {
      MethodSpec.Builder m = MethodSpec.methodBuilder(directName(o)).addModifiers(PUBLIC).returns(c.resp(o))
          .addJavadoc(Poet.doc(doc));
      if (req != null) m.addParameter(req, "request");
      prologue(m, o);
      if (Plan.isRaw(o)) {
        raw.body(m, c, o);
      } else if (o.responseType().equals("void")) {
        m.addStatement("$L", call(o, "request"));
      } else {
        m.addStatement("return $L", call(o, "request"));
      }
      type.addMethod(m.build());
    }
    if (paged) flows.paged(type, c, o, req);
    overload(type, c, o, req);
  }

  /** The simple name of a model type, for {@code {@link #op(Type)}} in Javadoc. */
  static String simple(TypeName t) {
    return t instanceof ClassName cn ? cn.simpleName() : t.toString();
  }

  /** The method that makes exactly one call: {@code listPage} for paged operations. */
  static String directName(Operation o) {
    return o.pagination() != null ? o.name() + "Page" : o.name();
  }

  void prologue(MethodSpec.Builder m, Operation o) {
    if (o.requestType() == null) return;
    m.addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
    if (o.idempotencyToken() != null) {
      String f = plan.field(o.requestType(), o.idempotencyToken()).name();
      m.beginControlFlow("if (request.$N() == null || request.$N().isEmpty())", f, f)
          .addStatement("request = request.toBuilder().$N($T.randomUUID().toString()).build()", f, UUID.class)
          .endControlFlow();
    }
  }

  /** {@code wire().op(workspaceId(), path(...), query, body)}. */
  CodeBlock call(Operation o, String req) {
    List<CodeBlock> args = new ArrayList<>();
    if (o.workspaceIdHeader()) args.add(CodeBlock.of("workspaceId()"));
    for (PathParam p : Plan.nullSafe(o.pathParams())) args.add(pathValue(o, p, req));
    for (Param h : Plan.nullSafe(o.headerParams())) {
      args.add(stringValue(o.requestType(), h.name(), CodeBlock.of("$L.$N()", req, h.field())));
    }
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) args.add(query(o, req));
    if (o.body() != null) {
      args.add(o.body().kind().equals("field")
          ? CodeBlock.of("$L.$N()", req, plan.field(o.requestType(), o.body().field()).name())
          : CodeBlock.of("$L", req));
    }
    return CodeBlock.of("wire().$N($L)", o.name(), CodeBlock.join(args, ", "));
  }

  CodeBlock pathValue(Operation o, PathParam p, String req) {
    if (p.source().equals("config")) return CodeBlock.of("accountId()");
    Field f = plan.field(o.requestType(), p.name());
    return CodeBlock.of("path($L, $S)", stringValue(o.requestType(), f.wireName(), CodeBlock.of("$L.$N()", req, f.name())), p.name());
  }

  /** A path or header value as its wire string: an enum by {@code value()}, other types by {@code String.valueOf}. */
  private CodeBlock stringValue(String typeRef, String wire, CodeBlock expr) {
    Field f = plan.field(typeRef, wire);
    if (f.type().equals("string")) return expr;
    if (plan.types.isEnum(f.type())) {
      return CodeBlock.of("$T.ofNullable($L).map($T::value).orElse(null)", Optional.class, expr, c(f.type()));
    }
    return CodeBlock.of("$T.ofNullable($L).map(String::valueOf).orElse(null)", Optional.class, expr);
  }

  private ClassName c(String ref) {
    return plan.types.className(ref);
  }

  /** {@code QueryParams.create().add("name", request.name())...toMap()}, one parameter a line. */
  CodeBlock query(Operation o, String req) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.create()", Poet.QUERY_PARAMS);
    for (Param q : o.queryParams()) b.add("\n.add($S, $L.$N())", q.name(), req, q.field());
    return b.add("\n.toMap()").build();
  }

  /**
   * {@code op(requiredField, ...)} when the request has 1 to 4 required fields; {@code op()} when it
   * has none, so that {@code clusters().list()} needs no empty request.
   */
  private void overload(TypeSpec.Builder type, Ctx c, Operation o, TypeName req) {
    List<String> required = Plan.nullSafe(o.required());
    if (!plan.hasOverload(o)) return;
    MethodSpec.Builder m = MethodSpec.methodBuilder(o.name()).addModifiers(PUBLIC).returns(returnTypeOfMain(c, o))
        .addJavadoc(required.isEmpty()
            ? CodeBlock.of("Calls {@link #$L($L)} with an empty request.", o.name(), simple(req))
            : CodeBlock.of("Calls {@link #$L($L)} with the required fields.", o.name(), simple(req)));
    CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", req);
    for (String r : required) {
      Field f = plan.field(o.requestType(), r);
      m.addParameter(c.type(f.type()), f.name());
      build.add(".$N($N)", f.name(), f.name());
    }
    build.add(".build()");
    boolean returns = !returnTypeOfMain(c, o).equals(TypeName.VOID);
    m.addStatement(returns ? "return $N($L)" : "$N($L)", o.name(), build.build());
    type.addMethod(m.build());
  }

  TypeName returnTypeOfMain(Ctx c, Operation o) {
    if (o.pagination() != null) return ParameterizedTypeName.get(Poet.PAGED_ITERABLE, c.type(o.pagination().itemType()));
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
