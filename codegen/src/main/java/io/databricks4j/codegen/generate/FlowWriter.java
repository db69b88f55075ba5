package io.databricks4j.codegen.generate;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the control flow around calls: paged lists, waiters, operations that start waits, LROs. */
final class FlowWriter {
  static final String PAGINATOR = "io.databricks4j.core.paging.Paginator";
  static final String WAITER = "io.databricks4j.core.wait.Waiter";
  static final String LONG_RUNNING = "io.databricks4j.wait.LongRunning";
  static final String WAIT = "io.databricks4j.wait.Wait";

  private final Plan plan;
  private final ServiceWriter services;

  FlowWriter(Plan plan, ServiceWriter services) {
    this.plan = plan;
    this.services = services;
  }

  // ---- pagination

  void paged(Src src, Ctx c, Operation o, String reqJ) {
    Pagination p = o.pagination();
    String item = c.j(p.itemType());
    String resp = c.j(o.responseType());
    String items = resp + "::" + plan.field(o.responseType(), p.itemsField()).name();
    String direct = ServiceWriter.directName(o);
    List<String> doc = new ArrayList<>();
    doc.add("Every {@code " + Src.doc(p.itemsField()) + "} item of {@code " + o.verb() + " " + Src.doc(o.path()) + "}, "
        + pagingDoc(p) + "; pages are fetched as iteration reaches them.");
    doc.add("");
    doc.add("@see <a href=\"" + c.docUrl(o.name()) + "\">REST API reference</a>");
    src.javadoc(doc);
    String ret = "io.databricks4j.paging.PagedIterable<" + item + ">";
    if (reqJ == null) {
      src.open("public " + ret + " " + o.name() + "() {");
      src.line("return " + PAGINATOR + ".single(Boolean.TRUE, ignored -> " + direct + "(), " + items + ");");
      src.close("}").line();
      return;
    }
    src.open("public " + ret + " " + o.name() + "(" + reqJ + " request) {");
    src.line("java.util.Objects.requireNonNull(request, \"request\");");
    src.line(reqJ + " first = request;");
    Map<String, String> defaults = p.requestDefaults() == null ? Map.of() : p.requestDefaults();
    defaults.forEach((wire, value) -> setIfNull(src, c, o.requestType(), wire, value));
    if (p.firstOffset() != null) setIfNull(src, c, o.requestType(), p.offsetField(), p.firstOffset().toString());
    if (p.firstPage() != null) setIfNull(src, c, o.requestType(), p.pageField(), p.firstPage().toString());
    String fetch = "this::" + direct;
    String call = switch (p.style()) {
      case "token" -> {
        String next = resp + "::" + plan.field(o.responseType(), p.responseTokenField()).name();
        String set = plan.field(o.requestType(), p.requestTokenField()).name();
        yield PAGINATOR + ".token(first, " + fetch + ", " + items + ", " + next + ", (r, t) -> r.toBuilder()." + set + "(t).build())";
      }
      case "next_request" -> {
        nextRequest(src, o, item, resp, direct, p);
        src.close("}").line();
        yield null;
      }
      case "scim" -> {
        String f = plan.field(o.requestType(), p.offsetField()).name();
        yield PAGINATOR + ".scim(first, " + fetch + ", " + items + ", " + reqJ + "::" + f + ", (r, i) -> r.toBuilder()." + f + "(i).build())";
      }
      case "page_number" -> {
        String f = plan.field(o.requestType(), p.pageField()).name();
        yield PAGINATOR + ".pageNumber(first, " + fetch + ", " + items + ", " + reqJ + "::" + f + ", (r, n) -> r.toBuilder()." + f + "(n).build())";
      }
      case "single" -> PAGINATOR + ".single(first, " + fetch + ", " + items + ")";
      default -> throw new IllegalStateException("pagination style " + p.style() + " of " + o.name());
    };
    if (call == null) return;
    if (p.dedupeKey() != null) {
      call += "\n        .dedupe(" + item + "::" + plan.field(p.itemType(), p.dedupeKey()).name() + ")";
    }
    src.line("return " + call + ";");
    src.close("}").line();
  }

