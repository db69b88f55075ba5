package io.databricks4j.codegen.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.databricks4j.codegen.generate.ServiceWriter.Ctx;
import io.databricks4j.codegen.model.ApiModel.EnumValue;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Lro;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Pagination;
import io.databricks4j.codegen.model.ApiModel.WaitArg;
import io.databricks4j.codegen.model.ApiModel.WaitStart;
import io.databricks4j.codegen.model.ApiModel.Waiter;
import io.databricks4j.codegen.model.ApiModel.WaiterParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** Writes the control flow around calls: paged lists, waiters, operations that start waits, LROs. */
final class FlowWriter {
  private final Plan plan;
  private final ServiceWriter services;

  FlowWriter(Plan plan, ServiceWriter services) {
    this.plan = plan;
    this.services = services;
  }

  // ---- pagination

  void paged(TypeSpec.Builder type, Ctx c, Operation o, TypeName req) {
    Pagination p = o.pagination();
    TypeName item = c.type(p.itemType());
    ClassName resp = plan.types.className(o.responseType());
    CodeBlock items = CodeBlock.of("$T::$N", resp, plan.field(o.responseType(), p.itemsField()).name());
    String direct = ServiceWriter.directName(o);
    MethodSpec.Builder m = MethodSpec.methodBuilder(o.name()).addModifiers(PUBLIC)
        .returns(ParameterizedTypeName.get(Poet.PAGED_ITERABLE, item))
        .addJavadoc(Poet.doc("Every {@code " + Src.doc(p.itemsField()) + "} item of {@code " + o.verb() + " "
            + Src.doc(o.path()) + "}, " + pagingDoc(p) + "; pages are fetched as iteration reaches them.", "",
            "@see <a href=\"" + c.docUrl(o.name()) + "\">REST API reference</a>"));
    if (req == null) {
      type.addMethod(m.addStatement("return $T.single(Boolean.TRUE, ignored -> $N(), $L)", Poet.PAGINATOR, direct, items).build());
      return;
    }
    m.addParameter(req, "request")
        .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
        .addStatement("$T first = request", req);
    Map<String, String> defaults = p.requestDefaults() == null ? Map.of() : p.requestDefaults();
    defaults.forEach((wire, value) -> setIfNull(m, o.requestType(), wire, value));
    if (p.firstOffset() != null) setIfNull(m, o.requestType(), p.offsetField(), p.firstOffset().toString());
    if (p.firstPage() != null) setIfNull(m, o.requestType(), p.pageField(), p.firstPage().toString());
    CodeBlock fetch = CodeBlock.of("this::$N", direct);
    CodeBlock call = switch (p.style()) {
      case "token" -> CodeBlock.of("$T.token(first, $L, $L,$W$T::$N,$W(r, t) -> r.toBuilder().$N(t).build())",
          Poet.PAGINATOR, fetch, items, resp, plan.field(o.responseType(), p.responseTokenField()).name(),
          plan.field(o.requestType(), p.requestTokenField()).name());
      case "next_request" -> null;
      case "scim" -> {
        String f = plan.field(o.requestType(), p.offsetField()).name();
        yield CodeBlock.of("$T.scim(first, $L, $L,$W$T::$N,$W(r, i) -> r.toBuilder().$N(i).build())",
            Poet.PAGINATOR, fetch, items, req, f, f);
      }
      case "page_number" -> {
        String f = plan.field(o.requestType(), p.pageField()).name();
        yield CodeBlock.of("$T.pageNumber(first, $L, $L,$W$T::$N,$W(r, n) -> r.toBuilder().$N(n).build())",
            Poet.PAGINATOR, fetch, items, req, f, f);
      }
      case "single" -> CodeBlock.of("$T.single(first, $L, $L)", Poet.PAGINATOR, fetch, items);
      default -> throw new IllegalStateException("pagination style " + p.style() + " of " + o.name());
    };
    if (call == null) {
      nextRequest(m, o, item, resp, req, direct, p);
    } else {
      if (p.dedupeKey() != null) {
        call = CodeBlock.of("$L\n.dedupe($T::$N)", call, item, plan.field(p.itemType(), p.dedupeKey()).name());
      }
      m.addStatement("return $L", call);
    }
    type.addMethod(m.build());
  }

