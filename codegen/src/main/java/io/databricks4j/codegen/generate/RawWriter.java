package io.databricks4j.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.databricks4j.codegen.generate.ServiceWriter.Ctx;
import io.databricks4j.codegen.model.ApiModel.Field;
import io.databricks4j.codegen.model.ApiModel.Operation;
import io.databricks4j.codegen.model.ApiModel.Param;
import io.databricks4j.codegen.model.ApiModel.PathParam;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes operations that stream bytes or read headers: they build an {@code HttpRequest} and go
 * through {@code ApiClient.call} (the response read inside the attempt) or {@code ApiClient.stream},
 * which apply the same auth, retry, logging and errors as the wire interfaces.
 */
final class RawWriter {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private final Plan plan;
  private final ServiceWriter services;

  RawWriter(Plan plan, ServiceWriter services) {
    this.plan = plan;
    this.services = services;
  }

  static boolean needsSegments(Operation o) {
    return Plan.isRaw(o) && o.dataPlane() == null && !Plan.nullSafe(o.pathParams()).isEmpty();
  }

  static boolean needsJson(Operation o) {
    return Plan.isRaw(o) && o.dataPlane() == null && o.body() != null && !o.body().kind().equals("stream");
  }

  void body(MethodSpec.Builder m, Ctx c, Operation o) {
    if (o.dataPlane() != null) {
      m.addStatement("throw new $T($S\n+ $S\n+ $S)", UnsupportedOperationException.class,
          Plan.key(c.s) + "." + o.name() + " calls a data-plane URL with a data-plane token ",
          "(from " + o.dataPlane().infoOperation() + ", " + o.dataPlane().infoPath() + "); databricks4j cannot obtain that token yet. ",
          "Use the control-plane route, servingEndpoints().query(...), instead.");
      return;
    }
    m.addStatement("$T.Builder http = $T.builder($S,$W$L)", Poet.HTTP_REQUEST, Poet.HTTP_REQUEST, o.verb(), pathExpr(o));
    if (WireWriter.needsIdempotentMark(o)) m.addStatement("http.idempotent(true)");
    if (!Plan.nullSafe(o.queryParams()).isEmpty()) m.addStatement("http.queryParams($L)", services.query(o, "request"));
    if (o.accept() != null) m.addStatement("http.header($S, $S)", "Accept", o.accept());
    for (Param h : Plan.nullSafe(o.headerParams())) {
      m.addStatement("if (request.$N() != null) http.header($S, String.valueOf(request.$N()))", h.field(), h.name(), h.field());
    }
    if (o.workspaceIdHeader()) {
      m.addStatement("String workspaceId = workspaceId()");
      m.addStatement("if (workspaceId != null) http.header($S, workspaceId)", "X-Databricks-Workspace-Id");
    }
    if (o.body() != null) {
      String ct = o.contentType() == null ? "application/json" : o.contentType();
      switch (o.body().kind()) {
        case "stream" -> {
          String f = plan.field(o.requestType(), o.body().field()).name();
          m.beginControlFlow("if (request.$N() != null)", f)
              .addStatement("http.body($T.of(request.$N(), -1, $S))", Poet.REQUEST_BODY, f, ct)
              .endControlFlow();
        }
        case "json" -> m.addStatement("http.body($T.of(json(request), $S))", Poet.REQUEST_BODY, ct);
        case "field" -> m.addStatement("http.body($T.of(json(request.$N()), $S))", Poet.REQUEST_BODY,
            plan.field(o.requestType(), o.body().field()).name(), ct);
        default -> throw new IllegalStateException("raw body " + o.body().kind() + " of " + o.name());
      }
    }
    // the response is read inside the attempt (ApiClient.call), so a body cut short is retried
    switch (o.responseKind()) {
      case "void" -> m.addStatement("api.call(http.build())");
      case "stream" -> {
        ClassName resp = plan.types.className(o.responseType());
        m.addStatement("$T response = api.stream(http.build(), $L)", Poet.HTTP_RESPONSE, o.resumable());
        m.addStatement("return $T.builder()$L\n.$N(response.body())\n.build()", resp, headerSetters(o), streamField(o));
      }
      case "headers" -> m.addStatement("return api.call(http.build(), response -> $T.builder()$L\n.build())",
          plan.types.className(o.responseType()), headerSetters(o));
      default -> {
        CodeBlock headers = headerSetters(o);
        CodeBlock json = CodeBlock.of("$T.json($T.class)", Poet.API_CLIENT, plan.types.typeName(o.responseType()));
        if (headers.isEmpty()) {
          m.addStatement("return api.call(http.build(), $L)", json);
        } else {
          m.addStatement("return api.call(http.build(), response -> $L.handle(response).toBuilder()$L\n.build())", json, headers);
        }
      }
    }
  }

  private String streamField(Operation o) {
    return Plan.nullSafe(plan.types.get(o.responseType()).fields()).stream()
        .filter(f -> f.type().equals("stream")).map(Field::name).findFirst()
        .orElseThrow(() -> new IllegalStateException(o.responseType() + " has no stream field"));
  }

  /** {@code .contentLength(response.header("content-length").map(Long::valueOf).orElse(null))}, one header a line. */
  private CodeBlock headerSetters(Operation o) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Param h : Plan.nullSafe(o.responseHeaders())) {
      String conv = switch (h.type()) {
        case "int64" -> ".map(Long::valueOf)";
        case "int32" -> ".map(Integer::valueOf)";
        case "boolean" -> ".map(Boolean::valueOf)";
        default -> "";
      };
      b.add("\n.$N(response.header($S)$L.orElse(null))", h.field(), h.name(), conv);
    }
    return b.build();
  }

  /** {@code "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path"))}. */
  private CodeBlock pathExpr(Operation o) {
    Matcher m = PARAM.matcher(o.path());
    List<CodeBlock> parts = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      if (m.start() > last) parts.add(CodeBlock.of("$S", o.path().substring(last, m.start())));
      PathParam p = Plan.nullSafe(o.pathParams()).stream().filter(x -> x.name().equals(m.group(1))).findFirst().orElseThrow();
      parts.add(CodeBlock.of("segments($L)", services.pathValue(o, p, "request")));
      last = m.end();
    }
    if (last < o.path().length()) parts.add(CodeBlock.of("$S", o.path().substring(last)));
    return CodeBlock.join(parts, " + ");
  }
}