  /**
   * The response carries the next request itself (clusters events); Paginator has no such style,
   * so the page walk is written out.
   */
  private void nextRequest(Src src, Operation o, String item, String resp, String direct, Pagination p) {
    String items = plan.field(o.responseType(), p.itemsField()).name();
    String next = plan.field(o.responseType(), p.responseTokenField()).name();
    String req = plan.types.java(o.requestType(), "-");
    src.line("final " + req + " start = first;");
    src.open("return () -> new java.util.Iterator<" + item + ">() {");
    src.line("private " + req + " next = start;");
    src.line("private java.util.Iterator<? extends " + item + "> page = java.util.Collections.emptyIterator();").line();
    src.line("@Override");
    src.open("public boolean hasNext() {");
    src.open("while (!page.hasNext() && next != null) {");
    src.line(resp + " response = " + direct + "(next);");
    src.line("page = response == null || response." + items + "() == null ? java.util.Collections.emptyIterator() : response." + items + "().iterator();");
    src.line("next = response == null ? null : response." + next + "();");
    src.close("}");
    src.line("return page.hasNext();");
    src.close("}").line();
    src.line("@Override");
    src.open("public " + item + " next() {");
    src.line("if (!hasNext()) throw new java.util.NoSuchElementException();");
    src.line("return page.next();");
    src.close("}");
    src.close("};");
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

  private void setIfNull(Src src, Ctx c, String reqType, String wire, String value) {
    Field f = plan.field(reqType, wire);
    String literal = switch (f.type()) {
      case "int64" -> value + "L";
      case "int32", "boolean", "double" -> value;
      case "float" -> value + "f";
      default -> Src.str(value);
    };
    src.line("if (first." + f.name() + "() == null) first = first.toBuilder()." + f.name() + "(" + literal + ").build();");
  }

  // ---- waiters

  void waiter(Src src, Ctx c, Waiter w) {
    String result = c.j(w.resultType());
    List<String> params = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder build = new StringBuilder(c.j(w.pollRequestType()) + ".builder()");
    for (WaiterParam p : w.params()) {
      params.add(c.j(p.type()) + " " + p.name());
      names.add(p.name());
      build.append('.').append(plan.field(w.pollRequestType(), p.requestField()).name()).append('(').append(p.name()).append(')');
    }
    build.append(".build()");
    Operation poll = c.op(w.pollOperation());
    String describe = String.join(" + \", \" + ", names.stream().map(n -> "\"" + n + "=\" + " + n).toList());
    src.javadoc("Polls {@code " + w.pollOperation() + "} until {@code " + Src.doc(w.statusPath()) + "} is "
            + String.join(" or ", w.targetStates().stream().map(Src::doc).toList())
            + (Plan.nullSafe(w.failureStates()).isEmpty() ? "" : "; fails on " + String.join(", ", w.failureStates().stream().map(Src::doc).toList()))
            + ". Default time-out " + w.defaultTimeout() + ". Nothing is sent until the wait is used.");
    src.open("public " + WAIT + "<" + result + "> " + w.name() + "(" + String.join(", ", params) + ") {");
    src.line("return " + WAITER + ".forStates(");
    src.line("    \"" + Plan.key(c.s) + "." + w.name() + "(\" + " + (describe.isEmpty() ? "\"\"" : describe) + " + \")\",");
    src.line("    () -> " + ServiceWriter.directName(poll) + "(" + build + "),");
    src.line("    it -> " + chain("it", w.resultType(), w.statusPath()) + ",");
    src.line("    " + states(c, w.statusType(), w.targetStates()) + ",");
    src.line("    " + states(c, w.statusType(), Plan.nullSafe(w.failureStates())) + ",");
    src.line("    it -> " + (w.messagePath() == null ? "null" : stringOf(chain("it", w.resultType(), w.messagePath()))) + ",");
    src.line("    java.time.Duration.parse(\"" + w.defaultTimeout() + "\"));");
    src.close("}").line();
    src.javadoc("Waits up to {@code timeout} for {@link #" + w.name() + "(" + String.join(", ", w.params().stream().map(p -> c.j(p.type())).toList()) + ")}.");
    List<String> withTimeout = new ArrayList<>(params);
    withTimeout.add("java.time.Duration timeout");
    src.open("public " + result + " " + w.name() + "(" + String.join(", ", withTimeout) + ") {");
    src.line("return " + w.name() + "(" + String.join(", ", names) + ").get(timeout);");
    src.close("}").line();
  }

  private static String stringOf(String expr) {
    return "java.util.Objects.toString(" + expr + ", null)";
  }

  private String states(Ctx c, String statusType, List<String> wires) {
    if (wires.isEmpty()) return "java.util.List.of()";
    List<String> out = new ArrayList<>();
    for (String wire : wires) {
      if (statusType != null && plan.types.isEnum(statusType)) {
        String constant = plan.types.get(statusType).values().stream()
            .filter(v -> v.wire().equals(wire)).map(EnumValue::name).findFirst()
            .orElseThrow(() -> new IllegalStateException(statusType + " has no value " + wire));
        out.add(c.j(statusType) + "." + constant);
      } else {
        out.add(Src.str(wire));
      }
    }
    return "java.util.List.of(" + String.join(", ", out) + ")";
  }

  /** Null-safe getter chain for a dotted wire path from {@code root} of type {@code typeRef}. */
  String chain(String root, String typeRef, String path) {
    String[] parts = path.split("\\.");
    String type = typeRef;
    List<String> getters = new ArrayList<>();
    for (String part : parts) {
      Field f = plan.field(type, part);
      getters.add(f.name());
      type = f.type();
    }
    if (getters.size() == 1) return root + "." + getters.get(0) + "()";
    StringBuilder b = new StringBuilder("java.util.Optional.ofNullable(" + root + ")");
    for (String g : getters) b.append(".map(x -> x.").append(g).append("())");
    return b.append(".orElse(null)").toString();
  }

  // ---- operations that start waits

  String longRunningType(Ctx c, Operation o) {
    return LONG_RUNNING + "<" + c.respBoxed(o) + ", " + resultType(c, o) + ">";
  }

  private String resultType(Ctx c, Operation o) {
    if (o.lro() != null) return o.lro().resultType() == null ? "Void" : c.j(o.lro().resultType());
    Waiter w = waiter(c, o.waitStart().waiter());
    return c.j(w.resultType());
  }

  private Waiter waiter(Ctx c, String name) {
    return c.waiters.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no waiter " + name));
  }

  void waitingOperation(Src src, Ctx c, Operation o, String sig) {
    String lr = longRunningType(c, o);
    String result = resultType(c, o);
    src.open("public " + lr + " " + o.name() + sig + " {");
    services.prologue(src, c, o);
    String call = services.call(c, o, "request");
    boolean voidResp = o.responseType().equals("void");
    if (voidResp) {
      src.line(call + ";");
    } else {
      src.line("final " + c.resp(o) + " response = " + call + ";");
    }
    String wait = o.lro() != null ? lroWait(src, c, o) : waitStartCall(c, o);
    src.line("return " + LONG_RUNNING + ".of(" + (voidResp ? "(Void) null" : "response") + ", " + wait + ");");
    src.close("}").line();

    String reqJ = c.j(o.requestType());
    String andWait = o.name() + "AndWait";
    boolean voidResult = result.equals("Void");
    src.javadoc("Calls {@link #" + o.name() + "(" + reqJ + ")} and waits for the default time-out.");
    src.open("public " + (voidResult ? "void" : result) + " " + andWait + "(" + reqJ + " request) {");
    src.line((voidResult ? "" : "return ") + o.name() + "(request).get();");
    src.close("}").line();
    src.javadoc("Calls {@link #" + o.name() + "(" + reqJ + ")} and waits up to {@code timeout}.");
    src.open("public " + (voidResult ? "void" : result) + " " + andWait + "(" + reqJ + " request, java.time.Duration timeout) {");
    src.line((voidResult ? "" : "return ") + o.name() + "(request).get(timeout);");
    src.close("}").line();
  }

  private String waitStartCall(Ctx c, Operation o) {
    WaitStart ws = o.waitStart();
    Waiter w = waiter(c, ws.waiter());
    List<String> args = new ArrayList<>();
    for (WaiterParam p : w.params()) {
      WaitArg a = ws.args().stream().filter(x -> x.param().equals(p.name())).findFirst()
          .orElseThrow(() -> new IllegalStateException(o.name() + " gives no " + p.name() + " to " + w.name()));
      String root = a.from().equals("response") ? "response" : "request";
      String type = a.from().equals("response") ? o.responseType() : o.requestType();
      args.add(chain(root, type, a.path()));
    }
    return ws.waiter() + "(" + String.join(", ", args) + ")";
  }

  private String lroWait(Src src, Ctx c, Operation o) {
    Lro l = o.lro();
    String opType = o.responseType();
    Operation poll = c.op(l.pollOperation());
    String pollReq = c.j(l.pollRequestType());
    String pollField = plan.field(l.pollRequestType(), l.pollRequestField()).name();
    String nameGetter = plan.field(opType, l.nameField()).name();
    String done = plan.field(opType, "done").name();
    String error = plan.field(opType, "error").name();
    String errorType = plan.field(opType, "error").type();
    String message = plan.field(errorType, "message").name();
    String responseField = plan.field(opType, "response").name();
    String resultClass = l.resultType() == null ? null : c.j(l.resultType());
    src.line(WAIT + "<" + c.j(opType) + "> polled = " + WAITER + ".forStates(");
    src.line("    \"" + Plan.key(c.s) + "." + o.name() + " \" + response." + nameGetter + "(),");
    src.line("    () -> " + ServiceWriter.directName(poll) + "(" + pollReq + ".builder()." + pollField + "(response." + nameGetter + "()).build()),");
    src.line("    it -> !Boolean.TRUE.equals(it." + done + "()) ? \"RUNNING\" : it." + error + "() == null ? \"DONE\" : \"FAILED\",");
    src.line("    java.util.List.of(\"DONE\"),");
    src.line("    java.util.List.of(\"FAILED\"),");
    src.line("    it -> it." + error + "() == null ? null : it." + error + "()." + message + "(),");
    src.line("    java.time.Duration.ofMinutes(20));");
    String mapper = resultClass == null
        ? "it -> (Void) null"
        : "it -> api.objectMapper().convertValue(it." + responseField + "(), " + resultClass + ".class)";
    return Generator.mappedWaitClass(c.s) + ".of(polled, " + mapper + ")";
  }
}