  /**
   * The response carries the next request itself (clusters events); Paginator has no such style,
   * so the page walk is written out.
   */
  private void nextRequest(MethodSpec.Builder m, Operation o, TypeName item, ClassName resp, TypeName req,
      String direct, Pagination p) {
    String items = plan.field(o.responseType(), p.itemsField()).name();
    String next = plan.field(o.responseType(), p.responseTokenField()).name();
    TypeName page = ParameterizedTypeName.get(ClassName.get(Iterator.class), WildcardTypeName.subtypeOf(item));
    TypeSpec iterator = TypeSpec.anonymousClassBuilder("")
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterator.class), item))
        .addField(FieldSpec.builder(req, "next", PRIVATE).initializer("start").build())
        .addField(FieldSpec.builder(page, "page", PRIVATE).initializer("$T.emptyIterator()", Collections.class).build())
        .addMethod(MethodSpec.methodBuilder("hasNext").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(TypeName.BOOLEAN)
            .beginControlFlow("while (!page.hasNext() && next != null)")
            .addStatement("$T response = $N(next)", resp, direct)
            .addStatement("page = response == null || response.$N() == null\n? $T.emptyIterator()\n: response.$N().iterator()",
                items, Collections.class, items)
            .addStatement("next = response == null ? null : response.$N()", next)
            .endControlFlow()
            .addStatement("return page.hasNext()").build())
        .addMethod(MethodSpec.methodBuilder("next").addAnnotation(Override.class).addModifiers(PUBLIC).returns(item)
            .addStatement("if (!hasNext()) throw new $T()", NoSuchElementException.class)
            .addStatement("return page.next()").build())
        .build();
    m.addStatement("final $T start = first", req).addStatement("return () -> $L", iterator);
  }

  private static String pagingDoc(Pagination p) {
    return switch (p.style()) {
      case "token" -> "paged by {@code " + Src.doc(p.requestTokenField()) + "}";
      case "next_request" -> "paged by the request in {@code " + Src.doc(p.responseTokenField()) + "}";
      case "scim" -> "paged by {@code " + Src.doc(p.offsetField()) + "} from " + p.firstOffset();
      case "page_number" -> "paged by {@code " + Src.doc(p.pageField()) + "} from " + p.firstPage();
      default -> "in one response";
    };
  }

  private void setIfNull(MethodSpec.Builder m, String reqType, String wire, String value) {
    Field f = plan.field(reqType, wire);
    String literal = switch (f.type()) {
      case "int64" -> value + "L";
      case "int32", "boolean", "double" -> value;
      case "float" -> value + "f";
      default -> CodeBlock.of("$S", value).toString();
    };
    m.addStatement("if (first.$N() == null) first = first.toBuilder().$N($L).build()", f.name(), f.name(), literal);
  }

  // ---- waiters

  void waiter(TypeSpec.Builder type, Ctx c, Waiter w) {
    TypeName result = c.type(w.resultType());
    MethodSpec.Builder m = MethodSpec.methodBuilder(w.name()).addModifiers(PUBLIC)
        .returns(ParameterizedTypeName.get(Poet.WAIT, result));
    CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", c.type(w.pollRequestType()));
    // "compute.Clusters.waitGetClusterRunning(clusterId=" + clusterId + ")"
    CodeBlock.Builder describe = CodeBlock.builder();
    String literal = Plan.key(c.s) + "." + w.name() + "(";
    List<String> paramTypes = new ArrayList<>();
    for (int i = 0; i < w.params().size(); i++) {
      WaiterParam p = w.params().get(i);
      m.addParameter(c.type(p.type()), p.name());
      paramTypes.add(ServiceWriter.simple(c.type(p.type())));
      build.add(".$N($N)", plan.field(w.pollRequestType(), p.requestField()).name(), p.name());
      describe.add(i == 0 ? "$S + $N" : " + $S + $N", literal + (i == 0 ? "" : ", ") + p.name() + "=", p.name());
      literal = "";
    }
    build.add(".build()");
    describe.add(w.params().isEmpty() ? "$S" : " + $S", literal + ")");
    Operation poll = c.op(w.pollOperation());
    m.addJavadoc(Poet.doc("Polls {@code " + w.pollOperation() + "} until {@code " + Src.doc(w.statusPath()) + "} is "
        + String.join(" or ", w.targetStates().stream().map(Src::doc).toList())
        + (Plan.nullSafe(w.failureStates()).isEmpty() ? "" : "; fails on " + String.join(", ", w.failureStates().stream().map(Src::doc).toList()))
        + ". Default time-out " + w.defaultTimeout() + ". Nothing is sent until the wait is used."));
    CodeBlock message = w.messagePath() == null ? CodeBlock.of("null")
        : CodeBlock.of("$T.toString($L, null)", Objects.class, chain("it", w.resultType(), w.messagePath()));
    m.addStatement("return $T.forStates(\n$L,\n() -> $N($L),\nit -> $L,\n$L,\n$L,\nit -> $L,\n$T.parse($S))",
        Poet.WAITER, describe.build(), ServiceWriter.directName(poll), build.build(),
        chain("it", w.resultType(), w.statusPath()),
        states(w.statusType(), w.targetStates()), states(w.statusType(), Plan.nullSafe(w.failureStates())),
        message, Duration.class, w.defaultTimeout());
    type.addMethod(m.build());

    MethodSpec.Builder timed = MethodSpec.methodBuilder(w.name()).addModifiers(PUBLIC).returns(result)
        .addJavadoc("Waits up to {@code timeout} for {@link #$L($L)}.", w.name(), String.join(", ", paramTypes));
    List<String> names = new ArrayList<>();
    for (WaiterParam p : w.params()) {
      timed.addParameter(c.type(p.type()), p.name());
      names.add(p.name());
    }
    timed.addParameter(Duration.class, "timeout")
        .addStatement("return $N($L).get(timeout)", w.name(), String.join(", ", names));
    type.addMethod(timed.build());
  }

  /** {@code List.of(State.RUNNING)}: enum constants, compared by value; plain strings otherwise. */
  private CodeBlock states(String statusType, List<String> wires) {
    List<CodeBlock> out = new ArrayList<>();
    for (String wire : wires) {
      if (statusType != null && plan.types.isEnum(statusType)) {
        String constant = plan.types.get(statusType).values().stream()
            .filter(v -> v.wire().equals(wire)).map(EnumValue::name).findFirst()
            .orElseThrow(() -> new IllegalStateException(statusType + " has no value " + wire));
        out.add(CodeBlock.of("$T.$N", plan.types.className(statusType), constant));
      } else {
        out.add(CodeBlock.of("$S", wire));
      }
    }
    return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(out, ", "));
  }

  /** Null-safe getter chain for a dotted wire path from {@code root} of type {@code typeRef}. */
  CodeBlock chain(String root, String typeRef, String path) {
    String type = typeRef;
    List<String> getters = new ArrayList<>();
    for (String part : path.split("\\.")) {
      Field f = plan.field(type, part);
      getters.add(f.name());
      type = f.type();
    }
    if (getters.size() == 1) return CodeBlock.of("$L.$N()", root, getters.get(0));
    CodeBlock.Builder b = CodeBlock.builder().add("$T.ofNullable($L)", Optional.class, root);
    for (String g : getters) b.add(".map(x -> x.$N())", g);
    return b.add(".orElse(null)").build();
  }

  // ---- operations that start waits

  TypeName longRunningType(Ctx c, Operation o) {
    return ParameterizedTypeName.get(Poet.LONG_RUNNING, c.respBoxed(o), resultType(c, o));
  }

  private TypeName resultType(Ctx c, Operation o) {
    if (o.lro() != null) return o.lro().resultType() == null ? ClassName.get(Void.class) : c.type(o.lro().resultType());
    return c.type(waiter(c, o.waitStart().waiter()).resultType());
  }

  private Waiter waiter(Ctx c, String name) {
    return c.waiters.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no waiter " + name));
  }

  void waitingOperation(TypeSpec.Builder type, Ctx c, Operation o, TypeName req, List<String> doc) {
    TypeName result = resultType(c, o);
    MethodSpec.Builder m = MethodSpec.methodBuilder(o.name()).addModifiers(PUBLIC).returns(longRunningType(c, o))
        .addJavadoc(Poet.doc(doc)).addParameter(req, "request");
    services.prologue(m, o);
    CodeBlock call = services.call(o, "request");
    boolean voidResp = o.responseType().equals("void");
    if (voidResp) {
      m.addStatement("$L", call);
    } else {
      m.addStatement("final $T response = $L", c.resp(o), call);
    }
    CodeBlock wait = o.lro() != null ? lroWait(m, c, o) : waitStartCall(c, o);
    m.addStatement("return $T.of($L, $L)", Poet.LONG_RUNNING, voidResp ? "(Void) null" : "response", wait);
    type.addMethod(m.build());

    String andWait = o.name() + "AndWait";
    boolean voidResult = result.equals(ClassName.get(Void.class));
    String simpleReq = ServiceWriter.simple(req);
    type.addMethod(MethodSpec.methodBuilder(andWait).addModifiers(PUBLIC)
        .returns(voidResult ? TypeName.VOID : result)
        .addJavadoc("Calls {@link #$L($L)} and waits for the default time-out.", o.name(), simpleReq)
        .addParameter(req, "request")
        .addStatement(voidResult ? "$N(request).get()" : "return $N(request).get()", o.name()).build());
    type.addMethod(MethodSpec.methodBuilder(andWait).addModifiers(PUBLIC)
        .returns(voidResult ? TypeName.VOID : result)
        .addJavadoc("Calls {@link #$L($L)} and waits up to {@code timeout}.", o.name(), simpleReq)
        .addParameter(req, "request").addParameter(Duration.class, "timeout")
        .addStatement(voidResult ? "$N(request).get(timeout)" : "return $N(request).get(timeout)", o.name()).build());
  }

  private CodeBlock waitStartCall(Ctx c, Operation o) {
    WaitStart ws = o.waitStart();
    Waiter w = waiter(c, ws.waiter());
    List<CodeBlock> args = new ArrayList<>();
    for (WaiterParam p : w.params()) {
      WaitArg a = ws.args().stream().filter(x -> x.param().equals(p.name())).findFirst()
          .orElseThrow(() -> new IllegalStateException(o.name() + " gives no " + p.name() + " to " + w.name()));
      boolean fromResponse = a.from().equals("response");
      args.add(chain(fromResponse ? "response" : "request", fromResponse ? o.responseType() : o.requestType(), a.path()));
    }
    return CodeBlock.of("$N($L)", ws.waiter(), CodeBlock.join(args, ", "));
  }

  private CodeBlock lroWait(MethodSpec.Builder m, Ctx c, Operation o) {
    Lro l = o.lro();
    String opType = o.responseType();
    Operation poll = c.op(l.pollOperation());
    String pollField = plan.field(l.pollRequestType(), l.pollRequestField()).name();
    String nameGetter = plan.field(opType, l.nameField()).name();
    String done = plan.field(opType, "done").name();
    String error = plan.field(opType, "error").name();
    String message = plan.field(plan.field(opType, "error").type(), "message").name();
    String responseField = plan.field(opType, "response").name();
    m.addStatement("$T polled = $T.forStates(\n$S + response.$N(),\n() -> $N($T.builder().$N(response.$N()).build()),\n"
            + "it -> !Boolean.TRUE.equals(it.$N()) ? $S : it.$N() == null ? $S : $S,\n$T.of($S),\n$T.of($S),\n"
            + "it -> it.$N() == null ? null : it.$N().$N(),\n$T.ofMinutes(20))",
        ParameterizedTypeName.get(Poet.WAIT, c.type(opType)), Poet.WAITER,
        Plan.key(c.s) + "." + o.name() + " ", nameGetter,
        ServiceWriter.directName(poll), c.type(l.pollRequestType()), pollField, nameGetter,
        done, "RUNNING", error, "DONE", "FAILED", List.class, "DONE", List.class, "FAILED",
        error, error, message, Duration.class);
    CodeBlock mapper = l.resultType() == null
        ? CodeBlock.of("it -> (Void) null")
        : CodeBlock.of("it -> api.objectMapper().convertValue(it.$N(), $T.class)", responseField, c.type(l.resultType()));
    return CodeBlock.of("$T.of(polled, $L)", Generator.mappedWaitClass(c.s), mapper);
  }
}
